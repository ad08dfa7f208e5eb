"""Read one input file (CSV, XLSX or Parquet) into a raw DuckDB table with a row number.

Raw tables keep the file's own values (text for CSV and XLSX, native types for Parquet) plus
``__row``: the 1-based data row as the user sees it (row 1 is the first row after the header).
Typing and checking happen in :mod:`weerbaar.signals.inputs`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import shutil
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa

SUFFIXES: tuple[str, ...] = (".csv", ".xlsx", ".parquet")


class ReadError(ValueError):
    """The file itself cannot be read (not CSV, broken workbook, ...)."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path.name}: {message}")
        self.path = path


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


def _read_xlsx(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on broken files
        raise ReadError(path, f"not a readable XLSX workbook ({type(exc).__name__})") from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise ReadError(path, "the first sheet is empty")
        names = [str(name).strip() if name is not None else "" for name in header]
        columns: list[list[str | None]] = [[] for _ in names]
        for values in rows:
            if all(value is None for value in values):
                continue
            for index in range(len(names)):
                columns[index].append(_cell(values[index]) if index < len(values) else None)
    finally:
        workbook.close()
    data = {
        name: pa.array(col, pa.string()) for name, col in zip(names, columns, strict=True) if name
    }
    count = len(columns[0]) if columns else 0
    data["__row"] = pa.array(range(1, count + 1), pa.int64())
    con.register("xlsx_rows", pa.table(data))
    con.execute(f'CREATE OR REPLACE TEMP TABLE "{table}" AS SELECT * FROM xlsx_rows')
    con.unregister("xlsx_rows")


def _read_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    source = f"read_parquet({_quote(str(path))}, file_row_number=true)"
    con.execute(
        f'CREATE OR REPLACE TEMP VIEW "{table}" AS '
        f"SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS __row FROM {source}"
    )


def read_raw(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> list[str]:
    """Read ``path`` into ``table``; return the column names as written in the file."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            _read_csv(con, path, table)
        elif suffix == ".xlsx":
            _read_xlsx(con, path, table)
        elif suffix == ".parquet":
            _read_parquet(con, path, table)
        else:
            raise ReadError(path, f"unsupported file type {suffix!r} (use CSV, XLSX or Parquet)")
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0]
        raise ReadError(path, f"cannot be read: {first}") from exc
    names = [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]
    return [name for name in names if name != "__row"]
