"""Read one input file (CSV, XLSX or Parquet) into a raw DuckDB table with a row number.

Raw tables keep the file's own values (text for CSV and XLSX, native types for Parquet) plus
``__row``: the 1-based data row as the user sees it (row 1 is the first row after the header).
Typing and checking happen in :mod:`weerbaar.signals.inputs`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import itertools
import shutil
import tempfile
from collections.abc import Collection, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

SUFFIXES: tuple[str, ...] = (".csv", ".xlsx", ".parquet")
HEADER_SEARCH_ROWS = 20  # XLSX: how far down a title block may push the header
EMPTY_FILE = "the file is empty (no header row, no data)"
EMPTY_SHEET = "the file is empty (the first sheet has no header row, no data)"
BLANK_BYTES = b" \t\r\n\x0b\x0c"


class ReadError(ValueError):
    """The file itself cannot be read (not CSV, broken workbook, ...); ``row``/``line`` where
    one record is at fault."""

    def __init__(
        self, path: Path, message: str, row: int | None = None, line: int | None = None
    ) -> None:
        super().__init__(f"{path.name}: {message}")
        self.path = path
        self.message = message
        self.row = row
        self.line = line


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def sniff_delimiter(path: Path) -> str:
    """``;`` or ``,``: whichever splits the header line into more fields."""
    with path.open("r", encoding="utf-8-sig", errors="replace") as handle:
        header = handle.readline()
    return ";" if header.count(";") > header.count(",") else ","


def is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def is_blank(path: Path) -> bool:
    """Whether the file holds only whitespace (or nothing, or a byte-order mark); reads only as
    far as the first other byte, so a real export costs one small read."""
    with path.open("rb") as handle:
        start = True
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            if start:
                chunk, start = chunk.removeprefix(codecs.BOM_UTF8), False
            if chunk.strip(BLANK_BYTES):
                return False
    return True


def csv_records(path: Path) -> Iterator[tuple[int, int, list[str]]]:
    """(data row, line where it starts, fields) of each CSV record, as DuckDB counts rows.

    Line numbers count the header as line 1 and every line break, also those inside quoted
    fields; blank lines are not rows (DuckDB skips them). Raises :class:`ReadError` naming the
    row and line of a record whose quotes do not close.
    """
    encoding = "utf-8-sig" if is_utf8(path) else "cp1252"
    with path.open("r", encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=sniff_delimiter(path), quotechar='"', strict=True)
        row, start = -1, 1  # the header is row 0
        try:
            for fields in reader:
                if fields:
                    row += 1
                    yield row, start, fields
                start = reader.line_num + 1
        except csv.Error as exc:
            raise ReadError(path, f"a quoted field is not closed ({exc})", row + 1, start) from exc


def csv_lines(path: Path, rows: set[int]) -> dict[int, int]:
    """The line in the file where each of ``rows`` (data rows) starts."""
    lines: dict[int, int] = {}
    if not rows:
        return lines
    last = max(rows)
    for row, line, _ in csv_records(path):
        if row in rows:
            lines[row] = line
        if row >= last:
            break
    return lines


def _csv_structure_error(path: Path) -> ReadError | None:
    """The first record with a different number of fields than the header, or an open quote."""
    width = 0
    try:
        for row, line, fields in csv_records(path):
            if row == 0:
                width = len(fields)
            elif len(fields) != width:
                message = f"has {len(fields)} fields, the header has {width}"
                return ReadError(path, message, row, line)
    except ReadError as exc:
        return exc
    return None


def _read_csv(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    """CSV as text; a file that is not UTF-8 is read as Windows-1252 (Excel's Dutch default)."""
    if is_utf8(path):
        _read_utf8_csv(con, path, path, table)
        return
    with tempfile.TemporaryDirectory() as directory:
        copy = Path(directory) / path.name
        with (
            path.open("r", encoding="cp1252", errors="replace", newline="") as source,
            copy.open("w", encoding="utf-8", newline="") as target,
        ):
            shutil.copyfileobj(source, target)
        _read_utf8_csv(con, copy, path, table)


def _read_utf8_csv(con: duckdb.DuckDBPyConnection, path: Path, original: Path, table: str) -> None:
    delimiter = sniff_delimiter(original)
    source = (
        f"read_csv({_quote(str(path))}, delim={_quote(delimiter)}, header=true, all_varchar=true, "
        "quote='\"', escape='\"', strict_mode=true, null_padding=false, parallel=false)"
    )
    con.execute(
        f'CREATE OR REPLACE TEMP TABLE "{table}" AS '
        f"SELECT row_number() OVER () AS __row, * FROM {source}"
    )


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time(0) else value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        # Excel stores 1234.56 as a binary float (1234.5599999999999); six decimals are plenty.
        return str(int(value)) if value.is_integer() else f"{value:.6f}".rstrip("0").rstrip(".")
    text = str(value)
    return text if text.strip() else None


def _blank_row(values: tuple[object, ...]) -> bool:
    return all(_cell(value) is None for value in values)


def _header_names(values: tuple[object, ...]) -> list[str]:
    return [str(name).strip() if name is not None else "" for name in values]


def _xlsx_header(
    path: Path, rows: Iterator[tuple[int, tuple[object, ...]]], expected: Collection[str]
) -> tuple[list[str], Iterator[tuple[int, tuple[object, ...]]]]:
    """The header's names and the rows after it.

    Exports often start with a title or blank rows: the header is the first of the first
    ``HEADER_SEARCH_ROWS`` rows that names an ``expected`` column, else the first non-blank row.
    """
    wanted = {name.lower() for name in expected}
    seen = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    filled = [(n, values) for n, values in seen if not _blank_row(values)]
    if not filled:
        later = next((n for n, values in rows if not _blank_row(values)), None)
        if later is None:
            raise ReadError(path, EMPTY_SHEET)
        message = (
            f"the first sheet has no header row in its first {HEADER_SEARCH_ROWS} rows "
            f"(the first filled row is row {later})"
        )
        raise ReadError(path, message)
    named = [n for n, values in filled if wanted & {v.lower() for v in _header_names(values)}]
    line = named[0] if named else filled[0][0]
    header = dict(seen)[line]
    rest = itertools.chain((item for item in seen if item[0] > line), rows)
    return _header_names(header), rest


def _read_xlsx(
    con: duckdb.DuckDBPyConnection, path: Path, table: str, expected: Collection[str] = ()
) -> None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        raise ReadError(path, f"not a readable XLSX workbook ({type(exc).__name__})") from exc
    try:
        sheet = enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
        names, rows = _xlsx_header(path, sheet, expected)
        columns: list[list[str | None]] = [[] for _ in names]
        lines: list[int] = []
        for line, values in rows:
            if all(value is None for value in values):
                continue
            lines.append(line)
            for index in range(len(names)):
                columns[index].append(_cell(values[index]) if index < len(values) else None)
    finally:
        workbook.close()
    data = {
        name: pa.array(col, pa.string()) for name, col in zip(names, columns, strict=True) if name
    }
    count = len(columns[0]) if columns else 0
    data["__row"] = pa.array(range(1, count + 1), pa.int64())
    data["__line"] = pa.array(lines, pa.int64())
    con.register("xlsx_rows", pa.table(data))
    con.execute(f'CREATE OR REPLACE TEMP TABLE "{table}" AS SELECT * FROM xlsx_rows')
    con.unregister("xlsx_rows")


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    source = f"read_parquet({_quote(str(path))}, file_row_number=true)"
    con.execute(
        f'CREATE OR REPLACE TEMP VIEW "{table}" AS '
        f"SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS __row FROM {source}"
    )


def read_raw(
    con: duckdb.DuckDBPyConnection, path: Path, table: str, expected: Collection[str] = ()
) -> list[str]:
    """Read ``path`` into ``table``; return the column names as written in the file.

    ``expected`` (the dataset's column names) lets an XLSX header sit below a title block.
    """
    suffix = path.suffix.lower()
    if suffix in SUFFIXES and (path.stat().st_size == 0 or (suffix == ".csv" and is_blank(path))):
        raise ReadError(path, EMPTY_FILE)
    try:
        if suffix == ".csv":
            try:
                _read_csv(con, path, table)
            except duckdb.Error:
                problem = _csv_structure_error(path)
                if problem is not None:
                    raise problem from None
                raise
        elif suffix == ".xlsx":
            _read_xlsx(con, path, table, expected)
        elif suffix == ".parquet":
            _read_parquet(con, path, table)
        else:
            raise ReadError(path, f"unsupported file type {suffix!r} (use CSV, XLSX or Parquet)")
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0]
        raise ReadError(path, f"cannot be read: {first}") from exc
    names = [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]
    return [name for name in names if name not in ("__row", "__line")]
