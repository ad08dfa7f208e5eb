"""Check input files against the declared schemas and load them as typed DuckDB tables.

Every problem names the file, the row (1-based data row; for CSV and XLSX also the line/sheet row
that includes the header) and the column. All problems are collected before anything runs; a
dataset with problems is not loaded unless the caller skips it explicitly.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from weerbaar.signals.pseudonym import pseudonym_table
from weerbaar.signals.readers import SUFFIXES, ReadError, read_raw
from weerbaar.signals.schemas import DATASETS, Column, DatasetSchema

EXAMPLES_PER_PROBLEM = 5
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
HINTS = {
    "DATE": "is not a date (use 2024-03-01 or 01-03-2024)",
    "TIMESTAMP": "is not a date/time (use 2024-03-01 14:30:00)",
    "DECIMAL(18,2)": "is not an amount (use 1234.56 or 1.234,56)",
    "BIGINT": "is not a whole number",
}


@dataclass(frozen=True)
class InputProblem:
    file: str
    column: str | None
    message: str
    row: int | None = None
    line_offset: int | None = 1  # CSV/XLSX: header line; None for Parquet

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            line = f" (line {self.row + self.line_offset})" if self.line_offset is not None else ""
            where.append(f"row {self.row}{line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return ", ".join(where) + f": {self.message}"


class InputError(ValueError):
    """Input files do not match their schemas; ``problems`` lists every finding."""

    def __init__(self, problems: list[InputProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class LoadedDataset:
    name: str
    path: Path
    rows: int
    sha256: str


@dataclass
class CheckReport:
    datasets: dict[str, LoadedDataset] = field(default_factory=dict)
    problems: list[InputProblem] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    persons: int = 0


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dataset_files(data_dir: Path) -> tuple[dict[str, Path], list[InputProblem]]:
    """The file for each declared dataset in ``data_dir`` (``<name>.csv|.xlsx|.parquet``)."""
    found: dict[str, Path] = {}
    problems: list[InputProblem] = []
    for name in DATASETS:
        candidates = [data_dir / f"{name}{suffix}" for suffix in SUFFIXES]
        present = [path for path in candidates if path.is_file()]
        if len(present) > 1:
            names = ", ".join(path.name for path in present)
            problems.append(
                InputProblem(name, None, f"more than one file for this dataset: {names}")
            )
        elif present:
            found[name] = present[0]
    return found, problems


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def parse_expression(column: Column, raw: str, raw_type: str) -> str:
    """SQL turning the raw value into the declared type; NULL where it cannot be parsed."""
    ref = f'"{raw}"'
    if raw_type != "VARCHAR":
        return f"TRY_CAST({ref} AS {column.type})"
    text = f"NULLIF(trim({ref}), '')"
    if column.type == "VARCHAR":
        return text
    if column.type == "DATE":
        return f"CAST(try_strptime({text}, {DATE_FORMATS}) AS DATE)"
    if column.type == "TIMESTAMP":
        return f"try_strptime({text}, {TIMESTAMP_FORMATS})"
    if column.type == "BIGINT":
        return f"TRY_CAST({text} AS BIGINT)"
    s = f"regexp_replace({ref}, '(€|EUR|\\s)', '', 'gi')"
    return (
        f"CASE WHEN regexp_full_match({s}, '-?\\d+([.,]\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace({s}, ',', '.') AS DECIMAL(18,2)) "
        f"WHEN regexp_full_match({s}, '-?\\d{{1,3}}(\\.\\d{{3}})+(,\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace(replace({s}, '.', ''), ',', '.') AS DECIMAL(18,2)) "
        f"WHEN regexp_full_match({s}, '-?\\d{{1,3}}(,\\d{{3}})+(\\.\\d{{1,2}})?') "
        f"THEN TRY_CAST(replace({s}, ',', '') AS DECIMAL(18,2)) END"
    )


def _count(con: duckdb.DuckDBPyConnection, source: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0])


def _present_expression(raw: str, raw_type: str) -> str:
    if raw_type == "VARCHAR":
        return f"NULLIF(trim(\"{raw}\"), '') IS NOT NULL"
    return f'"{raw}" IS NOT NULL'


@dataclass
class _Source:
    path: Path
    table: str
    columns: dict[str, str]  # declared name -> raw name
    types: dict[str, str]  # raw name -> DuckDB type
    line_offset: int | None

    def problem(self, column: str | None, message: str, row: int | None = None) -> InputProblem:
        return InputProblem(self.path.name, column, message, row, self.line_offset)


def _conditions(source: _Source, column: Column) -> list[tuple[str, str | None]]:
    """(SQL condition for a bad row, message or None for a type hint) of one column."""
    raw = source.columns[column.name]
    raw_type = source.types[raw]
    present = _present_expression(raw, raw_type)
    checks: list[tuple[str, str | None]] = []
    if raw_type != column.type:  # a value already of the declared type cannot fail to parse
        parsed = parse_expression(column, raw, raw_type)
        checks.append((f"{present} AND ({parsed}) IS NULL", None))
    if column.required:
        checks.append((f"NOT ({present})", "required value is missing"))
    return checks


def _value_problems(
    con: duckdb.DuckDBPyConnection, source: _Source, schema: DatasetSchema
) -> list[InputProblem]:
    """All value checks of a file in one scan; example rows only for the checks that fail."""
    checks = [
        (column, condition, message)
        for column in schema.columns
        if column.name in source.columns
        for condition, message in _conditions(source, column)
    ]
    if not checks:
        return []
    counts = ", ".join(f"count(*) FILTER (WHERE {condition})" for _, condition, _ in checks)
    totals = con.execute(f'SELECT {counts} FROM "{source.table}"').fetchall()[0]
    problems: list[InputProblem] = []
    for (column, condition, message), total in zip(checks, totals, strict=True):
        if not total:
            continue
        raw = source.columns[column.name]
        rows = con.execute(
            f'SELECT __row, CAST("{raw}" AS VARCHAR) FROM "{source.table}" WHERE {condition} '
            f"ORDER BY __row LIMIT {EXAMPLES_PER_PROBLEM}"
        ).fetchall()
        for row, value in rows:
            text = message or f"{value!r} {HINTS.get(column.type, 'has the wrong type')}"
            problems.append(source.problem(column.name, text, row))
        if total > EXAMPLES_PER_PROBLEM:
            more = total - EXAMPLES_PER_PROBLEM
            problems.append(source.problem(column.name, f"and {more} more rows like this"))
    return problems


def _key_problems(
    con: duckdb.DuckDBPyConnection, source: _Source, schema: DatasetSchema
) -> list[InputProblem]:
    if not schema.key or any(key not in source.columns for key in schema.key):
        return []
    keys = ", ".join(f'"{source.columns[key]}"' for key in schema.key)
    rows = con.execute(
        f"SELECT concat_ws('|', {keys}), list(__row ORDER BY __row) FROM \"{source.table}\" "
        f"GROUP BY {keys} HAVING count(*) > 1 ORDER BY min(__row) LIMIT {EXAMPLES_PER_PROBLEM}"
    ).fetchall()
    column = ", ".join(schema.key)
    return [
        source.problem(
            column,
            f"duplicate key {key!r} (also on row {', '.join(str(r) for r in rows_[:-1])})",
            rows_[-1],
        )
        for key, rows_ in rows
    ]


def _open_source(con: duckdb.DuckDBPyConnection, schema: DatasetSchema, path: Path) -> _Source:
    table = f"raw_{schema.name}"
    names = read_raw(con, path, table)
    types = {row[0]: str(row[1]) for row in con.execute(f'DESCRIBE "{table}"').fetchall()}
    by_lower = {name.strip().lower(): name for name in names}
    columns = {c.name: by_lower[c.name] for c in schema.columns if c.name in by_lower}
    offset = None if path.suffix.lower() == ".parquet" else 1
    return _Source(path, table, columns, types, offset)


def check_dataset(
    con: duckdb.DuckDBPyConnection, schema: DatasetSchema, path: Path
) -> tuple[_Source | None, list[InputProblem]]:
    """Read and check one file; the raw table stays in ``con`` for loading."""
    try:
        source = _open_source(con, schema, path)
    except ReadError as exc:
        return None, [InputProblem(path.name, None, str(exc).split(": ", 1)[-1])]
    problems = [
        source.problem(c.name, "required column is missing")
        for c in schema.columns
        if c.required and c.name not in source.columns
    ]
    problems.extend(_value_problems(con, source, schema))
    problems.extend(_key_problems(con, source, schema))
    return source, problems


def _load(
    con: duckdb.DuckDBPyConnection, schema: DatasetSchema, source: _Source, pseudonymise: bool
) -> int:
    """Create the typed table; person columns are replaced by their pseudonyms on the way in."""
    selects: list[str] = []
    joins: list[str] = []
    for column in schema.columns:
        if column.name not in source.columns:
            selects.append(f'CAST(NULL AS {column.type}) AS "{column.name}"')
            continue
        raw = source.columns[column.name]
        expression = parse_expression(column, raw, source.types[raw])
        if pseudonymise and column.person:
            alias = f"alias_{len(joins)}"
            joins.append(f"LEFT JOIN pseudonym_map AS {alias} ON {alias}.value = {expression}")
            expression = f"{alias}.alias"
        selects.append(f'{expression} AS "{column.name}"')
    con.execute(
        f'CREATE OR REPLACE TABLE "{schema.name}" AS SELECT {", ".join(selects)} '
        f'FROM "{source.table}" {" ".join(joins)}'
    ).fetchall()
    con.execute(f'DROP {"VIEW" if source.line_offset is None else "TABLE"} "{source.table}"')
    return _count(con, f'"{schema.name}"')


def _person_values(con: duckdb.DuckDBPyConnection, sources: dict[str, _Source]) -> list[str]:
    selects = []
    for name, source in sources.items():
        for column in DATASETS[name].columns:
            if column.person and column.name in source.columns:
                raw = source.columns[column.name]
                value = parse_expression(column, raw, source.types[raw])
                selects.append(f'SELECT DISTINCT {value} AS value FROM "{source.table}"')
    if not selects:
        return []
    rows = con.execute(
        f"SELECT value FROM ({' UNION '.join(selects)}) AS v WHERE value IS NOT NULL"
    )
    return sorted(row[0] for row in rows.fetchall())


def load_inputs(
    con: duckdb.DuckDBPyConnection,
    data_dir: Path,
    skip: Iterable[str] = (),
    *,
    check_only: bool = False,
    key: bytes | None = None,
) -> CheckReport:
    """Check every dataset file in ``data_dir``; load them unless any has problems.

    With ``key``, natural persons' identifiers are pseudonymised (HMAC-SHA256) while loading, so
    no table ever holds them in clear. Raises :class:`InputError` with all problems of the
    datasets not skipped.
    """
    skipped = set(skip)
    unknown = skipped - set(DATASETS) - {"ocds"}
    if unknown:
        raise InputError([InputProblem(name, None, "unknown dataset to skip") for name in unknown])
    files, problems = dataset_files(data_dir)
    report = CheckReport(missing=[name for name in DATASETS if name not in files])
    sources: dict[str, _Source] = {}
    for name, path in files.items():
        if name in skipped:
            continue
        source, found = check_dataset(con, DATASETS[name], path)
        problems.extend(found)
        if source is not None:
            sources[name] = source
    report.problems = problems
    if problems:
        raise InputError(problems)
    if key is not None and not check_only:
        values = _person_values(con, sources)
        con.register("pseudonym_map", pseudonym_table(values, key))
        report.persons = len(values)
    for name, source in sources.items():
        if check_only:
            rows = _count(con, f'"{source.table}"')
        else:
            rows = _load(con, DATASETS[name], source, key is not None)
        report.datasets[name] = LoadedDataset(name, source.path, rows, sha256_of(source.path))
    return report
