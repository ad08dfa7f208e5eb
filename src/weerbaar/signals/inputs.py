"""Check input files against the declared schemas and load them as typed DuckDB tables.

Every problem names the file, the row (1-based data row; for CSV and XLSX also the line/sheet row
that includes the header) and the column. All problems are collected before anything runs; a
dataset with problems is not loaded unless the caller skips it explicitly.

Each file is read once: one ``CREATE TABLE ... AS SELECT`` types every column and replaces
person identifiers by their pseudonyms (:mod:`weerbaar.signals.staging`); the checks run on that
staged table and look at the file again only to quote the first few bad values.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from weerbaar.signals import staging
from weerbaar.signals.derived import build_derived
from weerbaar.signals.pseudonym import keyed_table, pseudonym_table
from weerbaar.signals.readers import SUFFIXES, ReadError, csv_lines, read_raw
from weerbaar.signals.schemas import DATASETS, Column, DatasetSchema, input_datasets
from weerbaar.signals.staging import Source

EXAMPLES_PER_PROBLEM = 5
HINTS = {
    "DATE": "is not a date (use 2024-03-01 or 01-03-2024)",
    "TIMESTAMP": "is not a date/time (use 2024-03-01 14:30:00)",
    "DECIMAL(18,2)": "is not an amount (use 1234.56 or 1.234,56)",
    "BIGINT": "is not a whole number",
    "DOUBLE": "is not a number (use 0.25 or 0,25)",
    "BOOLEAN": "is not true/false (use ja/nee or true/false)",
}
KEYED_HINT = "is not an IBAN (the value is not shown: it is personal data)"


def flag_message(column: Column, value: str | None) -> str:
    """Why a value of ``column`` was refused; personal data is never quoted."""
    if column.keyed:
        return KEYED_HINT
    if column.codes and column.type == "VARCHAR":
        return f"{value!r} is not a known code (use {', '.join(column.codes)})"
    if column.pattern and column.type == "VARCHAR":
        return f"{value!r} {column.hint or 'has the wrong format'}"
    return f"{value!r} {HINTS.get(column.type, 'has the wrong type')}"


@dataclass(frozen=True)
class InputProblem:
    file: str
    column: str | None
    message: str
    row: int | None = None
    line_offset: int | None = 1  # CSV/XLSX: header line; None for Parquet
    line: int | None = None  # the line/sheet row where it is known exactly (else row + offset)

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            number = self.line
            if number is None and self.line_offset is not None:
                number = self.row + self.line_offset
            where.append(f"row {self.row}" + (f" (line {number})" if number is not None else ""))
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
    for name in input_datasets():
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


def _count(con: duckdb.DuckDBPyConnection, source: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0])


def _problem(
    source: Source, column: str | None, message: str, row: int | None = None
) -> InputProblem:
    return InputProblem(source.path.name, column, message, row, source.line_offset)


def _checks(
    source: Source, schema: DatasetSchema, pseudonymise: bool
) -> list[tuple[Column, str, str | None]]:
    """(column, SQL condition on the staged table, message or None for a type hint)."""
    checks: list[tuple[Column, str, str | None]] = []
    for index, column in enumerate(schema.columns):
        if column.name not in source.columns:
            continue
        parsed = staging.has_flag(source, column, pseudonymise)
        flag = f'"{staging.bad_flag(index)}"'
        if parsed:
            checks.append((column, flag, None))
        if column.required:
            missing = f'"{column.name}" IS NULL' + (f" AND NOT {flag}" if parsed else "")
            checks.append((column, missing, "required value is missing"))
    return checks


def _raw_values(
    con: duckdb.DuckDBPyConnection, source: Source, column: Column, rows: list[int]
) -> dict[int, str | None]:
    """The file's own text of a few bad values (read back from the raw table)."""
    raw = source.columns[column.name]
    found = con.execute(
        f'SELECT __row, CAST("{raw}" AS VARCHAR) FROM "{source.table}" '
        f"WHERE __row IN ({', '.join(str(row) for row in rows)})"
    ).fetchall()
    return {int(row): value for row, value in found}


