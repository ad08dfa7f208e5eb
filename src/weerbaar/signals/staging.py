"""SQL that turns a raw input table into its typed table in one pass.

The staged table holds every declared column already typed (person identifiers already replaced
by their pseudonyms), the data row number ``__row`` and, for each column whose text had to be
parsed, a flag ``__bad_<n>`` that is true where a value was present but could not be parsed. All
checks then run on the staged table; when they pass, the helper columns are dropped and the
table is renamed to the dataset's name. The file itself is read once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from weerbaar.signals.columns import Column, DatasetSchema
from weerbaar.signals.sql import sql_literal

PSEUDONYM_TABLE = "__pseudonyms"
KEYED_TABLE = "__keyed"
DATE_FORMATS = (
    "['%Y-%m-%d', '%d-%m-%Y', '%d/%m/%Y', '%d.%m.%Y', '%Y/%m/%d', '%Y-%m-%d %H:%M:%S', "
    "'%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%SZ']"
)
TIMESTAMP_FORMATS = (
    "['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', "
    "'%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y', '%Y-%m-%d %H:%M:%S.%f', "
    "'%Y-%m-%dT%H:%M:%SZ', '%Y-%m-%dT%H:%M:%S.%fZ'"
    "]"
)
TRUE_WORDS = "('true', 't', '1', 'ja', 'j', 'yes', 'y', 'waar')"
FALSE_WORDS = "('false', 'f', '0', 'nee', 'n', 'no', 'onwaar')"
# A blank person identifier: only Unicode whitespace, exactly the characters Python's str.strip()
# removes (also the no-break spaces spreadsheets leave), so the check and the pseudonym (see
# pseudonym.canonical_identifier) agree on what is missing. A regex test: trim() with a set of
# characters is about 20 times slower than trim() in DuckDB.
BLANK_PERSON = r"[\s\x{0b}\x{1c}-\x{1f}\x{85}\p{Z}]*"


@dataclass
class Source:
    """A raw input table: the file's own column names and types, plus ``__row``."""

    path: Path
    table: str
    columns: dict[str, str]  # declared name -> raw name
    types: dict[str, str]  # raw name -> DuckDB type
    line_offset: int | None  # CSV/XLSX: 1 (header line); Parquet: None
    is_view: bool = False

    @property
    def stage(self) -> str:
        return f"__stage_{self.table}"


def _amount(ref: str) -> str:
    s = f"regexp_replace({ref}, '(€|EUR|\\s)', '', 'gi')"
    return (
        f"CASE WHEN regexp_full_match({s}, '-?\\d+([.,]\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace({s}, ',', '.') AS DECIMAL(18,2)) "
        f"WHEN regexp_full_match({s}, '-?\\d{{1,3}}(\\.\\d{{3}})+(,\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace(replace({s}, '.', ''), ',', '.') AS DECIMAL(18,2)) "
        f"WHEN regexp_full_match({s}, '-?\\d{{1,3}}(,\\d{{3}})+(\\.\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace({s}, ',', '') AS DECIMAL(18,2)) END"
    )


def _double(text: str) -> str:
    """``1234.5``, ``1e3`` or a Dutch decimal comma ``1234,5``."""
    return (
        f"coalesce(TRY_CAST({text} AS DOUBLE), CASE WHEN regexp_full_match({text}, "
        f"'-?\\d+,\\d+') THEN TRY_CAST(replace({text}, ',', '.') AS DOUBLE) END)"
    )


def _boolean(text: str) -> str:
    return (
        f"CASE WHEN lower({text}) IN {TRUE_WORDS} THEN TRUE "
        f"WHEN lower({text}) IN {FALSE_WORDS} THEN FALSE END"
    )


def _padded(text: str, width: int) -> str:
    """Digits-only text shorter than ``width`` with its leading zeros back (Excel drops them)."""
    if not width:
        return text
    return (
        f"CASE WHEN regexp_full_match({text}, '[0-9]{{1,{width - 1}}}') "
        f"THEN lpad({text}, {width}, '0') ELSE {text} END"
    )


def _checked_text(column: Column, ref: str, raw_type: str) -> str:
    """A text column with a code list, a format or padding: NULL where the value is not valid.

    Codes match ignoring case and surrounding spaces and are stored as the schema writes them.
    """
    source = ref if raw_type == "VARCHAR" else f"CAST({ref} AS VARCHAR)"
    text = _padded(f"NULLIF(trim({source}), '')", column.pad)
    if column.codes:
        cases = " ".join(
            f"WHEN {sql_literal(code.lower())} THEN {sql_literal(code)}" for code in column.codes
        )
        return f"CASE lower({text}) {cases} END"
    if column.pattern:
        return f"CASE WHEN regexp_full_match({text}, {sql_literal(column.pattern)}) THEN {text} END"
    return text


def person_value(column: Column, ref: str) -> str:
    """The identifier that is pseudonymised: trimmed, zeros restored; NULL when blank."""
    blank = f"regexp_full_match({ref}, '{BLANK_PERSON}')"
    return f"CASE WHEN {blank} THEN NULL ELSE {_padded(f'trim({ref})', column.pad)} END"


