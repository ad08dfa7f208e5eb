"""Write a run's hits (Parquet, CSV, JSON) and its manifest (run.json); all or nothing.

Every file holds what ``hit.model_dump()`` says of each hit: hits.parquet and hits.csv a
:func:`hit_record` per hit (the nested fields as compact JSON text, record ids in the CSV joined
by ``|``), hits.json a list with one hit object per line. The columns are taken from the hits
once and encoded by the C parts of :mod:`json` and :mod:`csv` and by Arrow; a rule's parameters,
shared by all its hits, are encoded once.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from weerbaar.signals.engine import gc_paused
from weerbaar.signals.models import Hit

HIT_FIELDS: tuple[str, ...] = tuple(Hit.model_fields)
JSON_FIELDS = ("parameters", "fences", "details")
HIT_SCHEMA = pa.schema(
    [
        ("rule_id", pa.string()),
        ("rule_version", pa.int32()),
        ("severity", pa.string()),
        ("process", pa.string()),
        ("entity_type", pa.string()),
        ("entity_id", pa.string()),
        ("record_ids", pa.list_(pa.string())),
        ("value", pa.float64()),
        ("parameters", pa.string()),
        ("fences", pa.string()),
        ("details", pa.string()),
        ("explanation_nl", pa.string()),
        ("explanation_en", pa.string()),
    ]
)
CHUNK = 10_000  # hits per write of hits.csv and hits.json

_dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode
_line = json.JSONEncoder(ensure_ascii=False, default=str).encode


def hit_record(hit: Hit) -> dict[str, Any]:
    """A flat record: JSON strings for the nested fields."""
    record = hit.model_dump()
    for name in JSON_FIELDS:
        record[name] = _dumps(record[name])
    return record


def _json_column(values: Sequence[Any]) -> list[str]:
    """Compact JSON text of each value; values shared by many hits are encoded once."""
    known: dict[int, str] = {}
    texts = []
    for value in values:
        text = known.get(id(value))
        if text is None:
            text = known[id(value)] = _dumps(value)
        texts.append(text)
    return texts


def _fields(hits: Sequence[Hit]) -> dict[str, list[Any]]:
    """The hits' fields as columns (the values ``model_dump`` gives: hits hold plain values)."""
    return {name: list(map(attrgetter(name), hits)) for name in HIT_FIELDS}


def _columns(fields: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """The :func:`hit_record` columns: the nested fields as compact JSON text."""
    return {
        name: _json_column(values) if name in JSON_FIELDS else values
        for name, values in fields.items()
    }


def hits_table(hits: Sequence[Hit]) -> pa.Table:
    """The hits as an Arrow table of :func:`hit_record` rows (schema ``HIT_SCHEMA``)."""
    with gc_paused():
        return pa.Table.from_pydict(_columns(_fields(hits)), schema=HIT_SCHEMA)


def _write_csv(handle: IO[str], hits: Sequence[Hit], columns: dict[str, list[Any]]) -> None:
    fields = [columns[name] for name in HIT_FIELDS]
    fields[HIT_FIELDS.index("record_ids")] = ["|".join(hit.record_ids) for hit in hits]
    writer = csv.writer(handle)
    writer.writerow(HIT_FIELDS)
    writer.writerows(zip(*fields, strict=True))


def _write_json(handle: IO[str], fields: dict[str, list[Any]]) -> None:
    """A JSON list of the hits (``hit.model_dump()`` objects), one per line."""
    rows = list(zip(*fields.values(), strict=True))
    if not rows:
        handle.write("[]")
        return
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        lines = [_line(dict(zip(HIT_FIELDS, row, strict=True))) for row in part]
        handle.write(("[\n" if start == 0 else ",\n") + ",\n".join(lines))
    handle.write("\n]\n")


def write_run(out_dir: Path, hits: list[Hit], manifest: dict[str, Any]) -> list[Path]:
    """Write hits.parquet, hits.csv, hits.json and run.json into ``out_dir``.

    Each file is written beside its target and moved into place only when all are complete.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / name for name in ("hits.parquet", "hits.csv", "hits.json", "run.json")]
    partials = [target.with_name(f".{target.name}.partial") for target in targets]
    try:
        with gc_paused():
            fields = _fields(hits)
            columns = _columns(fields)
            pq.write_table(pa.Table.from_pydict(columns, schema=HIT_SCHEMA), partials[0])
            with partials[1].open("w", encoding="utf-8", newline="") as handle:
                _write_csv(handle, hits, columns)
            del columns
            with partials[2].open("w", encoding="utf-8") as handle:
                _write_json(handle, fields)
        partials[3].write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
        for partial, target in zip(partials, targets, strict=True):
            os.replace(partial, target)
    finally:
        for partial in partials:
            if partial.exists():
                partial.unlink()
    return targets