def _value_problems(
    con: duckdb.DuckDBPyConnection, source: Source, schema: DatasetSchema, pseudonymise: bool
) -> list[InputProblem]:
    """All value checks in one scan of the staged table; examples only for failing checks."""
    checks = _checks(source, schema, pseudonymise)
    if not checks:
        return []
    counts = ", ".join(f"count(*) FILTER (WHERE {condition})" for _, condition, _ in checks)
    totals = con.execute(f'SELECT {counts} FROM "{source.stage}"').fetchall()[0]
    problems: list[InputProblem] = []
    for (column, condition, message), total in zip(checks, totals, strict=True):
        if not total:
            continue
        rows = [
            int(row[0])
            for row in con.execute(
                f'SELECT __row FROM "{source.stage}" WHERE {condition} '
                f"ORDER BY __row LIMIT {EXAMPLES_PER_PROBLEM}"
            ).fetchall()
        ]
        quoted = message is None and not column.personal
        values = _raw_values(con, source, column, rows) if quoted else {}
        for row in rows:
            text = message or flag_message(column, values.get(row))
            problems.append(_problem(source, column.name, text, row))
        if total > EXAMPLES_PER_PROBLEM:
            more = total - EXAMPLES_PER_PROBLEM
            problems.append(_problem(source, column.name, f"and {more} more rows like this"))
    return problems


def _key_problems(
    con: duckdb.DuckDBPyConnection, source: Source, schema: DatasetSchema
) -> list[InputProblem]:
    """Duplicate keys (missing keys are reported as missing values, not as duplicates)."""
    if not schema.key or any(key not in source.columns for key in schema.key):
        return []
    keys = ", ".join(f'"{key}"' for key in schema.key)
    present = " AND ".join(f'"{key}" IS NOT NULL' for key in schema.key)
    table = f'"{source.stage}"'
    distinct = f"count(DISTINCT {keys})" if len(schema.key) == 1 else f"count(DISTINCT ({keys}))"
    unique = con.execute(f"SELECT count(*) = {distinct} FROM {table} WHERE {present}").fetchall()
    if unique[0][0]:  # the usual case: one aggregate, no per-key lists
        return []
    rows = con.execute(
        f"SELECT concat_ws('|', {keys}), list(__row ORDER BY __row) FROM {table} WHERE {present} "
        f"GROUP BY {keys} HAVING count(*) > 1 ORDER BY min(__row) LIMIT {EXAMPLES_PER_PROBLEM}"
    ).fetchall()
    column = ", ".join(schema.key)
    return [
        _problem(
            source,
            column,
            f"duplicate key {key!r} (also on row {', '.join(str(r) for r in rows_[:-1])})",
            rows_[-1],
        )
        for key, rows_ in rows
    ]


def _open_source(con: duckdb.DuckDBPyConnection, schema: DatasetSchema, path: Path) -> Source:
    table = f"raw_{schema.name}"
    names = read_raw(con, path, table, schema.names)
    types = {row[0]: str(row[1]) for row in con.execute(f'DESCRIBE "{table}"').fetchall()}
    by_lower = {name.strip().lower(): name for name in names}
    columns = {
        c.name: by_lower[c.name.lower()] for c in schema.columns if c.name.lower() in by_lower
    }
    parquet = path.suffix.lower() == ".parquet"
    return Source(path, table, columns, types, None if parquet else 1, is_view=parquet)


def _drop(con: duckdb.DuckDBPyConnection, source: Source) -> None:
    kind = "VIEW" if source.is_view else "TABLE"
    con.execute(f'DROP {kind} IF EXISTS "{source.table}"')
    con.execute(f'DROP TABLE IF EXISTS "{source.stage}"')


def _with_lines(
    con: duckdb.DuckDBPyConnection, source: Source, problems: list[InputProblem]
) -> list[InputProblem]:
    """Each problem with the line (CSV) or sheet row (XLSX) where its row starts in the file.

    Quoted fields with line breaks, blank lines and blank sheet rows make that differ from the
    data row plus the header.
    """
    rows = {problem.row for problem in problems if problem.row is not None}
    suffix = source.path.suffix.lower()
    if not rows or suffix not in (".csv", ".xlsx"):
        return problems
    if suffix == ".csv":
        lines = csv_lines(source.path, rows)
    else:
        listed = ", ".join(str(row) for row in sorted(rows))
        found = con.execute(
            f'SELECT __row, __line FROM "{source.table}" WHERE __row IN ({listed})'
        ).fetchall()
        lines = {int(row): int(line) for row, line in found}
    return [
        dataclasses.replace(problem, line=lines.get(problem.row))
        if problem.row is not None
        else problem
        for problem in problems
    ]


