"""`weerbaar report`: writes the file, and names the file and field when an input is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_fixtures import SCAN_2025, SCAN_2026
from typer.testing import CliRunner, Result

from weerbaar.cli import app
from weerbaar.measures import Plan
from weerbaar.measures.io import dump_plan

runner = CliRunner()


@pytest.fixture(scope="module")
def plan_file(plan_2026: Plan, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.json"
    dump_plan(plan_2026, path)
    return path


def _report(*args: str | Path) -> Result:
    return runner.invoke(app, ["report", *map(str, args)])


def test_html_report_with_plan_and_previous(tmp_path: Path, plan_file: Path) -> None:
    out = tmp_path / "rapport.html"
    result = _report(
        SCAN_2026, "--plan", plan_file, "--previous", SCAN_2025, "--format", "html", "--out", out
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Verandering sinds de vorige scan" in html and "Actieplan" in html


def test_english_xlsx_report(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    result = _report(SCAN_2026, "--format", "xlsx", "--out", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_missing_scan_file_is_named(tmp_path: Path) -> None:
    out = tmp_path / "rapport.pdf"
    result = _report(tmp_path / "geen.json", "--format", "pdf", "--out", out)
    assert result.exit_code == 1
    assert "geen.json" in result.output
    assert not out.exists()


def test_broken_plan_file_is_named_with_its_field(tmp_path: Path, plan_file: Path) -> None:
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    data["chosen"][0]["quarter"] = "eerste"
    broken = tmp_path / "kapot-plan.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "rapport.html"
    result = _report(SCAN_2026, "--plan", broken, "--format", "html", "--out", out)
    assert result.exit_code == 1
    assert "kapot-plan.json" in result.output and "chosen.0.quarter" in result.output
    assert not out.exists()


def test_plan_of_another_scan_is_refused(tmp_path: Path, plan_file: Path) -> None:
    out = tmp_path / "rapport.html"
    result = _report(SCAN_2025, "--plan", plan_file, "--format", "html", "--out", out)
    assert result.exit_code == 1
    assert "plan.json" in result.output and "another scan" in result.output
    assert not out.exists()


def test_previous_scan_later_than_the_scan_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "rapport.html"
    result = _report(SCAN_2025, "--previous", SCAN_2026, "--format", "html", "--out", out)
    assert result.exit_code == 1
    assert "voorbeeld-2026.json" in result.output


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = _report(SCAN_2026, "--format", "docx", "--out", tmp_path / "x.docx")
    assert result.exit_code == 2
