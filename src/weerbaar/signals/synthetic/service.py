"""``generate``: all datasets of Gemeente Voorbeeld (GM9999) with planted anomalies and labels."""

from __future__ import annotations

import csv
import importlib
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb
import numpy as np

from weerbaar.signals.models import Label
from weerbaar.signals.schemas import DATASETS
from weerbaar.signals.synthetic.base import (
    create_changes,
    create_creditors,
    create_orders,
    create_payments,
)
from weerbaar.signals.synthetic.employees import create_employees
from weerbaar.signals.synthetic.planter import Planter
from weerbaar.signals.synthetic.plants import BENFORD_PAYMENTS, PLANTS
from weerbaar.signals.synthetic.processes import (
    LEDGER,
    run_process,
    select_processes,
    write_tables,
)

logger = logging.getLogger("weerbaar.signals")
SIZES = {"small": 5_000, "medium": 100_000, "large": 1_000_000}
CSV_LIMIT = 200_000
MUNICIPALITY = {"code": "GM9999", "name": "Gemeente Voorbeeld"}
Format = Literal["auto", "csv", "parquet"]
LEDGER_DATASETS = ("payments", "creditors", "creditor_changes", "orders", "employees")


@dataclass
class Generated:
    out_dir: Path
    files: dict[str, Path]
    rows: dict[str, int]
    labels: list[Label]
    seconds: float
    ocds: bool = False
    decoys: list[Label] = field(default_factory=list)

    @property
    def ocds_file(self) -> Path | None:
        return self.out_dir / "ocds.jsonl" if self.ocds else None


def payment_count(size: str) -> int:
    """``small|medium|large`` or a number of payments (``10000000``, ``1e7``, ``10_000_000``)."""
    if size in SIZES:
        return SIZES[size]
    try:
        count = int(float(size.replace("_", "")))
    except ValueError:
        raise ValueError(
            f"size {size!r}: use small, medium, large or a number of payments"
        ) from None
    if count < 1_000:
        raise ValueError(f"size {size!r}: at least 1,000 payments")
    return count


def plan_sizes(payments: int) -> dict[str, int]:
    instances = max(3, min(500, payments // 20_000))
    planted = BENFORD_PAYMENTS * (1 + payments // 2_000_000) + instances * 25
    base = max(payments // 2, payments - planted)
    return {
        "instances": instances,
        "payments": base,
        "creditors": max(200, base // 25),
        "orders": max(200, payments // 20),
    }


def _write(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> dict[str, Path]:
    files = {}
    for name in LEDGER_DATASETS:
        schema = DATASETS[name]
        columns = ", ".join(f'"{c}"' for c in schema.names)
        order = ", ".join(schema.key or schema.names[:2])
        path = out_dir / f"{name}.{fmt}"
        options = (
            "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
        )
        con.execute(
            f"COPY (SELECT {columns} FROM \"{name}\" ORDER BY {order}) TO '{path}' {options}"
        ).fetchall()
        files[name] = path
    return files


def write_labels(path: Path, labels: list[Label]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["rule_id", "entity_type", "entity_id", "record_ids"])
        for label in labels:
            writer.writerow(
                [label.rule_id, label.entity_type, label.entity_id, "|".join(label.record_ids)]
            )


def read_labels(path: Path) -> list[Label]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Label(
                row["rule_id"],
                row["entity_type"],
                row["entity_id"],
                tuple(r for r in row["record_ids"].split("|") if r),
            )
            for row in csv.DictReader(handle)
        ]


def _ocds(out_dir: Path, seed: int, payments: int) -> tuple[dict[str, Any] | None, list[Label]]:
    """OCDS releases (``ocds.jsonl``) and their labels from the ocds package's generator."""
    try:
        generator = importlib.import_module("weerbaar.signals.ocds.generator")
    except ImportError:
        return None, []
    tenders = min(20_000, max(200, payments // 25))
    synthetic = generator.generate(tenders, seed)
    path = generator.write_releases(out_dir / "ocds.jsonl", synthetic.releases)
    labels = [
        Label(item.rule_id, item.entity_type, item.entity_id, tuple(item.record_ids))
        for item in synthetic.labels
    ]
    return {"file": Path(path).name, "releases": len(synthetic.releases)}, labels


def _write_meta(out_dir: Path, meta: dict[str, Any]) -> None:
    record = {"municipality": MUNICIPALITY, **meta, "synthetic": True}
    (out_dir / "generation.json").write_text(json.dumps(record, indent=2), encoding="utf-8")


def _ledger(
    con: duckdb.DuckDBPyConnection, seed: int, total: int, out_dir: Path, fmt: str
) -> tuple[dict[str, Path], dict[str, int], list[Label], list[Label]]:
    """Payments, creditors, their changes, orders and employees (financien and inkoop)."""
    sizes = plan_sizes(total)
    rng = np.random.default_rng(seed)
    create_creditors(con, rng, sizes["creditors"])
    create_payments(con, rng, sizes["payments"], sizes["creditors"])
    create_orders(con, rng, sizes["orders"], sizes["creditors"])
    create_changes(con, rng, sizes["creditors"])
    planter = Planter(
        con, rng, sizes["instances"], sizes["payments"], sizes["creditors"], sizes["orders"]
    )
    for plant in PLANTS:
        plant(planter)
    decoys = create_employees(planter)
    planter.flush()
    files = _write(con, out_dir, fmt)
    rows = {
        name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0])
        for name in LEDGER_DATASETS
    }
    return files, rows, planter.labels, decoys


def generate(
    size: str,
    seed: int,
    out_dir: Path,
    fmt: Format = "auto",
    ocds: bool = True,
    processes: Iterable[str] | None = None,
) -> Generated:
    """Write the datasets of ``processes`` (default: all), ``labels.csv`` (planted anomalies),
    ``decoys.csv`` (legitimate look-alikes) and ``generation.json`` to ``out_dir``.

    ``size`` is the number of records in each process's main table (payments for financien).
    """
    started = time.perf_counter()
    total = payment_count(size)
    chosen_processes = select_processes(processes)
    chosen = fmt if fmt != "auto" else ("csv" if total <= CSV_LIMIT else "parquet")
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("SET threads TO 2").fetchall()
    files: dict[str, Path] = {}
    rows: dict[str, int] = {}
    labels: list[Label] = []
    decoys: list[Label] = []
    if set(LEDGER) & set(chosen_processes):
        files, rows, labels, decoys = _ledger(con, seed, total, out_dir, chosen)
    shared: dict[str, object] = {}
    for name in chosen_processes:
        if name in LEDGER:
            continue
        data = run_process(name, seed, total, shared)
        written, counted = write_tables(con, out_dir, data, chosen)
        files.update(written)
        rows.update(counted)
        labels += data.labels
        decoys += data.decoys
    with_ocds = ocds and "inkoop" in chosen_processes
    ocds_info, ocds_labels = _ocds(out_dir, seed, total) if with_ocds else (None, [])
    labels = [*labels, *ocds_labels]
    write_labels(out_dir / "labels.csv", labels)
    write_labels(out_dir / "decoys.csv", decoys)
    seconds = time.perf_counter() - started
    meta = {
        "size": size,
        "seed": seed,
        "format": chosen,
        "processes": chosen_processes,
        "rows": rows,
        "labels": len(labels),
        "decoys": len(decoys),
    }
    _write_meta(out_dir, {**meta, "ocds": ocds_info})
    logger.info(
        "data_generated rows=%s seconds=%.1f", rows, seconds, extra={"event": "data_generated"}
    )
    return Generated(out_dir, files, rows, labels, seconds, ocds_info is not None, decoys)
