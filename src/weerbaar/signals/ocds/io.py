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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from weerbaar.signals.ocds.settings import CardinalSettings

TABLES = ("ocds_processes", "ocds_bids", "ocds_awards", "ocds_award_items", "ocds_contracts")

_ORG = "STRUCT(id JSON)"
_VALUE = "STRUCT(amount JSON, currency JSON)"
_COLUMNS = {
    "ocid": "JSON",
    "buyer": _ORG,
    "tender": (
        "STRUCT(status JSON, procurementMethod JSON, procurementMethodDetails JSON, "
        f"mainProcurementCategory JSON, numberOfTenderers JSON, procuringEntity {_ORG}, "
        "tenderPeriod STRUCT(startDate JSON, endDate JSON))"
    ),
    "bids": f"STRUCT(details STRUCT(status JSON, date JSON, tenderers {_ORG}[], value {_VALUE})[])",
    "awards": (
        f"STRUCT(id JSON, status JSON, date JSON, suppliers {_ORG}[], "
        f"items STRUCT(classification STRUCT(id JSON))[], value {_VALUE})[]"
    ),
    "contracts": f"STRUCT(id JSON, awardID JSON, status JSON, value {_VALUE})[]",
}
# RFC 3339 date-time, as chrono's DateTime::parse_from_rfc3339 accepts it.
_RFC3339 = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"


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


def _str(expr: str) -> str:
    """A JSON leaf as VARCHAR when it is a JSON string, else NULL (Cardinal's ``Value::String``).

    JSON text is inspected directly: quoted text without escapes is sliced, only text with
    backslash escapes goes through the JSON parser.
    """
    text = f"CAST({expr} AS VARCHAR)"
    return (
        f"CASE WHEN starts_with({text}, '\"') THEN CASE WHEN contains({text}, '\\') "
        f"THEN json_extract_string({expr}, '$') ELSE ({text})[2:-2] END END"
    )


def _num(expr: str) -> str:
    """A JSON leaf as DOUBLE when it is a JSON number, else NULL (Cardinal's ``as_f64``)."""
    return f"TRY_CAST(CAST({expr} AS VARCHAR) AS DOUBLE)"


def _id(expr: str) -> str:
    """An OCDS ``id`` that may be a string or an integer, as text (for award/contract links)."""
    text = f"CAST({expr} AS VARCHAR)"
    integer = f"CASE WHEN regexp_full_match({text}, '-?[0-9]+') THEN {text} END"
    return f"coalesce({_str(expr)}, {integer})"


def _timestamp(expr: str) -> str:
    """An RFC 3339 date-time string as a UTC TIMESTAMP; anything else NULL."""
    text = _str(expr)
    return (
        f"CASE WHEN regexp_matches({text}, '{_RFC3339}') THEN CAST(timezone('UTC', "
        f"TRY_CAST(upper({text}) AS TIMESTAMPTZ)) AS TIMESTAMP) END"
    )


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]::VARCHAR[]"


def _read_raw(con: duckdb.DuckDBPyConnection, path: Path, excluded: list[str]) -> None:
    columns = "{" + ", ".join(f"{name}: '{kind}'" for name, kind in _COLUMNS.items()) + "}"
    source = str(path).replace("'", "''")
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE ocds_raw AS
        SELECT
          {_str("ocid")} AS ocid, buyer, tender, bids, awards, contracts,
          starts_with(CAST(ocid AS VARCHAR), '"')
          AND coalesce({_str("tender.status")}, '') <> 'cancelled'
          AND NOT coalesce(list_contains({_sql_list(excluded)},
                                         {_str("tender.procurementMethodDetails")}), FALSE)
            AS included
        FROM read_ndjson('{source}', columns = {columns}, maximum_object_size = 268435456)
        """
    )
    # rowid follows the file order (insertion order is preserved), which "first seen" needs.
    con.execute(
        """
        CREATE OR REPLACE TEMP VIEW ocds_included AS
        SELECT rowid + 1 AS process_id, ocid, buyer, tender, bids, awards, contracts
        FROM ocds_raw WHERE included
        """
    )


def _create_processes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_processes AS
        SELECT process_id, ocid,
          {_str("buyer.id")} AS buyer_id,
          {_str("tender.procuringEntity.id")} AS procuring_entity_id,
          {_str("tender.procurementMethod")} AS procurement_method,
          {_str("tender.procurementMethodDetails")} AS procurement_method_details,
          {_str("tender.mainProcurementCategory")} AS main_procurement_category,
          CASE WHEN json_type(tender.numberOfTenderers) IN ('UBIGINT', 'BIGINT')
               THEN TRY_CAST(json_extract_string(tender.numberOfTenderers, '$') AS BIGINT)
          END AS number_of_tenderers,
          {_timestamp("tender.tenderPeriod.startDate")} AS tender_start,
          {_timestamp("tender.tenderPeriod.endDate")} AS tender_end,
          {_str("tender.tenderPeriod.endDate")} AS tender_end_text,
          awards IS NOT NULL AS has_awards,
          bids.details IS NOT NULL AS has_bid_details
        FROM ocds_included
        """
    )


