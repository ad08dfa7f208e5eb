"""Build a rule's example tables in a fresh DuckDB database and check its expectations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pyarrow as pa

from weerbaar.signals.engine import effective_params, query_rule, to_hit
from weerbaar.signals.models import Example, Hit, Row, Rule
from weerbaar.signals.schemas import DATASETS, DatasetSchema


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _create_declared(
    con: duckdb.DuckDBPyConnection, schema: DatasetSchema, rows: list[Row]
) -> None:
    columns = ", ".join(f'"{c.name}" {c.type}' for c in schema.columns)
    con.execute(f'CREATE TABLE "{schema.name}" ({columns})')
    if not rows:
        return
    unknown = {key for row in rows for key in row} - set(schema.names)
    if unknown:
        raise ValueError(f"{schema.name}: unknown columns {sorted(unknown)}")
    strings = pa.table(
        {
            c.name: pa.array([_text(row.get(c.name)) for row in rows], pa.string())
            for c in schema.columns
        }
    )
    con.register("example_rows", strings)
    casts = ", ".join(f'CAST("{c.name}" AS {c.type})' for c in schema.columns)
    con.execute(f'INSERT INTO "{schema.name}" SELECT {casts} FROM example_rows')
    con.unregister("example_rows")


def _create_inferred(con: duckdb.DuckDBPyConnection, name: str, rows: list[Row]) -> None:
    if not rows:
        con.execute(f'CREATE TABLE "{name}" (dummy VARCHAR)')
        return
    con.register("example_rows", pa.Table.from_pylist(rows))
    con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM example_rows')
    con.unregister("example_rows")


def example_connection(rule: Rule, example: Example) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory database holding every dataset of ``rule`` as in ``example``."""
    con = duckdb.connect()
    for dataset in rule.spec.datasets:
        rows = example.tables.get(dataset, [])
        if dataset in DATASETS:
            _create_declared(con, DATASETS[dataset], rows)
        else:
            _create_inferred(con, dataset, rows)
    return con


def run_example(rule: Rule, example: Example) -> list[Hit]:
    con = example_connection(rule, example)
    try:
        params = effective_params(rule, example.params)
        return [to_hit(rule, row, params) for row in query_rule(con, rule, params)]
    finally:
        con.close()


def check_example(rule: Rule, example: Example, *, fires: bool) -> list[str]:
    """Problems with one example (empty when it behaves as declared)."""
    hits = run_example(rule, example)
    label = f"{rule.id} example {example.name!r}"
    if not fires:
        return [f"{label}: expected no hits, got {[h.entity_id for h in hits]}"] if hits else []
    expect = example.expect
    assert expect is not None
    problems = []
    if expect.count is not None and len(hits) != expect.count:
        problems.append(f"{label}: expected {expect.count} hits, got {len(hits)}")
    if expect.entity_ids is not None:
        got = sorted({h.entity_id for h in hits})
        if got != sorted(set(expect.entity_ids)):
            problems.append(f"{label}: expected entity ids {sorted(expect.entity_ids)}, got {got}")
    return problems
