"""The demo scans of Gemeente Voorbeeld: generated from a seed, scored by the real framework."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from weerbaar.cli.scan import app
from weerbaar.demo.scans import demo_scan_path, demo_scans
from weerbaar.scan import compare_scans, score_scan
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
