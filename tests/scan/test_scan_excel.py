"""Excel round trip: template -> fill in -> import -> score; corrupted workbooks are rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from weerbaar.knowledge.models import Framework
from weerbaar.scan import ScanFileError, score_scan
from weerbaar.scan.excel import (
    DONT_KNOW,
    INSTRUCTIONS,
    level_label,
    merge_survey,
    parse_answer,
    read_workbook,
    write_template,
)


def fill(path: Path, answers: dict[str, object], fields: dict[int, object]) -> None:
    book = load_workbook(path)
    for row, value in fields.items():
        book[INSTRUCTIONS].cell(row=row, column=2, value=value)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2):
            if row[0].value in answers:
                row[4].value = answers[row[0].value]
                row[5].value = f"notitie bij {row[0].value}"
    book.save(path)


def test_template_has_a_sheet_per_process_dropdowns_and_hidden_ids(
    tmp_path: Path, small_framework: Framework
) -> None:
    path = tmp_path / "vragenlijst.xlsx"
    write_template(small_framework, "GM9999", path)
    book = load_workbook(path)
    assert book.sheetnames == [
        INSTRUCTIONS,
        "_lijsten",
        "financien",
        "reisdocumenten",
        "algemeen",
        "_meta",
    ]
    assert book["_meta"].sheet_state == "hidden" and book["_lijsten"].sheet_state == "hidden"
    sheet = book["reisdocumenten"]
    assert sheet.column_dimensions["A"].hidden
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["rd-a", "rd-b"]
    validations = sheet.data_validations.dataValidation
    assert validations and all(v.type == "list" for v in validations)
    options = [c.value for c in book["_lijsten"]["A"]]
    assert options[-1] == DONT_KNOW and options[0].startswith("0 – ")


def test_round_trip_workshop(tmp_path: Path, small_framework: Framework) -> None:
    path = tmp_path / "vragenlijst.xlsx"
    write_template(small_framework, "GM9999", path)
    answers = {"fin-a": "0 – n0", "fin-b": 3, "fin-x": "2 – n2", "rd-a": DONT_KNOW, "alg-park": "1"}
    fill(path, answers, {8: dt.datetime(2026, 4, 2), 9: 7, 10: "RIEC Oost-Nederland"})
    scan = read_workbook(path, small_framework)
    assert scan.mode == "workshop" and scan.workshop is not None and scan.workshop.participants == 7
    assert scan.date == dt.date(2026, 4, 2)
    got = {a.question_id: a.value for a in scan.answers}
    assert got == {"fin-a": 0, "fin-b": 3, "fin-x": 2, "rd-a": None, "alg-park": 1}
    assert scan.answers[0].note == "notitie bij fin-a"
    result = score_scan(scan, small_framework)
    assert set(result.processes) == {"financien", "reisdocumenten"}


def test_survey_workbooks_merge(tmp_path: Path, small_framework: Framework) -> None:
    scans = []
    for token, value in (("r1", 0), ("r2", 3)):
        path = tmp_path / f"{token}.xlsx"
        write_template(small_framework, "GM9999", path, mode="survey")
        fill(path, {"fin-a": value}, {8: "2026-04-02", 9: token})
        scans.append(read_workbook(path, small_framework))
    merged = merge_survey(scans)
    assert merged.respondents == ["r1", "r2"]
    result = score_scan(merged, small_framework)
    assert [d.question_id for d in result.disagreements] == ["fin-a"]
    with pytest.raises(ScanFileError, match="respondent token"):
        merge_survey([scans[0], scans[0]])


def test_bad_cells_are_named_by_sheet_row_and_column(
    tmp_path: Path, small_framework: Framework
) -> None:
    path = tmp_path / "vragenlijst.xlsx"
    write_template(small_framework, "GM9999", path)
    fill(path, {"fin-a": "misschien", "rd-b": 7}, {8: "gisteren", 9: 7, 10: "RIEC"})
    with pytest.raises(ScanFileError) as caught:
        read_workbook(path, small_framework)
    locations = sorted(p.location or "" for p in caught.value.problems)
    assert locations == [
        "sheet 'Instructie', row 8, column B",
        "sheet 'financien', row 2, column E",
        "sheet 'reisdocumenten', row 3, column E",
    ]


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 broken zip", b"just,a,csv\n"])
def test_corrupted_workbook_is_rejected(
    tmp_path: Path, small_framework: Framework, content: bytes
) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(content)
    with pytest.raises(ScanFileError, match=r"kapot\.xlsx"):
        read_workbook(path, small_framework)


def test_a_workbook_that_is_not_a_template_is_rejected(
    tmp_path: Path, small_framework: Framework
) -> None:
    path = tmp_path / "vreemd.xlsx"
    write_template(small_framework, "GM9999", path)
    book = load_workbook(path)
    del book["_meta"]
    book.save(path)
    with pytest.raises(ScanFileError, match="not a weerbaar scan template"):
        read_workbook(path, small_framework)


def test_parse_answer(small_framework: Framework) -> None:
    scale = small_framework.scales["volwassenheid"]
    assert parse_answer(2, scale) == (True, 2)
    assert parse_answer("3 – n3", scale) == (True, 3)
    assert parse_answer("n1", scale) == (True, 1)
    assert parse_answer("Weet niet", scale) == (True, None)
    assert parse_answer(4, scale)[0] is False
    assert parse_answer(True, scale)[0] is False
    assert parse_answer(1.5, scale)[0] is False


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_filled_in_answers_come_back_unchanged(
    tmp_path_factory: pytest.TempPathFactory, small_framework: Framework, data: st.DataObject
) -> None:
    path = tmp_path_factory.mktemp("xlsx") / "v.xlsx"
    write_template(small_framework, "GM9999", path)
    chosen: dict[str, object] = {}
    expected: dict[str, int | None] = {}
    for qid, question in small_framework.questions.items():
        if question.applies_to and "klein" not in question.applies_to:
            continue
        scale = small_framework.scales[question.scale]
        value = data.draw(st.one_of(st.none(), st.integers(0, scale.max_value)), label=qid)
        if data.draw(st.booleans(), label=f"{qid}-answered"):
            chosen[qid] = DONT_KNOW if value is None else level_label(scale, value)
            expected[qid] = value
    fill(path, chosen, {8: "2026-05-01", 9: 3, 10: "gemeentesecretaris"})
    if not expected:
        with pytest.raises(ScanFileError, match="no answers"):
            read_workbook(path, small_framework)
        return
    scan = read_workbook(path, small_framework)
    assert {a.question_id: a.value for a in scan.answers} == expected


def test_an_empty_questionnaire_is_rejected(tmp_path: Path, small_framework: Framework) -> None:
    path = tmp_path / "leeg.xlsx"
    write_template(small_framework, "GM9999", path)
    fill(path, {}, {9: 4, 10: "RIEC"})
    with pytest.raises(ScanFileError, match="no answers filled in"):
        read_workbook(path, small_framework)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, small_framework: Framework
) -> None:
    """Review finding: a 1.2 MB workbook whose sheet unpacked to 300 MB took two minutes and
    4 GB of memory to import (and was accepted); the unpacked size is now checked first."""
    import zipfile

    path = tmp_path / "bom.xlsx"
    write_template(small_framework, "GM9999", path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/filler.bin", b"\0" * (64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ScanFileError) as caught:
        read_workbook(path, small_framework)
    assert str(path) in str(caught.value)
    assert "unpacks to more than" in str(caught.value)


def test_a_too_large_workbook_is_refused_in_plain_words(
    tmp_path: Path, small_framework: Framework, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weerbaar.scan import workbook

    path = tmp_path / "groot.xlsx"
    write_template(small_framework, "GM9999", path)
    monkeypatch.setattr(workbook, "MAX_BYTES", 10)
    with pytest.raises(ScanFileError) as caught:
        read_workbook(path, small_framework)
    assert [str(p) for p in caught.value.problems] == ["file larger than 10 bytes"]
