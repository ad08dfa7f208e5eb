"""A filled-in questionnaire whose structure was changed is rejected, naming sheet, row, column.

Found in the acceptance review: these workbooks used to import silently (answers lost, scored as
"weet niet", or taken from the wrong scale).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from weerbaar.knowledge.models import Framework
from weerbaar.scan import ScanFileError
from weerbaar.scan.excel import INSTRUCTIONS, META, parse_answer, read_workbook, write_template

ANSWERS = {"fin-a": "1 – n1", "fin-b": 3, "fin-x": "2 – n2", "rd-a": "weet niet", "rd-b": 0}


def _filled(tmp_path: Path, framework: Framework, change: Callable[[Any], None]) -> Path:
    path = tmp_path / "vragenlijst.xlsx"
    write_template(framework, "GM9999", path)
    book = load_workbook(path)
    book[INSTRUCTIONS].cell(row=8, column=2, value=dt.datetime(2026, 4, 2))
    book[INSTRUCTIONS].cell(row=9, column=2, value=5)
    book[INSTRUCTIONS].cell(row=10, column=2, value="RIEC")
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in ANSWERS:
                row[4].value = ANSWERS[row[0].value]
    change(book)
    book.save(path)
    return path


def _row_of(book: Any, sheet: str, qid: str) -> int:
    return next(r[0].row for r in book[sheet].iter_rows(min_row=2) if r[0].value == qid)


def _set(sheet: str, qid: str, column: int, value: object) -> Callable[[Any], None]:
    def change(book: Any) -> None:
        book[sheet].cell(row=_row_of(book, sheet, qid), column=column, value=value)

    return change


def _delete_sheet(book: Any) -> None:
    del book["reisdocumenten"]


def _empty_sheet(book: Any) -> None:
    book["reisdocumenten"].delete_rows(1, book["reisdocumenten"].max_row)


def _extra_row(book: Any) -> None:
    book["financien"].append([None, 9, "eigen vraag", None, "2 – n2", None, None])


def _copied_row(book: Any) -> None:
    book["financien"].append(["fin-a", 9, "kopie", None, "3 – n3", None, None])


CASES: dict[str, tuple[Callable[[Any], None], str, str]] = {
    "hidden id moved to another process": (
        _set("reisdocumenten", "rd-b", 1, "fin-b"),
        "sheet 'reisdocumenten', row 3, column A",
        "belongs on sheet 'financien'",
    ),
    "hidden id copied": (
        _copied_row,
        "sheet 'financien', row 5, column A",
        "appears twice",
    ),
    "question of another size class": (
        _set("reisdocumenten", "rd-b", 1, "rd-groot"),
        "sheet 'reisdocumenten', row 3, column A",
        "not part of this questionnaire",
    ),
    "column inserted": (
        lambda book: book["financien"].insert_cols(5),
        "sheet 'financien', row 1",
        "columns were inserted, deleted or moved",
    ),
    "sheet renamed": (
        lambda book: setattr(book["reisdocumenten"], "title", "Reisdoc"),
        "sheet 'Reisdoc', row 2, column A",
        "belongs on sheet 'reisdocumenten'",
    ),
    "sheet deleted": (_delete_sheet, "sheet 'reisdocumenten'", "missing"),
    "sheet emptied": (_empty_sheet, "sheet 'reisdocumenten'", "missing"),
    "answer in a row without id": (
        _extra_row,
        "sheet 'financien', row 5, column A",
        "answer without a question id",
    ),
    "label of another scale": (
        _set("financien", "fin-a", 5, "2 – x2"),
        "sheet 'financien', row 2, column E",
        "not an answer on scale",
    ),
    "formula without a value": (
        _set("financien", "fin-a", 5, '="2 – n2"'),
        "sheet 'financien', row 2, column E",
        "formula",
    ),
    "formula without a value in a note": (
        _set("financien", "fin-a", 6, '=CONCAT("zie ", "notulen")'),
        "sheet 'financien', row 2, column F",
        "formula",
    ),
    "formula without a value in the moderator field": (
        lambda book: book[INSTRUCTIONS].cell(row=10, column=2, value="=A1"),
        f"sheet '{INSTRUCTIONS}', row 10, column B",
        "formula",
    ),
    "unknown municipality in the hidden sheet": (
        lambda book: book[META].cell(row=1, column=2, value="GM0000"),
        f"sheet '{META}'",
        "unknown municipality GM0000",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_tampered_workbook_is_rejected_with_sheet_row_and_column(
    case: str, tmp_path: Path, small_framework: Framework
) -> None:
    change, location, message = CASES[case]
    path = _filled(tmp_path, small_framework, change)
    with pytest.raises(ScanFileError) as caught:
        read_workbook(path, small_framework)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(location) and message in p for p in found), found


def _notes_sheet(book: Any) -> None:
    notes = book.create_sheet("Aantekeningen")
    notes.append(["Besproken in het MT", "ja"])
    notes.append(["fin-a? nog navragen", None])


@pytest.mark.parametrize("change", [lambda book: None, _notes_sheet])
def test_untouched_workbook_still_imports(
    tmp_path: Path, small_framework: Framework, change: Callable[[Any], None]
) -> None:
    scan = read_workbook(_filled(tmp_path, small_framework, change), small_framework)
    assert {a.question_id: a.value for a in scan.answers} == {
        "fin-a": 1,
        "fin-b": 3,
        "fin-x": 2,
        "rd-a": None,
        "rd-b": 0,
    }


def test_a_level_number_needs_its_own_label(small_framework: Framework) -> None:
    maturity = small_framework.scales["volwassenheid"]
    assert parse_answer("2 – n2", maturity) == (True, 2)
    assert parse_answer("2", maturity) == (True, 2)
    assert parse_answer("2 – n3", maturity)[0] is False
    assert parse_answer("2 – iets anders", maturity)[0] is False


def test_template_rows_show_english_and_the_question_anchors(tmp_path: Path) -> None:
    """Review finding: the offline questionnaire showed only Dutch and the generic scale labels,
    not what each level means for the question (its anchors)."""
    from weerbaar.knowledge import load_framework

    framework = load_framework()
    path = tmp_path / "v.xlsx"
    write_template(framework, "GM9999", path)
    question = framework.questions["algemeen.q01"]
    assert question.anchors
    row = next(
        r
        for r in load_workbook(path)["algemeen"].iter_rows(values_only=True)
        if r[0] == question.id
    )
    assert question.text.nl in row[2] and question.text.en in row[2]
    for anchor in question.anchors:
        assert anchor.nl in row[3]
    assert row[3].startswith("0 – ") or (question.help and question.help.nl in row[3])


@pytest.mark.parametrize(
    ("mode", "row", "value", "message"),
    [
        ("survey", 9, "Jan Jansen", "not a respondent token"),
        ("survey", 9, 12345, None),
        ("workshop", 9, "vijf", "not a whole number"),
        ("workshop", 9, 0, "not a whole number"),
    ],
)
def test_instruction_fields_are_checked_by_row_and_column(
    tmp_path: Path,
    small_framework: Framework,
    mode: str,
    row: int,
    value: object,
    message: str | None,
) -> None:
    """Review finding: a name instead of a respondent token crashed the import (traceback)."""
    path = tmp_path / "v.xlsx"
    write_template(small_framework, "GM9999", path, mode=mode)  # type: ignore[arg-type]
    book = load_workbook(path)
    book[INSTRUCTIONS].cell(row=10, column=2, value="RIEC")
    book[INSTRUCTIONS].cell(row=row, column=2, value=value)
    book["financien"]["E2"] = 2
    book.save(path)
    if message is None:
        scan = read_workbook(path, small_framework)
        assert scan.respondents == [str(value)]
        return
    with pytest.raises(ScanFileError) as caught:
        read_workbook(path, small_framework)
    found = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"sheet '{INSTRUCTIONS}', row {row}, column B") for p in found), found
    assert any(message in p for p in found), found


def test_only_survey_workbooks_are_combined(tmp_path: Path, small_framework: Framework) -> None:
    """Review finding: two workshop workbooks were 'merged' into a scan file with every answer
    twice (written without error); problems did not say which workbook."""
    from weerbaar.scan.excel import merge_survey

    workshop = read_workbook(_filled(tmp_path, small_framework, lambda book: None), small_framework)
    with pytest.raises(ScanFileError) as caught:
        merge_survey([workshop, workshop])
    found = [str(p) for p in caught.value.problems]
    assert any("workbook 1" in p and "survey" in p for p in found), found
    assert any("workbook 2" in p and "survey" in p for p in found), found
