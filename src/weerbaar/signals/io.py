"""Write a run's hits (Parquet, CSV, JSON) and its manifest (run.json); all or nothing."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def hit_record(hit: Hit) -> dict[str, Any]:
    """A flat record: JSON strings for the nested fields."""
    record = hit.model_dump()
    for name in JSON_FIELDS:
        record[name] = _dumps(record[name])
    return record


def hits_table(hits: list[Hit]) -> pa.Table:
    return pa.Table.from_pylist([hit_record(hit) for hit in hits], schema=HIT_SCHEMA)


def _write_csv(path: Path, hits: list[Hit]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HIT_FIELDS)
        writer.writeheader()
        for hit in hits:
            record = hit_record(hit)
            record["record_ids"] = "|".join(hit.record_ids)
            writer.writerow(record)


def write_run(out_dir: Path, hits: list[Hit], manifest: dict[str, Any]) -> list[Path]:
    """Write hits.parquet, hits.csv, hits.json and run.json into ``out_dir``.

    Each file is written beside its target and moved into place only when all are complete.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / name for name in ("hits.parquet", "hits.csv", "hits.json", "run.json")]
    partials = [target.with_name(f".{target.name}.partial") for target in targets]
    try:
        pq.write_table(hits_table(hits), partials[0])
        _write_csv(partials[1], hits)
        partials[2].write_text(
            json.dumps(
                [hit.model_dump() for hit in hits], ensure_ascii=False, indent=1, default=str
            ),
            encoding="utf-8",
        )
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
