"""Load OCDS 1.1 compiled releases (JSON lines) into flat DuckDB tables, as Cardinal reads them.

The file is read once by DuckDB's vectorised JSON reader with an explicit structure whose leaves
are kept as JSON, so a field of the wrong JSON type is treated the way Cardinal treats it (as
absent) instead of being silently converted: an ``ocid`` that is a number excludes the release, a
bid ``amount`` given as a string is not an amount, a ``numberOfTenderers`` of ``1.0`` is not 1.

Global exclusions (Cardinal ``indicators``, src/lib.rs): a release is skipped when its ``ocid`` is
not a string, its ``tender/status`` is ``cancelled`` or its ``tender/procurementMethodDetails`` is
listed in ``[exclusions] procurement_method_details``. Organisation references without a string
``id`` stay in the tables with a NULL id (rules ignore them, as Cardinal does per indicator), and
every bid records whether its currency is the main currency (``currency`` setting, else the first
currency observed), so price indicators skip other currencies while R028 still compares them.

Tables (one row per ...):

* ``ocds_processes`` — included release: ids, procurement method, tender period, flags;
* ``ocds_bids`` — bid x tenderer (a bid without tenderers gives one row with a NULL tenderer);
* ``ocds_awards`` — award x supplier (likewise);
* ``ocds_award_items`` — award item with its classification id;
* ``ocds_contracts`` — contract with its value and the award it implements.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from weerbaar.signals.ocds.settings import CardinalSettings
from weerbaar.signals.ocds.tables import (
    LARGE_OBJECT_BYTES,
    create_awards,
    create_bids,
    create_contracts,
    create_processes,
    read_raw,
)

TABLES = ("ocds_processes", "ocds_bids", "ocds_awards", "ocds_award_items", "ocds_contracts")
EMPTY_FILE = "the file is empty (no releases)"


class OcdsLoadError(ValueError):
    """The OCDS file cannot be read; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class OcdsLoad:
    """What :func:`load_ocds` read: counts per table and the main currency it used."""

    path: Path
    releases: int
    included: int
    main_currency: str | None
    rows: dict[str, int]


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # fetchall, not fetchone: an unfinished result would block the caller's next con.sql().
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def _main_currency(con: duckdb.DuckDBPyConnection, configured: str | None) -> str | None:
    """``currency`` from the settings, else the first currency Cardinal would observe.

    Cardinal fixes the main currency at the first bid amount a price indicator looks at: a
    submitted bid with an amount, in a process with an active award (file order).
    """
    if configured is not None:
        return configured
    row = con.execute(
        """
        SELECT b.currency FROM ocds_bids b
        WHERE b.amount IS NOT NULL AND b.currency IS NOT NULL
          AND b.status IN ('pending', 'valid', 'disqualified')
          AND b.process_id IN (SELECT process_id FROM ocds_awards WHERE status = 'active')
        ORDER BY b.process_id, b.bid_index LIMIT 1
        """
    ).fetchall()
    return str(row[0][0]) if row else None


# The parts of a release read as objects ({}) or arrays of objects ([{}]); paths as in OCDS.
_SHAPE: dict[str, Any] = {
    "buyer": {},
    "tender": {"procuringEntity": {}, "tenderPeriod": {}},
    "bids": {"details": [{"tenderers": [{}], "value": {}}]},
    "awards": [{"suppliers": [{}], "items": [{"classification": {}}], "value": {}}],
    "contracts": [{"value": {}}],
}


def _shape_problem(value: Any, shape: Any, where: str) -> str | None:
    """Where ``value`` does not have the object/array structure ``shape`` asks for."""
    if value is None:
        return None
    if isinstance(shape, list):
        if not isinstance(value, list):
            return f"{where}: expected a JSON array"
        for index, item in enumerate(value):
            problem = _shape_problem(item, shape[0], f"{where}[{index}]")
            if problem:
                return problem
        return None
    if not isinstance(value, dict):
        return f"{where}: expected a JSON object"
    for key, inner in shape.items():
        problem = _shape_problem(value.get(key), inner, f"{where}/{key}" if where else key)
        if problem:
            return problem
    return None


def _line_problem(line: bytes) -> str | None:
    """What is wrong with one line of the file, or None when it is a usable release."""
    if not line.strip():
        return None
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return f": not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8"
    except json.JSONDecodeError as exc:
        return f": invalid JSON ({exc.msg}, column {exc.colno})"
    if not isinstance(value, dict):
        return ": not a JSON object (a compiled release)"
    problem = _shape_problem(value, _SHAPE, "")
    return f", {problem}" if problem else None


def _locate_bad_line(path: Path) -> str:
    """Find the first line DuckDB could not read (only called after it refused the file)."""
    number = 0
    try:
        with gzip.open(path) if path.suffix == ".gz" else path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                problem = _line_problem(line)
                if problem:
                    return f"{path}, line {number}{problem}"
    except (OSError, EOFError, zlib.error) as exc:  # gzip: BadGzipFile, truncated stream
        return f"{path}, line {number + 1}: the gzip file is damaged or incomplete ({exc})"
    return f"{path}: unreadable"


def load_ocds(
    con: duckdb.DuckDBPyConnection, path: str | Path, settings: CardinalSettings | None = None
) -> OcdsLoad:
    """Read compiled releases (``.jsonl`` or ``.jsonl.gz``) into the ``ocds_*`` tables.

    Raises :class:`OcdsLoadError` naming the file and line when a line is not a JSON object or a
    field has a structure no OCDS release has (e.g. ``awards`` that is not an array), and naming
    the file when it holds no release at all (0 bytes, only blank lines, an empty ``.gz``), as
    an empty tabular input is refused. Then no ``ocds_*`` table is left behind.
    """
    path = Path(path)
    settings = settings or CardinalSettings()
    if not path.is_file():
        raise OcdsLoadError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise OcdsLoadError(f"{path}: {EMPTY_FILE}")
    # process_id must follow the file order ("first observed" currency), whatever the caller set.
    keep_order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()
    con.execute("SET preserve_insertion_order = true")
    excluded = settings.excluded_procurement_method_details()
    try:
        try:
            read_raw(con, path, excluded)
        except duckdb.Error as exc:
            if "maximum_object_size" not in str(exc):
                raise
            read_raw(con, path, excluded, LARGE_OBJECT_BYTES)  # a release over 16 MiB
    except duckdb.Error as exc:
        detail = _locate_bad_line(path)
        if detail.endswith("unreadable"):
            detail = f"{path}: {str(exc).splitlines()[0]}"
        raise OcdsLoadError(detail) from exc
    finally:
        con.execute(f"SET preserve_insertion_order = {bool(keep_order[0][0])}")
    releases = _count(con, "ocds_raw")
    if releases == 0:  # only blank lines: DuckDB's reader skips them
        con.execute("DROP VIEW ocds_included")
        con.execute("DROP TABLE ocds_raw")
        raise OcdsLoadError(f"{path}: {EMPTY_FILE}")
    create_processes(con)
    create_bids(con, settings.currency)
    create_awards(con)
    create_contracts(con)
    currency = _main_currency(con, settings.currency)
    if settings.currency is None:  # first observed: known only now that the tables exist
        con.execute(
            "UPDATE ocds_bids SET is_main_currency = coalesce(currency = ?, FALSE)", [currency]
        )
    con.execute("DROP VIEW ocds_included")
    con.execute("DROP TABLE ocds_raw")
    rows = {table: _count(con, table) for table in TABLES}
    return OcdsLoad(
        path=path,
        releases=releases,
        included=rows["ocds_processes"],
        main_currency=currency,
        rows=rows,
    )
