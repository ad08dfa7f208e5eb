"""What every process generator shares: its context, its output and typed Arrow tables.

A process generator draws its ordinary records vectorised (NumPy), then adds planted anomalies
(each labelled with the rule that must flag it) and decoys: legitimate records that look like an
anomaly but must not be flagged (each labelled with the rule they resemble).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from weerbaar.signals.columns import DatasetSchema
from weerbaar.signals.models import Label
from weerbaar.signals.pseudonym import DEMO_KEY, pseudonym
from weerbaar.signals.schemas import DATASETS

PERIOD_START = dt.date(2023, 1, 1)
PERIOD_DAYS = 731
ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("s"),
    "DECIMAL(18,2)": pa.float64(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}
Row = dict[str, Any]


def arrow_schema(schema: DatasetSchema) -> pa.Schema:
    return pa.schema([(c.name, ARROW_TYPES[c.type]) for c in schema.columns])


@dataclass
class Context:
    """One process's share of a generation run."""

    rng: np.random.Generator
    records: int  # rows of the process's main table
    instances: int  # planted anomalies (and decoys) per rule
    shared: dict[str, Any] = field(default_factory=dict)  # facts other processes may use

    def day(self, offset: int | np.integer[Any]) -> dt.date:
        return PERIOD_START + dt.timedelta(days=int(offset))

    def randint(self, low: int, high: int) -> int:
        return int(self.rng.integers(low, high))

    def pick(self, values: Sequence[str]) -> str:
        return values[self.randint(0, len(values))]


@dataclass
class ProcessData:
    """A process's tables, the anomalies planted in them and the decoys beside them."""

    tables: dict[str, pa.Table] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    decoys: list[Label] = field(default_factory=list)

    def label(self, rule_id: str, entity_type: str, entity_id: str, *records: str) -> None:
        self.labels.append(Label(rule_id, entity_type, entity_id, tuple(records)))

    def decoy(self, rule_id: str, entity_type: str, entity_id: str, *records: str) -> None:
        self.decoys.append(Label(rule_id, entity_type, entity_id, tuple(records)))


def table(dataset: str, columns: dict[str, Any], rows: Sequence[Row] = ()) -> pa.Table:
    """The dataset's typed Arrow table: ``columns`` (arrays of the ordinary records) followed by
    ``rows`` (planted records as mappings; missing keys are NULL)."""
    schema = arrow_schema(DATASETS[dataset])
    length = max((len(values) for values in columns.values()), default=0)
    arrays = [
        pa.array(columns[f.name], f.type, from_pandas=True)
        if f.name in columns
        else pa.nulls(length, f.type)
        for f in schema
    ]
    base = pa.Table.from_arrays(arrays, schema=schema)
    if not rows:
        return base
    extra = pa.Table.from_pylist([dict(row) for row in rows], schema=schema)
    return pa.concat_tables([base, extra])


def demo_pseudonym(identifier: str) -> str:
    """The pseudonym a run with the demo key gives ``identifier`` (labels name people so)."""
    return pseudonym(DEMO_KEY, identifier)


def bsns(rng: np.random.Generator, count: int, offset: int = 0) -> list[str]:
    """``count`` distinct valid burgerservicenummers (elfproef), shuffled."""
    steps = np.arange(offset, offset + count * 2 + 20, dtype=np.int64)
    candidates = 10_000_000 + steps * 7 % 89_999_999  # distinct eight-digit numbers
    digits = (candidates[:, None] // 10 ** np.arange(7, -1, -1)) % 10
    total = digits @ np.arange(9, 1, -1)
    check = total % 11
    valid = check < 10
    numbers = candidates[valid][:count] * 10 + check[valid][:count]
    rng.shuffle(numbers)
    return [f"{n:09d}" for n in numbers.tolist()]


def kvk_numbers(start: int, count: int) -> list[str]:
    return [f"{n:08d}" for n in range(start, start + count)]


def bag_ids(start: int, count: int) -> list[str]:
    """Verblijfsobject ids of the synthetic municipality (code 9999, object type 01)."""
    return [f"999901{n:010d}" for n in range(start, start + count)]


def days_between(
    rng: np.random.Generator, count: int, low: int = 0, high: int = PERIOD_DAYS
) -> Any:
    return rng.integers(low, high, count)


def as_dates(offsets: Any) -> Any:
    return np.datetime64(PERIOD_START, "D") + np.asarray(offsets).astype("timedelta64[D]")


def as_times(offsets: Any, seconds: Any) -> Any:
    """Timestamps: a day offset plus seconds after midnight."""
    day = np.datetime64(PERIOD_START, "s") + np.asarray(offsets).astype("timedelta64[D]")
    return day + np.asarray(seconds).astype("timedelta64[s]")


def choose(rng: np.random.Generator, values: Sequence[str], count: int) -> Any:
    return np.asarray(values, dtype=object)[rng.integers(0, len(values), count)]


def workdays(offsets: Any) -> Any:
    """Day offsets moved off the weekend (Saturday and Sunday to the next Monday)."""
    offsets = np.asarray(offsets)
    weekday = (PERIOD_START.weekday() + offsets) % 7
    return offsets + np.where(weekday == 5, 2, np.where(weekday == 6, 1, 0))
