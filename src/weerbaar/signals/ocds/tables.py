"""SQL that flattens the raw releases into the ``ocds_*`` tables (used by :mod:`.io`).

Leaves are read as JSON and converted here with Cardinal's type rules: a value counts only when
it has the JSON type Cardinal's ``if let Some(Value::...)`` expects.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

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


def _str(expr: str) -> str:
    """A JSON leaf as VARCHAR when it is a JSON string, else NULL (Cardinal's ``Value::String``).

    JSON text is inspected directly: only text with backslash escapes goes through the JSON
    parser; without escapes a JSON string holds no quote but its two delimiters, which
    ``replace`` drops (cheaper than slicing, which counts characters).
    """
    text = f"CAST({expr} AS VARCHAR)"
    return (
        f"CASE WHEN starts_with({text}, '\"') THEN CASE WHEN contains({text}, '\\') "
        f"THEN json_extract_string({expr}, '$') ELSE replace({text}, '\"', '') END END"
    )


def _num(expr: str) -> str:
    """A JSON leaf as DOUBLE when it is a JSON number, else NULL (Cardinal's ``as_f64``)."""
    return f"TRY_CAST(CAST({expr} AS VARCHAR) AS DOUBLE)"


def _integer_text(expr: str) -> str:
    """A JSON leaf's text when it is a JSON integer (a real always has a point or exponent)."""
    text = f"CAST({expr} AS VARCHAR)"
    return f"CASE WHEN regexp_full_match({text}, '-?[0-9]+') THEN {text} END"


def _integer(expr: str) -> str:
    """A JSON integer as BIGINT, else NULL (Cardinal's ``as_i64``: ``1.0`` is not 1)."""
    return f"TRY_CAST({_integer_text(expr)} AS BIGINT)"


def _id(expr: str) -> str:
    """An OCDS ``id`` that may be a string or an integer, as text (for award/contract links)."""
    return f"coalesce({_str(expr)}, {_integer_text(expr)})"


def _timestamp(expr: str) -> str:
    """An RFC 3339 date-time string as a UTC TIMESTAMP; anything else NULL."""
    text = _str(expr)
    # The instant as a TIMESTAMP in UTC: its microseconds since the epoch (no time zone lookup).
    return (
        f"CASE WHEN regexp_matches({text}, '{_RFC3339}') THEN make_timestamp(epoch_us("
        f"TRY_CAST(upper({text}) AS TIMESTAMPTZ))) END"
    )


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _sql_list(values: list[str]) -> str:
    return "[" + ", ".join(_sql_text(v) for v in values) + "]::VARCHAR[]"


# DuckDB's JSON reader sizes its buffers by ``maximum_object_size``: its default (16 MiB) reads
# in parallel; a larger value up front made the read of 200,000 releases 50 % slower. A file
# with a bigger release is read again with LARGE_OBJECT_BYTES (see ``io.load_ocds``).
OBJECT_BYTES = 16 * 1024 * 1024
LARGE_OBJECT_BYTES = 1024 * 1024 * 1024


def read_raw(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    excluded: list[str],
    object_bytes: int = OBJECT_BYTES,
) -> None:
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
        FROM read_ndjson('{source}', columns = {columns}, maximum_object_size = {int(object_bytes)})
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


def _elements(array: str, alias: str, index: str) -> str:
    """One row per element of an array of the included releases: ``alias`` and its 1-based
    ``index``, with the release's ``process_id`` and ``ocid``."""
    return (
        f"SELECT process_id, ocid, unnest({array}) AS {alias}, "
        f"generate_subscripts({array}, 1) AS {index} "
        f"FROM ocds_included WHERE {array} IS NOT NULL"
    )


def create_processes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_processes AS
        SELECT process_id, ocid,
          {_str("buyer.id")} AS buyer_id,
          {_str("tender.procuringEntity.id")} AS procuring_entity_id,
          {_str("tender.procurementMethod")} AS procurement_method,
          {_str("tender.procurementMethodDetails")} AS procurement_method_details,
          {_str("tender.mainProcurementCategory")} AS main_procurement_category,
          {_integer("tender.numberOfTenderers")} AS number_of_tenderers,
          {_timestamp("tender.tenderPeriod.startDate")} AS tender_start,
          {_timestamp("tender.tenderPeriod.endDate")} AS tender_end,
          {_str("tender.tenderPeriod.endDate")} AS tender_end_text,
          awards IS NOT NULL AS has_awards,
          bids.details IS NOT NULL AS has_bid_details
        FROM ocds_included
        """
    )


def create_bids(con: duckdb.DuckDBPyConnection, main_currency: str | None = None) -> None:
    """Bids x tenderers; ``is_main_currency`` is set when the main currency is known up front
    (the ``currency`` setting), else left FALSE for ``io.load_ocds`` to update once observed."""
    main = (
        "FALSE"
        if main_currency is None
        else f"coalesce(currency = {_sql_text(main_currency)}, FALSE)"
    )
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_bids AS
        WITH bid AS (
          {_elements("bids.details", "b", "bid_index")}
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
               {main} AS is_main_currency, tenderer_count, {_str("t.id")} AS tenderer_id
        FROM tenderer
        """
    )


def create_awards(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_awards AS
        WITH award AS (
          {_elements("awards", "a", "award_index")}
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
          {_elements("awards", "a", "award_index")}
        ), item AS (
          SELECT process_id, ocid, award_index, unnest(a.items) AS i FROM award
          WHERE a.items IS NOT NULL
        )
        SELECT process_id, ocid, award_index, {_str("i.classification.id")} AS classification_id
        FROM item
        """
    )


def create_contracts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"""
        CREATE OR REPLACE TABLE ocds_contracts AS
        WITH contract AS (
          {_elements("contracts", "c", "contract_index")}
        )
        SELECT process_id, ocid, contract_index, {_id("c.id")} AS contract_id,
               {_id("c.awardID")} AS award_id, {_str("c.status")} AS status,
               {_num("c.value.amount")} AS amount, {_str("c.value.currency")} AS currency
        FROM contract
        """
    )
