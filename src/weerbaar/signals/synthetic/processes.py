"""The generators of the processes beyond finance and procurement, and how they are written.

Each process has its own random stream (seed and process), so one process generated alone is
the same as within a full run. ``vergunningen`` runs before ``subsidies``: its Bibob refusals
are the parties SUB-005 plants grants for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
import numpy as np

from weerbaar.signals.schemas import DATASETS
from weerbaar.signals.synthetic.brp import generate_brp
from weerbaar.signals.synthetic.informatie import generate_informatie
from weerbaar.signals.synthetic.process import Context, ProcessData
from weerbaar.signals.synthetic.reisdocumenten import generate_reisdocumenten
from weerbaar.signals.synthetic.subsidies import generate_subsidies
from weerbaar.signals.synthetic.toezicht import generate_toezicht
from weerbaar.signals.synthetic.vergunningen import generate_vergunningen

LEDGER = ("financien", "inkoop")
Generator = Callable[[Context], ProcessData]
GENERATORS: dict[str, Generator] = {
    "vergunningen": generate_vergunningen,
    "subsidies": generate_subsidies,
    "brp": generate_brp,
    "reisdocumenten": generate_reisdocumenten,
    "informatie": generate_informatie,
    "toezicht": generate_toezicht,
}
PROCESSES: tuple[str, ...] = (*LEDGER, *GENERATORS)
STREAM = {name: 1_000 + index for index, name in enumerate(PROCESSES)}


def select_processes(names: Iterable[str] | None) -> list[str]:
    """The processes to generate in their generation order; ``None`` or ``all``: every one."""
    wanted = [name.strip() for name in names or () if name.strip()]
    if not wanted or "all" in wanted:
        return list(PROCESSES)
    unknown = sorted(set(wanted) - set(PROCESSES))
    if unknown:
        raise ValueError(f"unknown process {', '.join(unknown)}: use {', '.join(PROCESSES)} or all")
    return [name for name in PROCESSES if name in wanted]


def instances_for(records: int) -> int:
    return max(3, min(500, records // 20_000))


def run_process(name: str, seed: int, records: int, shared: dict[str, object]) -> ProcessData:
    rng = np.random.default_rng([seed, STREAM[name]])
    return GENERATORS[name](Context(rng, records, instances_for(records), shared))


def write_tables(
    con: duckdb.DuckDBPyConnection, out_dir: Path, data: ProcessData, fmt: str
) -> tuple[dict[str, Path], dict[str, int]]:
    """Write each table (typed by its schema, ordered by its key) as CSV or Parquet."""
    files, rows = {}, {}
    for name, arrow in data.tables.items():
        schema = DATASETS[name]
        casts = ", ".join(f'CAST("{c.name}" AS {c.type}) AS "{c.name}"' for c in schema.columns)
        order = ", ".join(f'"{k}"' for k in (schema.key or tuple(schema.names[:2])))
        path = out_dir / f"{name}.{fmt}"
        options = (
            "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
        )
        con.register("process_rows", arrow)
        con.execute(
            f"COPY (SELECT {casts} FROM process_rows ORDER BY {order}) TO '{path}' {options}"
        ).fetchall()
        con.unregister("process_rows")
        files[name], rows[name] = path, arrow.num_rows
    return files, rows
