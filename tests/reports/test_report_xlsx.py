"""The XLSX: a sheet of all answers, one of the action plan, numbers as numbers, no names."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from openpyxl import load_workbook

from weerbaar.measures import Plan
from weerbaar.reports import Report, build_report, render
from weerbaar.reports.xlsx import render_xlsx
from weerbaar.scan import Scan


@pytest.fixture(scope="module")
def book(report_nl: Report) -> Any:
    return load_workbook(BytesIO(render(report_nl, "xlsx")))


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def test_workbook_has_the_expected_sheets(book: Any) -> None:
    for name in ("Samenvatting", "Processen", "Antwoorden", "Actieplan", "Effect", "Verandering"):
        assert name in book.sheetnames


def test_answers_sheet_has_every_question(book: Any, report_nl: Report) -> None:
    rows = _rows(book["Antwoorden"])
    assert rows[0][0] == "Vraag"
    assert [row[0] for row in rows[1:]] == [a.question_id for a in report_nl.answers]
    by_id = {row[0]: row for row in rows[1:]}
    for answer in report_nl.answers:
        row = by_id[answer.question_id]
        assert row[6] == answer.answers and row[7] == answer.dont_know
        assert row[8] == answer.level


def test_action_plan_sheet_has_every_chosen_measure(book: Any, plan_2026: Plan) -> None:
    rows = _rows(book["Actieplan"])
    measures = rows[1:-1]
    assert [row[1] for row in measures] == [c.id for c in plan_2026.chosen]
    assert [row[0] for row in measures] == [c.quarter for c in plan_2026.chosen]
    total = rows[-1]
    assert total[0] == "Totaal"
    assert pytest.approx(sum(row[8] for row in measures)) == plan_2026.total_hours
    assert total[8] == plan_2026.total_hours and total[9] == plan_2026.total_cost_eur


def test_weak_answers_sheet_lists_them_all(book: Any, report_nl: Report) -> None:
    rows = _rows(book["Zwakke antwoorden"])
    assert len(rows) - 1 == sum(len(p.weak) for p in report_nl.processes)


def test_every_sheet_prints_as_confidential(book: Any) -> None:
    for sheet in book.worksheets:
        assert sheet.oddHeader.left.text == "VERTROUWELIJK", sheet.title


def test_sheets_without_plan_or_previous_are_left_out(scan_2026: Scan) -> None:
    book = load_workbook(BytesIO(render_xlsx(build_report(scan_2026))))
    assert "Actieplan" not in book.sheetnames and "Verandering" not in book.sheetnames
    assert "Antwoorden" in book.sheetnames


def test_english_sheet_names(report_en: Report) -> None:
    book = load_workbook(BytesIO(render(report_en, "xlsx")))
    assert {"Summary", "Answers", "Action plan"} <= set(book.sheetnames)


def test_survey_respondents_are_not_in_the_workbook(scan_2025: Scan) -> None:
    book = load_workbook(BytesIO(render_xlsx(build_report(scan_2025))))
    cells = [str(v) for sheet in book.worksheets for row in _rows(sheet) for v in row]
    for token in scan_2025.respondents:
        assert not any(token in cell for cell in cells)


def test_text_that_looks_like_a_formula_stays_text(report_nl: Report) -> None:
    first = report_nl.processes[0]
    hostile = first.model_copy(update={"name": '=HYPERLINK("http://x")'})
    report = report_nl.model_copy(update={"processes": [hostile, *report_nl.processes[1:]]})
    book = load_workbook(BytesIO(render_xlsx(report)))
    cell = book["Processen"]["A2"]
    assert cell.value == '=HYPERLINK("http://x")'
    assert cell.data_type == "s"


def test_disagreements_sheet_counts_levels_without_names(scan_2025: Scan) -> None:
    report = build_report(scan_2025)
    assert report.disagreements
    book = load_workbook(BytesIO(render_xlsx(report)))
    rows = _rows(book["Verschillen"])
    assert [row[0] for row in rows[1:]] == [d.question_id for d in report.disagreements]
    for row, found in zip(rows[1:], report.disagreements, strict=True):
        assert sum(found.distribution.values()) == len(scan_2025.respondents)
        assert str(row[5]).count(":") == len(found.distribution)
    assert any("sterk uiteen" in p for p in report.summary.paragraphs)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_table_column_has_a_heading(lang: str, report_nl: Report, report_en: Report) -> None:
    """Review finding: text columns (question, title, publisher...) had an empty heading, so a
    filter or pivot showed 'Column F'; some headings were in one language only."""
    report = report_nl if lang == "nl" else report_en
    book = load_workbook(BytesIO(render(report, "xlsx")))
    other = {"nl": ("spread",), "en": ("weet niet",)}[lang]
    for sheet in book.worksheets:
        if sheet.title in ("Samenvatting", "Summary"):
            continue  # a two-column key/value sheet without headings
        header = [cell.value for cell in sheet[1]]
        assert all(header), (sheet.title, header)
        assert not set(header) & set(other), (sheet.title, header)