def _create_bids(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_bids AS
        WITH bid AS (
          SELECT process_id, ocid, unnest(bids.details) AS b,
                 generate_subscripts(bids.details, 1) AS bid_index
          FROM ocds_included WHERE bids.details IS NOT NULL
        ), flat AS (
          SELECT process_id, ocid, bid_index, {_str("b.status")} AS status,
                 {_str("b.date")} AS bid_date, {_num("b.value.amount")} AS amount,
                 {_str("b.value.currency")} AS currency, len(b.tenderers) AS tenderer_count,
                 CASE WHEN len(b.tenderers) > 0 THEN b.tenderers ELSE [NULL] END AS tenderers
          FROM bid
        ), tenderer AS (
          SELECT * EXCLUDE (tenderers), unnest(tenderers) AS t FROM flat
        )
        SELECT process_id, ocid, bid_index, status, bid_date, amount, currency,
               FALSE AS is_main_currency, tenderer_count, {_str("t.id")} AS tenderer_id
        FROM tenderer
        """
    )


def _create_awards(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_awards AS
        WITH award AS (
          SELECT process_id, ocid, unnest(awards) AS a,
                 generate_subscripts(awards, 1) AS award_index
          FROM ocds_included WHERE awards IS NOT NULL
        ), flat AS (
          SELECT process_id, ocid, award_index, {_id("a.id")} AS award_id,
                 {_str("a.status")} AS status,
                 {_timestamp("a.date")} AS award_date, {_num("a.value.amount")} AS amount,
                 {_str("a.value.currency")} AS currency, len(a.suppliers) AS supplier_count,
                 CASE WHEN len(a.suppliers) > 0 THEN a.suppliers ELSE [NULL] END AS suppliers
          FROM award
        ), supplier AS (
          SELECT * EXCLUDE (suppliers), unnest(suppliers) AS s FROM flat
        )
        SELECT process_id, ocid, award_index, award_id, status, award_date, amount, currency,
               supplier_count, {_str("s.id")} AS supplier_id
        FROM supplier
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_award_items AS
        WITH award AS (
          SELECT process_id, ocid, unnest(awards) AS a,
                 generate_subscripts(awards, 1) AS award_index
          FROM ocds_included WHERE awards IS NOT NULL
        ), item AS (
          SELECT process_id, ocid, award_index, unnest(a.items) AS i FROM award
          WHERE a.items IS NOT NULL
        )
        SELECT process_id, ocid, award_index, {_str("i.classification.id")} AS classification_id
        FROM item
        """
    )


def _create_contracts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_contracts AS
        WITH contract AS (
          SELECT process_id, ocid, unnest(contracts) AS c,
                 generate_subscripts(contracts, 1) AS contract_index
          FROM ocds_included WHERE contracts IS NOT NULL
        )
        SELECT process_id, ocid, contract_index, {_id("c.id")} AS contract_id,
               {_id("c.awardID")} AS award_id, {_str("c.status")} AS status,
               {_num("c.value.amount")} AS amount, {_str("c.value.currency")} AS currency
        FROM contract
        """
    )


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
    ).fetchone()
    return None if row is None else str(row[0])


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


def _locate_bad_line(path: Path) -> str:
    """Find the first line DuckDB could not read (only called after it refused the file)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                return f"{path}, line {number}: invalid JSON ({exc.msg} at column {exc.colno})"
            if not isinstance(value, dict):
                return f"{path}, line {number}: not a JSON object (a compiled release)"
            problem = _shape_problem(value, _SHAPE, "")
            if problem:
                return f"{path}, line {number}, {problem}"
    return f"{path}: unreadable"


def load_ocds(
    con: duckdb.DuckDBPyConnection, path: str | Path, settings: CardinalSettings | None = None
) -> OcdsLoad:
    """Read compiled releases (``.jsonl`` or ``.jsonl.gz``) into the ``ocds_*`` tables.

    Raises :class:`OcdsLoadError` naming the file and line when a line is not a JSON object or a
    field has a structure no OCDS release has (e.g. ``awards`` that is not an array).
    """
    path = Path(path)
    settings = settings or CardinalSettings()
    if not path.is_file():
        raise OcdsLoadError(f"{path}: no such file")
    try:
        _read_raw(con, path, settings.excluded_procurement_method_details())
    except duckdb.Error as exc:
        detail = _locate_bad_line(path)
        if detail.endswith("unreadable"):
            detail = f"{path}: {str(exc).splitlines()[0]}"
        raise OcdsLoadError(detail) from exc
    _create_processes(con)
    _create_bids(con)
    _create_awards(con)
    _create_contracts(con)
    currency = _main_currency(con, settings.currency)
    con.execute("UPDATE ocds_bids SET is_main_currency = coalesce(currency = ?, FALSE)", [currency])
    releases = con.execute("SELECT count(*) FROM ocds_raw").fetchone()
    con.execute("DROP VIEW ocds_included")
    con.execute("DROP TABLE ocds_raw")
    rows = {}
    for table in TABLES:
        count = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        rows[table] = int(count[0]) if count else 0
    return OcdsLoad(
        path=path,
        releases=int(releases[0]) if releases else 0,
        included=rows["ocds_processes"],
        main_currency=currency,
        rows=rows,
    )