def check_dataset(
    con: duckdb.DuckDBPyConnection, schema: DatasetSchema, source: Source, pseudonymise: bool
) -> list[InputProblem]:
    """Stage one file (one read) and check it; the raw table is dropped afterwards."""
    problems = [
        _problem(source, c.name, "required column is missing")
        for c in schema.columns
        if c.required and c.name not in source.columns
    ]
    try:
        con.execute(staging.stage_sql(schema, source, pseudonymise))
        problems.extend(_value_problems(con, source, schema, pseudonymise))
        problems.extend(_key_problems(con, source, schema))
        problems = _with_lines(con, source, problems)
    finally:
        kind = "VIEW" if source.is_view else "TABLE"
        con.execute(f'DROP {kind} IF EXISTS "{source.table}"')
    return problems


def _finish(con: duckdb.DuckDBPyConnection, schema: DatasetSchema, source: Source) -> int:
    """Drop the helper columns and give the staged table the dataset's name (no copy)."""
    helpers = [
        name
        for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = ? "
            "AND column_name LIKE '\\_\\_%' ESCAPE '\\'",
            [source.stage],
        ).fetchall()
    ]
    for name in helpers:
        con.execute(f'ALTER TABLE "{source.stage}" DROP COLUMN "{name}"')
    con.execute(f'DROP TABLE IF EXISTS "{schema.name}"')
    con.execute(f'ALTER TABLE "{source.stage}" RENAME TO "{schema.name}"')
    return _count(con, f'"{schema.name}"')


def _register_pseudonyms(
    con: duckdb.DuckDBPyConnection, sources: dict[str, Source], key: bytes
) -> int:
    """The pseudonym of every distinct person identifier in all files; returns their number."""
    selects = [
        select
        for name, source in sources.items()
        for select in staging.person_values_sql(DATASETS[name], source)
    ]
    pairs: list[tuple[str, str | None]] = []
    if selects:
        pairs = [(raw, value) for raw, value in con.execute(" UNION ".join(selects)).fetchall()]
    table = pseudonym_table(pairs, key)
    con.register(staging.PSEUDONYM_TABLE, table)
    # One pseudonym per canonical identifier: the distinct pseudonyms are the distinct people.
    return len(set(table.column("__alias").drop_null().to_pylist()))


def _register_keyed(con: duckdb.DuckDBPyConnection, sources: dict[str, Source], key: bytes) -> None:
    """The keyed hash of every distinct raw IBAN in a keyed column (NULL: not an IBAN)."""
    selects = [
        select
        for name, source in sources.items()
        for select in staging.keyed_values_sql(DATASETS[name], source)
    ]
    raws = [raw for raw, _ in con.execute(" UNION ".join(selects)).fetchall()] if selects else []
    con.register(staging.KEYED_TABLE, keyed_table(raws, key))


def _open_all(
    con: duckdb.DuckDBPyConnection, files: dict[str, Path], skipped: set[str]
) -> tuple[dict[str, Source], list[InputProblem]]:
    sources: dict[str, Source] = {}
    problems: list[InputProblem] = []
    for name, path in files.items():
        if name in skipped:
            continue
        try:
            sources[name] = _open_source(con, DATASETS[name], path)
        except ReadError as exc:
            problems.append(InputProblem(path.name, None, exc.message, exc.row, line=exc.line))
    return sources, problems


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
    datasets not skipped; then no dataset table is left in ``con``.
    """
    skipped = set(skip)
    unknown = skipped - set(input_datasets()) - {"ocds"}
    if unknown:
        raise InputError([InputProblem(name, None, "unknown dataset to skip") for name in unknown])
    files, problems = dataset_files(data_dir)
    report = CheckReport(missing=[name for name in input_datasets() if name not in files])
    sources, found = _open_all(con, files, skipped)
    problems.extend(found)
    pseudonymise = key is not None and not check_only
    try:
        if pseudonymise and key is not None:
            report.persons = _register_pseudonyms(con, sources, key)
        # Without a key (a check) IBANs are hashed with a throwaway one: only validity counts.
        _register_keyed(con, sources, key if pseudonymise and key else os.urandom(32))
        for name, source in sources.items():
            problems.extend(check_dataset(con, DATASETS[name], source, pseudonymise))
    except BaseException:
        for source in sources.values():
            _drop(con, source)
        raise
    finally:
        if pseudonymise:
            con.unregister(staging.PSEUDONYM_TABLE)
        con.unregister(staging.KEYED_TABLE)
    report.problems = problems
    if problems:
        for source in sources.values():
            _drop(con, source)
        raise InputError(problems)
    for name, source in sources.items():
        if check_only:
            rows = _count(con, f'"{source.stage}"')
            _drop(con, source)
        else:
            rows = _finish(con, DATASETS[name], source)
        report.datasets[name] = LoadedDataset(name, source.path, rows, sha256_of(source.path))
    if not check_only and key is not None:
        build_derived(con, set(report.datasets), key)
    return report
