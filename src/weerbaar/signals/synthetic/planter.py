"""Helpers to add planted (anomalous) records beside the ordinary data, and their labels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from weerbaar.signals.models import Label
from weerbaar.signals.schemas import DATASETS
from weerbaar.signals.synthetic.base import (
    APPROVERS,
    BUDGET_HOLDERS,
    CATEGORIES,
    COST_CENTRES,
    DESCRIPTIONS,
    ENTERERS,
    MASTER_DATA,
    PERIOD_START,
    REQUESTERS,
)
from weerbaar.signals.synthetic.identity import (
    BANK_CODES,
    company_names,
    ibans,
    postcodes,
    unique_accounts,
)

Row = dict[str, Any]


@dataclass
class Planter:
    con: duckdb.DuckDBPyConnection
    rng: np.random.Generator
    instances: int
    payments_base: int
    creditors_base: int
    orders_base: int
    rows: dict[str, list[Row]] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)
    _counters: dict[str, int] = field(default_factory=dict)

    def _next(self, name: str, start: int) -> int:
        value = self._counters.get(name, start) + 1
        self._counters[name] = value
        return value

    def day(self, offset: int) -> dt.date:
        return PERIOD_START + dt.timedelta(days=int(offset))

    def randint(self, low: int, high: int) -> int:
        return int(self.rng.integers(low, high))

    def amount(self, low: float, high: float) -> float:
        return round(float(self.rng.uniform(low, high)), 2)

    def pick(self, values: tuple[str, ...] | list[str]) -> str:
        return values[self.randint(0, len(values))]

    def new_iban(self) -> str:
        number = self._next("account", 0)
        accounts = unique_accounts(np.random.default_rng(number), 1, 5_000_000 + number * 3)
        return ibans(np.array([number % len(BANK_CODES)]), accounts)[0]

    def label(self, rule_id: str, entity_type: str, entity_id: str, *records: str) -> None:
        self.labels.append(Label(rule_id, entity_type, entity_id, tuple(records)))

    def add(self, dataset: str, row: Row) -> Row:
        self.rows.setdefault(dataset, []).append(row)
        return row

    def creditor(self, **values: Any) -> Row:
        number = self._next("creditor", self.creditors_base)
        index = np.array([self.creditors_base + number * 11])
        row: Row = {
            "creditor_id": f"CR{number:07d}",
            "name": company_names(self.rng, 1)[0],
            "kvk_number": f"{90_000_000 + number:08d}",
            "iban": self.new_iban(),
            "postcode": postcodes(index)[0],
            "house_number": str(self.randint(1, 240)),
            "created_date": self.day(-self.randint(400, 3000)),
            "created_by": self.pick(MASTER_DATA),
        }
        row.update(values)
        return self.add("creditors", row)

    def payment(self, creditor: Row, offset: int, amount: float, **values: Any) -> Row:
        number = self._next("payment", self.payments_base)
        row: Row = {
            "payment_id": f"BET{number:09d}",
            "payment_date": self.day(offset),
            "amount_eur": amount,
            "creditor_id": creditor["creditor_id"],
            "iban": creditor["iban"],
            "invoice_number": f"F{90_000_000 + number}",
            "invoice_date": self.day(offset - self.randint(3, 30)),
            "description": self.pick(DESCRIPTIONS),
            "cost_centre": self.pick(COST_CENTRES),
            "entered_by": self.pick(ENTERERS),
            "approved_by": self.pick(APPROVERS),
        }
        row.update(values)
        return self.add("payments", row)

    def order(self, creditor_id: str, offset: int, amount: float, **values: Any) -> Row:
        number = self._next("order", self.orders_base)
        procedure = "enkelvoudig_onderhands" if amount < 50_000 else "meervoudig_onderhands"
        row: Row = {
            "order_id": f"ORD{number:08d}",
            "order_date": self.day(offset),
            "creditor_id": creditor_id,
            "amount_eur": amount,
            "category": self.pick(CATEGORIES),
            "procedure": procedure,
            "requested_by": self.pick(REQUESTERS),
            "approved_by": self.pick(BUDGET_HOLDERS),
        }
        row.update(values)
        return self.add("orders", row)

    def change(self, creditor_id: str, when: dt.datetime, old: str, new: str) -> Row:
        row: Row = {
            "creditor_id": creditor_id,
            "changed_at": when,
            "field": "iban",
            "old_value": old,
            "new_value": new,
            "changed_by": self.pick(MASTER_DATA),
        }
        return self.add("creditor_changes", row)

    def sample(self, sql: str, count: int) -> list[Row]:
        """Rows of a base query, chosen reproducibly with the planter's random generator."""
        cursor = self.con.execute(sql)
        names = [item[0] for item in cursor.description or []]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
        if not rows:
            return []
        chosen = self.rng.choice(len(rows), min(count, len(rows)), replace=False)
        return [rows[int(i)] for i in sorted(chosen.tolist())]

    def flush(self) -> None:
        """Insert every planted row into its DuckDB table (typed by the dataset schema)."""
        for dataset, rows in self.rows.items():
            schema = DATASETS[dataset]
            text = {
                c.name: pa.array([_text(row.get(c.name)) for row in rows], pa.string())
                for c in schema.columns
            }
            self.con.register("planted_rows", pa.table(text))
            casts = ", ".join(f'CAST("{c.name}" AS {c.type}) AS "{c.name}"' for c in schema.columns)
            self.con.execute(
                f'INSERT INTO "{dataset}" BY NAME SELECT {casts} FROM planted_rows'
            ).fetchall()
            self.con.unregister("planted_rows")
        self.rows = {}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
