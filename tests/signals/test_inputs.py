"""Input checks: every problem names file, row and column; nothing loads on bad data."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.signals.inputs import InputError, load_inputs
from weerbaar.signals.schemas import DATASETS

HEADER = DATASETS["payments"].names
ROW = {
    "payment_id": "P1",
    "payment_date": "2024-03-01",
    "amount_eur": "1250.00",
    "creditor_id": "C1",
    "iban": "NL91ABNA0417164300",
    "invoice_number": "F1",
    "invoice_date": "2024-02-20",
    "description": "x",
    "cost_centre": "KP1",
    "entered_by": "a",
    "approved_by": "b",
}


def write_payments(directory: Path, rows: list[dict[str, str]], delimiter: str = ",") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "payments.csv"
    header = list(rows[0]) if rows else HEADER
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_inputs(duckdb.connect(), directory)
    return [str(problem) for problem in caught.value.problems]


def rows(*changes: dict[str, str]) -> list[dict[str, str]]:
    return [{**ROW, "payment_id": f"P{n}", **change} for n, change in enumerate(changes, start=1)]


@pytest.mark.parametrize(
    ("change", "row", "column", "fragment"),
    [
        ({"payment_date": "2024-02-30"}, 2, "payment_date", "is not a date"),
        ({"invoice_date": "gisteren"}, 2, "invoice_date", "is not a date"),
        ({"amount_eur": "twaalf"}, 2, "amount_eur", "is not an amount"),
        ({"amount_eur": "12.5.3"}, 2, "amount_eur", "is not an amount"),
        ({"creditor_id": ""}, 2, "creditor_id", "required value is missing"),
        ({"payment_id": "P1"}, 2, "payment_id", "duplicate key 'P1'"),
    ],
)
def test_bad_value_names_file_row_and_column(tmp_path, change, row, column, fragment):
    write_payments(tmp_path, rows({}, change))
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"payments.csv, row {row} (line {row + 1}), column {column}: ")
    assert fragment in problem


def test_missing_column_is_named(tmp_path):
    data = [{k: v for k, v in ROW.items() if k != "approved_by"}]
    write_payments(tmp_path, data)
    assert problems_of(tmp_path) == ["payments.csv, column approved_by: required column is missing"]


def test_all_problems_are_collected_and_nothing_is_loaded(tmp_path):
    write_payments(tmp_path, rows({"amount_eur": "x"}, {"payment_date": "y"}))
    con = duckdb.connect()
    with pytest.raises(InputError) as caught:
        load_inputs(con, tmp_path)
    assert len(caught.value.problems) == 2
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE NOT temporary").fetchall() == [
        (0,)
    ]


def test_many_bad_rows_are_summarised(tmp_path):
    write_payments(tmp_path, rows(*[{"amount_eur": "x"}] * 9))
    found = problems_of(tmp_path)
    assert len(found) == 6
    assert found[-1].endswith("and 4 more rows like this")


def test_skipping_a_bad_dataset_loads_the_others(tmp_path, small_data):
    for name in ("creditors", "orders", "creditor_changes"):
        shutil.copy(small_data.files[name], tmp_path)
    write_payments(tmp_path, rows({"amount_eur": "x"}))
    con = duckdb.connect()
    report = load_inputs(con, tmp_path, skip=["payments"])
    assert set(report.datasets) == {"creditors", "orders", "creditor_changes"}
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "payments" not in tables


def test_unknown_dataset_to_skip_is_an_error(tmp_path):
    write_payments(tmp_path, rows({}))
    with pytest.raises(InputError, match="unknown dataset"):
        load_inputs(duckdb.connect(), tmp_path, skip=["betalingen"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1234,5", "1234.50"),
        ("1,234.56", "1234.56"),
        ("€ 9.950,00", "9950.00"),
        ("1.234", "1234.00"),
        ("-12,30", "-12.30"),
    ],
)
def test_amount_formats(tmp_path, text, expected):
    write_payments(tmp_path, rows({"amount_eur": text}), delimiter=";")
    con = duckdb.connect()
    load_inputs(con, tmp_path)
    assert con.execute("SELECT amount_eur FROM payments").fetchall() == [(Decimal(expected),)]


@settings(max_examples=40, deadline=None)
@given(cents=st.integers(min_value=-(10**12), max_value=10**12), dutch=st.booleans())
def test_any_amount_written_either_way_reads_back(tmp_path_factory, cents, dutch):
    amount = Decimal(cents) / 100
    text = f"{amount:,.2f}"
    if dutch:
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    directory = tmp_path_factory.mktemp("amount")
    write_payments(directory, rows({"amount_eur": text}), delimiter=";")
    con = duckdb.connect()
    load_inputs(con, directory)
    assert con.execute("SELECT amount_eur FROM payments").fetchall() == [(amount,)]


def test_dutch_dates_are_accepted(tmp_path):
    write_payments(tmp_path, rows({"payment_date": "01-03-2024", "invoice_date": "20/02/2024"}))
    con = duckdb.connect()
    load_inputs(con, tmp_path)
    assert str(con.execute("SELECT payment_date, invoice_date FROM payments").fetchall()[0]) == (
        "(datetime.date(2024, 3, 1), datetime.date(2024, 2, 20))"
    )


def test_xlsx_rows_are_sheet_rows(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append([ROW[name] for name in HEADER])
    sheet.append([{**ROW, "payment_id": "P2", "amount_eur": "veel"}[name] for name in HEADER])
    workbook.save(tmp_path / "payments.xlsx")
    [problem] = problems_of(tmp_path)
    assert problem.startswith("payments.xlsx, row 2 (line 3), column amount_eur: 'veel'")


def test_parquet_is_read_with_native_types(tmp_path, small_data):
    con = duckdb.connect()
    source = small_data.files["payments"]
    con.execute(f"COPY (SELECT * FROM read_csv('{source}')) TO '{tmp_path}/payments.parquet'")
    report = load_inputs(duckdb.connect(), tmp_path)
    assert report.datasets["payments"].rows == small_data.rows["payments"]


def test_parquet_problem_names_the_row(tmp_path):
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT 'P' || i AS payment_id, DATE '2024-01-01' AS payment_date, "
        "CASE WHEN i = 3 THEN 'abc' ELSE '12.50' END AS amount_eur, 'C1' AS creditor_id, "
        "'NL91ABNA0417164300' AS iban, 'F' || i AS invoice_number, "
        "DATE '2024-01-01' AS invoice_date, "
        "'KP1' AS cost_centre, 'a' AS entered_by, 'b' AS approved_by FROM range(1, 5) AS t(i)) "
        f"TO '{tmp_path}/payments.parquet'"
    )
    [problem] = problems_of(tmp_path)
    assert problem.startswith("payments.parquet, row 3, column amount_eur: 'abc' is not an amount")


def test_broken_csv_is_reported_with_the_file(tmp_path):
    (tmp_path / "payments.csv").write_text('payment_id,amount_eur\n"P1,12\n', encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem.startswith("payments.csv")


def test_two_files_for_one_dataset(tmp_path):
    write_payments(tmp_path, rows({}))
    (tmp_path / "payments.xlsx").write_bytes(b"")
    assert "more than one file" in problems_of(tmp_path)[0]


def test_windows_1252_csv_from_excel_is_read(tmp_path):
    text = "payment_id;payment_date;amount_eur;creditor_id;iban;invoice_number;invoice_date;"
    text += "description;cost_centre;entered_by;approved_by\r\n"
    text += "P1;01-03-2024;€ 1.234,56;C1;NL91ABNA0417164300;F1;20-02-2024;Café;KP1;a;b\r\n"
    (tmp_path / "payments.csv").write_bytes(text.encode("cp1252"))
    con = duckdb.connect()
    load_inputs(con, tmp_path)
    assert con.execute("SELECT amount_eur, description FROM payments").fetchall() == [
        (Decimal("1234.56"), "Café")
    ]


def test_xlsx_float_amounts_and_dates(tmp_path):
    import datetime as dt

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    values = {**ROW, "amount_eur": 0.1 + 1234.46, "payment_date": dt.datetime(2024, 3, 1)}
    sheet.append([values[name] for name in HEADER])
    workbook.save(tmp_path / "payments.xlsx")
    con = duckdb.connect()
    load_inputs(con, tmp_path)
    assert con.execute("SELECT amount_eur, payment_date FROM payments").fetchall() == [
        (Decimal("1234.56"), dt.date(2024, 3, 1))
    ]


@pytest.mark.parametrize(
    ("date", "amount"),
    [
        ("2024/03/01", "EUR 1.234,56"),
        ("01.03.2024", "1234,56 EUR"),
        ("2024-03-01T00:00:00Z", "1234.56"),
    ],
)
def test_more_export_formats(tmp_path, date, amount):
    write_payments(tmp_path, rows({"payment_date": date, "amount_eur": amount}), delimiter=";")
    con = duckdb.connect()
    load_inputs(con, tmp_path)
    assert con.execute("SELECT payment_date, amount_eur FROM payments").fetchall() == [
        (dt.date(2024, 3, 1), Decimal("1234.56"))
    ]


def _text_row(**change: str) -> str:
    return ";".join({**ROW, **change}[name] for name in HEADER)


def test_line_counts_quoted_line_breaks_and_blank_lines(tmp_path):
    lines = [
        ";".join(HEADER),
        _text_row(description='"twee\r\nregels"'),
        "",
        _text_row(payment_id="P2", amount_eur="veel"),
    ]
    (tmp_path / "payments.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem.startswith("payments.csv, row 2 (line 5), column amount_eur: 'veel'")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (_text_row(payment_id="P2") + ";extra", "row 2 (line 3): has 12 fields, the header has 11"),
        (_text_row(payment_id="P2").rsplit(";", 1)[0], "row 2 (line 3): has 10 fields"),
        (_text_row(payment_id="P2", description='"nooit dicht'), "row 2 (line 3): a quoted field"),
    ],
)
def test_a_malformed_csv_record_names_row_and_line(tmp_path, bad, message):
    lines = [";".join(HEADER), _text_row(), bad, _text_row(payment_id="P3")]
    (tmp_path / "payments.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem.startswith(f"payments.csv, {message}")


def test_xlsx_header_below_a_title_and_blank_rows_are_sheet_rows(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Export betalingen Gemeente Voorbeeld", "2024-03-31"])
    sheet.append([])
    sheet.append([name.upper() for name in HEADER])
    sheet.append([ROW[name] for name in HEADER])
    sheet.append([])
    sheet.append([{**ROW, "payment_id": "P2", "amount_eur": "veel"}[name] for name in HEADER])
    workbook.save(tmp_path / "payments.xlsx")
    [problem] = problems_of(tmp_path)
    assert problem.startswith("payments.xlsx, row 2 (line 6), column amount_eur: 'veel'")
    sheet.delete_rows(6)
    workbook.save(tmp_path / "payments.xlsx")
    con = duckdb.connect()
    assert load_inputs(con, tmp_path).datasets["payments"].rows == 1
    assert con.execute("SELECT payment_id FROM payments").fetchall() == [("P1",)]


EMPTY = "the file is empty (no header row, no data)"


@pytest.mark.parametrize(
    "content",
    [b"", b"\n\n   \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n\t\r\n"],
    ids=["0-bytes", "blank-lines", "bom-only", "bom-and-blank-lines"],
)
def test_an_empty_csv_is_named_empty_not_missing_every_column(tmp_path, content):
    (tmp_path / "payments.csv").write_bytes(content)
    assert problems_of(tmp_path) == [f"payments.csv: {EMPTY}"]


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_a_zero_byte_xlsx_or_parquet_is_named_empty(tmp_path, suffix):
    (tmp_path / f"payments{suffix}").write_bytes(b"")
    assert problems_of(tmp_path) == [f"payments{suffix}: {EMPTY}"]


def test_an_empty_xlsx_sheet_is_named_empty(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active["C3"] = "   "  # a blank cell someone typed spaces into is still blank
    workbook.save(tmp_path / "payments.xlsx")
    assert problems_of(tmp_path) == [
        "payments.xlsx: the file is empty (the first sheet has no header row, no data)"
    ]


def test_an_xlsx_sheet_filled_only_below_the_header_search_says_where(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.cell(30, 1, "payment_id")
    workbook.save(tmp_path / "payments.xlsx")
    [problem] = problems_of(tmp_path)
    assert problem == (
        "payments.xlsx: the first sheet has no header row in its first 20 rows "
        "(the first filled row is row 30)"
    )


def test_a_header_only_export_is_valid_with_no_rows(tmp_path):
    write_payments(tmp_path / "csv", [])
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    (tmp_path / "xlsx").mkdir()
    workbook.save(tmp_path / "xlsx" / "payments.xlsx")
    for folder in ("csv", "xlsx"):
        con = duckdb.connect()
        assert load_inputs(con, tmp_path / folder).datasets["payments"].rows == 0
        assert con.execute("SELECT count(*) FROM payments").fetchall() == [(0,)]


def test_an_empty_file_loads_nothing(tmp_path):
    write_payments(tmp_path, rows({}))
    (tmp_path / "creditors.csv").write_bytes(b"")
    con = duckdb.connect()
    with pytest.raises(InputError) as caught:
        load_inputs(con, tmp_path)
    assert [str(p) for p in caught.value.problems] == [f"creditors.csv: {EMPTY}"]
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchall() == [(0,)]