def parse_expression(column: Column, raw: str, raw_type: str) -> str:
    """SQL turning the raw value into the declared type; NULL where it cannot be parsed."""
    ref = f'"{raw}"'
    if column.person and column.type == "VARCHAR":
        text = ref if raw_type == "VARCHAR" else f"CAST({ref} AS VARCHAR)"
        return person_value(column, text)
    if column.type == "VARCHAR" and (column.codes or column.pattern or column.pad):
        return _checked_text(column, ref, raw_type)
    if raw_type != "VARCHAR":
        return f"TRY_CAST({ref} AS {column.type})"
    text = f"NULLIF(trim({ref}), '')"
    if column.type == "VARCHAR":
        return text
    if column.type == "DATE":
        return f"CAST(try_strptime({text}, {DATE_FORMATS}) AS DATE)"
    if column.type == "TIMESTAMP":
        return f"try_strptime({text}, {TIMESTAMP_FORMATS})"
    if column.type in ("BIGINT", "BOOLEAN", "DOUBLE"):
        return {"BIGINT": f"TRY_CAST({text} AS BIGINT)", "BOOLEAN": _boolean(text)}.get(
            column.type, _double(text)
        )
    return _amount(ref)


def present_expression(raw: str, raw_type: str) -> str:
    """SQL: the raw value is there (not NULL, not blank)."""
    if raw_type == "VARCHAR":
        return f"NULLIF(trim(\"{raw}\"), '') IS NOT NULL"
    return f'"{raw}" IS NOT NULL'


def needs_parsing(source: Source, column: Column) -> bool:
    """A value already of the declared type (or text for a text column) cannot fail to parse,
    unless the column also has a code list or a format to meet."""
    raw_type = source.types[source.columns[column.name]]
    return raw_type != column.type or bool(column.codes or column.pattern)


def has_flag(source: Source, column: Column, pseudonymise: bool) -> bool:
    """Whether the staged table has a parse-failure flag for ``column``."""
    if column.name not in source.columns:
        return False
    if column.keyed:
        return True  # an IBAN (or its keyed hash) that is not one is an input error
    if column.person:
        return False  # any text identifies someone: there is nothing to parse
    return needs_parsing(source, column)


def bad_flag(index: int) -> str:
    return f"__bad_{index}"


def person_values_sql(schema: DatasetSchema, source: Source) -> list[str]:
    """``SELECT raw, value`` per person column: the distinct raw texts and their trimmed value
    (NULL when blank), parsed once per distinct text rather than per row."""
    return _distinct_values(schema, source, lambda column: column.person)


def keyed_values_sql(schema: DatasetSchema, source: Source) -> list[str]:
    """``SELECT raw, value`` per keyed column (IBANs): the distinct raw texts."""
    return _distinct_values(schema, source, lambda column: column.keyed)


def _distinct_values(
    schema: DatasetSchema, source: Source, wanted: Callable[[Column], bool]
) -> list[str]:
    selects = []
    for column in schema.columns:
        if wanted(column) and column.name in source.columns:
            raw = source.columns[column.name]
            value = parse_expression(column, raw, "VARCHAR")
            distinct = (
                f'SELECT DISTINCT CAST("{raw}" AS VARCHAR) AS "{raw}" '
                f'FROM "{source.table}" WHERE "{raw}" IS NOT NULL'
            )
            selects.append(f'SELECT "{raw}" AS raw, {value} AS value FROM ({distinct})')
    return selects


def _select(
    column: Column, index: int, source: Source, pseudonymise: bool
) -> tuple[list[str], str | None]:
    """The staged column(s) of one declared column, and a pseudonym join if it needs one."""
    if column.name not in source.columns:
        return [f'CAST(NULL AS {column.type}) AS "{column.name}"'], None
    raw = source.columns[column.name]
    parsed = parse_expression(column, raw, source.types[raw])
    alias = f"__alias_{index}"
    on = f'{alias}.__raw = CAST(s."{raw}" AS VARCHAR)'
    if pseudonymise and column.person:
        join = f"LEFT JOIN {PSEUDONYM_TABLE} AS {alias} ON {on}"
        return [f'{alias}.__alias AS "{column.name}"'], join
    if column.keyed:  # the value itself never reaches the staged table
        present = present_expression(raw, source.types[raw])
        flag = (
            f'CASE WHEN {alias}.__key IS NULL THEN {present} ELSE FALSE END AS "{bad_flag(index)}"'
        )
        return [
            f'{alias}.__key AS "{column.name}"',
            flag,
        ], f"LEFT JOIN {KEYED_TABLE} AS {alias} ON {on}"
    selects = [f'{parsed} AS "{column.name}"']
    if has_flag(source, column, pseudonymise):
        # CASE evaluates the (costly) blank test only where parsing gave NULL.
        present = present_expression(raw, source.types[raw])
        selects.append(
            f'CASE WHEN ({parsed}) IS NULL AND "{raw}" IS NOT NULL THEN {present} '
            f'ELSE FALSE END AS "{bad_flag(index)}"'
        )
    return selects, None


def stage_sql(schema: DatasetSchema, source: Source, pseudonymise: bool) -> str:
    """``CREATE TABLE`` of the staged table: one scan of the raw table."""
    selects = ["s.__row AS __row"]
    joins = []
    for index, column in enumerate(schema.columns):
        columns, join = _select(column, index, source, pseudonymise)
        selects.extend(columns)
        if join is not None:
            joins.append(join)
    return (
        f'CREATE OR REPLACE TABLE "{source.stage}" AS SELECT {", ".join(selects)} '
        f'FROM "{source.table}" AS s {" ".join(joins)}'
    )
