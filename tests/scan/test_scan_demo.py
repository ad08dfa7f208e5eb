"""The demo scans of Gemeente Voorbeeld: generated from a seed, scored by the real framework."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from weerbaar.cli.scan import app
from weerbaar.demo.scans import demo_scan_path, demo_scans
from weerbaar.scan import ScanError, compare_scans, score_scan
from weerbaar.scan.io import load_scan, scan_to_json


def test_demo_files_equal_the_generator_output() -> None:
    for year, scan in demo_scans().items():
        written = demo_scan_path(year).read_text(encoding="utf-8")
        assert written == scan_to_json(scan), "run: python -m weerbaar.demo.scans"


def test_demo_scans_tell_their_story() -> None:
    old, new = load_scan(demo_scan_path("2025")), load_scan(demo_scan_path("2026"))
    assert old.mode == "survey" and len(old.respondents) == 5
    assert new.mode == "workshop" and new.workshop is not None and new.workshop.participants > 1
    assert any(a.value is None for a in old.answers) and any(a.value is None for a in new.answers)
    before, after = score_scan(old), score_scan(new)
    assert before.scan.small_profile and before.scan.size_class == "klein"
    assert before.disagreements
    assert before.circumstances["risicolocaties"].weakness >= 80  # holiday parks, farm buildings
    reis = before.processes["reisdocumenten"].contributions
    four_eyes = [c for c in reis if c.target == "functies" and c.process == "reisdocumenten"]
    assert four_eyes and four_eyes[0].weakness >= 0.75
    deltas = {pid: change.delta for pid, change in compare_scans(before, after).processes.items()}
    assert [pid for pid, delta in deltas.items() if delta > 0] == ["toezicht"]
    assert sum(delta < 0 for delta in deltas.values()) >= 3


def test_cli_scores_the_demo_scans_in_both_formats() -> None:
    runner = CliRunner()
    for year in ("2025", "2026"):
        path = str(demo_scan_path(year))
        table = runner.invoke(app, ["score", path])
        assert table.exit_code == 0, table.output
        assert "reisdocumenten" in table.output
        data = json.loads(runner.invoke(app, ["score", path, "--format", "json"]).output)
        assert len(data["processes"]) == 8
        for score in data["processes"].values():
            assert 0 <= score["vulnerability"] <= 100 and score["contributions"]


def test_method_doc_worked_example_is_current() -> None:
    from weerbaar.scan.method_doc import METHOD_DOC, render

    text = METHOD_DOC.read_text(encoding="utf-8")
    assert text == render(text), "run: python -m weerbaar.scan.method_doc"
    assert "V = 100 × G × (½ + ½ × X)" in text


def test_real_questionnaire_round_trip_through_the_cli(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    runner = CliRunner()
    book_path, scan_path = tmp_path / "GM9999.xlsx", tmp_path / "scan.json"
    args = ["template", "--municipality", "GM9999", "--mode", "survey", "--out", str(book_path)]
    assert runner.invoke(app, args).exit_code == 0
    book = load_workbook(book_path)
    book["Instructie"]["B9"] = "r-balie"
    filled = 0
    for sheet in book.worksheets[2:]:
        for row in sheet.iter_rows(min_row=2):
            if row[0].value and sheet.title != "_meta":
                row[4].value = ["weet niet", "1", 2][filled % 3]
                filled += 1
    book.save(book_path)
    result = runner.invoke(app, ["import", str(book_path), "--out", str(scan_path)])
    assert result.exit_code == 0, result.output
    scan = load_scan(scan_path)
    assert scan.respondents == ["r-balie"] and len(scan.answers) == filled
    assert len(score_scan(scan).processes) == 8


def test_a_scan_on_an_archived_older_version_scores_against_that_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weerbaar.knowledge
    from weerbaar.knowledge import archive, framework_for_version, load_framework

    current = load_framework()
    questions = dict(current.questions)
    old_question = questions.pop("reisdocumenten.q01").model_copy(
        update={"id": "reisdocumenten.q00"}
    )
    old = current.model_copy(
        update={
            "info": current.info.model_copy(update={"version": "0.9.0"}),
            "questions": {"reisdocumenten.q00": old_question, **questions},
        }
    )
    archive(old, tmp_path)
    monkeypatch.setattr(
        weerbaar.knowledge,
        "framework_for_version",
        partial(framework_for_version, directory=tmp_path),
    )
    scan = demo_scans(old)["2026"]
    assert scan.framework_version == "0.9.0"
    result = score_scan(scan)
    ids = {c.question_id for c in result.processes["reisdocumenten"].contributions}
    assert "reisdocumenten.q00" in ids and "reisdocumenten.q01" not in ids
    with pytest.raises(ScanError):
        score_scan(scan, current)
