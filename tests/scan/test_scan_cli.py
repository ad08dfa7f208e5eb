"""`weerbaar scan ...` through Typer's CliRunner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from weerbaar.cli.scan import app
from weerbaar.knowledge.models import Framework
from weerbaar.scan import Answer, Scan
from weerbaar.scan.io import dump_scan

runner = CliRunner()


def scan_file(
    tmp_path: Path, framework: Framework, name: str, values: dict[str, int | None]
) -> Path:
    scan = Scan(
        municipality="GM9999",
        date=dt.date(2026, 1, 1) if name == "old" else dt.date(2027, 1, 1),
        framework_version=framework.version,
        mode="survey",
        respondents=["r1", "r2"],
        answers=[
            Answer(question_id=q, value=v, respondent=r)
            for q, v in values.items()
            for r in ("r1", "r2")
        ]
        + [
            Answer(question_id="rd-b", value=0 if name == "old" else 3, respondent="r1"),
            Answer(question_id="rd-b", value=3, respondent="r2"),
        ],
    )
    path = tmp_path / f"{name}.json"
    dump_scan(scan, path)
    return path


def test_score_json_has_every_score_with_explanation(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0, "fin-x": 2, "rd-a": 1})
    result = runner.invoke(app, ["score", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"scan", "processes", "circumstances", "heatmap", "top", "disagreements"}
    for score in data["processes"].values():
        assert 0 <= score["vulnerability"] <= 100
        assert {"exposure", "resilience", "confidence", "contributions"} <= set(score)
        assert all("explanation" in c and "points" in c for c in score["contributions"])


def test_score_table_shows_heatmap_top_and_disagreements(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0, "rd-a": 1})
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 0, result.output
    for text in (
        "financien",
        "reisdocumenten",
        "functi",
        "top vulnerabilities",
        "Kort rd-b (rd-b): r1=0, r2=3",  # a question by its short title, id beside it
    ):
        assert text in result.output, result.output


def test_score_names_weak_points_by_short_title(tmp_path: Path, knowledge_with: Framework) -> None:
    """The top vulnerabilities named weak points only by question id (issue 14)."""
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0, "rd-a": 1})
    result = runner.invoke(app, ["score", str(path)])
    top = result.output.split("top vulnerabilities")[1].splitlines()[1:3]
    assert top and all("Kort " in line for line in top), result.output


def test_compare_writes_an_unknown_level_as_weet_niet(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    """`scan compare` printed `0.8→?` for an answer that became 'weet niet' (issue 14)."""
    old = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0, "rd-a": 1})
    new = scan_file(tmp_path, knowledge_with, "new", {"fin-a": None, "rd-a": 1})
    result = runner.invoke(app, ["compare", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "→ weet niet" in result.output and "?" not in result.output


def test_compare_names_the_answers_that_caused_the_change(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    old = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0, "rd-a": 1})
    new = scan_file(tmp_path, knowledge_with, "new", {"fin-a": 3, "rd-a": 1})
    result = runner.invoke(app, ["compare", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    financien = data["processes"]["financien"]
    assert financien["delta"] < 0
    assert financien["changes"][0]["question_id"] == "fin-a"
    table = runner.invoke(app, ["compare", str(old), str(new)])
    assert "fin-a" in table.output and "rd-b" in table.output


def test_validate_reports_problems_with_exit_code(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0})
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    data = json.loads(path.read_text())
    data["answers"][0]["value"] = 9
    path.write_text(json.dumps(data))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "fin-a" in result.output and "r1" in result.output


def test_template_import_score_round_trip(tmp_path: Path, knowledge_with: Framework) -> None:
    book_path, scan_path = tmp_path / "v.xlsx", tmp_path / "scan.json"
    result = runner.invoke(app, ["template", "--municipality", "GM9999", "--out", str(book_path)])
    assert result.exit_code == 0, result.output
    book = load_workbook(book_path)
    book["Instructie"]["B9"], book["Instructie"]["B10"] = 5, "RIEC"
    book["financien"]["E2"] = "1 – n1"
    book.save(book_path)
    result = runner.invoke(app, ["import", str(book_path), "--out", str(scan_path)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["score", str(scan_path)]).exit_code == 0


def test_import_of_a_corrupted_workbook_writes_nothing(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    book_path, scan_path = tmp_path / "v.xlsx", tmp_path / "scan.json"
    runner.invoke(app, ["template", "--municipality", "GM9999", "--out", str(book_path)])
    book = load_workbook(book_path)
    book["financien"]["E3"] = "heel goed"
    book.save(book_path)
    result = runner.invoke(app, ["import", str(book_path), "--out", str(scan_path)])
    assert result.exit_code == 1
    assert "sheet 'financien', row 3, column E" in result.output
    assert not scan_path.exists()
    assert list(tmp_path.iterdir()) == [book_path]


def test_schema_command_prints_the_published_schema() -> None:
    result = runner.invoke(app, ["schema"])
    published = Path(__file__).parents[2] / "docs" / "scan.schema.json"
    assert json.loads(result.output) == json.loads(published.read_text(encoding="utf-8"))


def test_errors_are_printed_literally_and_name_the_file(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    """Review finding: Rich ate ``[a-z0-9]`` from the pattern, and a problem found while scoring
    (unknown municipality) did not name the file."""
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0})
    data = json.loads(path.read_text())
    data["respondents"][0] = "Jan Jansen"
    path.write_text(json.dumps(data))
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 1
    assert "[a-z0-9]" in result.output and "old.json" in result.output
    data = json.loads(path.read_text())
    data["respondents"][0], data["municipality"] = "r1", "GM0002"
    path.write_text(json.dumps(data))
    result = runner.invoke(app, ["score", str(path)])
    assert result.exit_code == 1
    assert "unknown municipality GM0002" in result.output and "old.json" in result.output


def test_validate_also_checks_the_municipality(tmp_path: Path, knowledge_with: Framework) -> None:
    """Review finding: `scan validate` said OK for a scan that `scan score` then refused."""
    path = scan_file(tmp_path, knowledge_with, "old", {"fin-a": 0})
    data = json.loads(path.read_text())
    data["municipality"] = "GM0002"
    path.write_text(json.dumps(data))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "unknown municipality GM0002" in result.output and "old.json" in result.output


def test_survey_workbooks_that_do_not_combine_are_named_by_file(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    """Review finding: 'workbook 2: respondent token r-een is also in workbook 1' did not say
    which of the files given was which."""
    paths = []
    for name in ("afdeling-a", "afdeling-b"):
        path = tmp_path / f"{name}.xlsx"
        runner.invoke(
            app, ["template", "--municipality", "GM9999", "--out", str(path), "--mode", "survey"]
        )
        book = load_workbook(path)
        book["Instructie"]["B9"] = "r-een"  # the same token twice
        book["financien"]["E2"] = 1
        book.save(path)
        paths.append(path)
    scan_path = tmp_path / "scan.json"
    result = runner.invoke(app, ["import", *map(str, paths), "--out", str(scan_path)])
    assert result.exit_code == 1
    assert f"{paths[1]}: respondent token r-een is also in {paths[0]}" in result.output
    assert not scan_path.exists()


def test_import_never_overwrites_a_workbook_it_reads(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    """Review finding: 'scan import v.xlsx --out v.xlsx' replaced the filled-in questionnaire
    with the JSON scan file (the respondents' work was gone)."""
    book_path = tmp_path / "v.xlsx"
    runner.invoke(app, ["template", "--municipality", "GM9999", "--out", str(book_path)])
    book = load_workbook(book_path)
    book["Instructie"]["B9"], book["Instructie"]["B10"] = 5, "RIEC"
    book["financien"]["E2"] = 1
    book.save(book_path)
    before = book_path.read_bytes()
    out = tmp_path / "." / "v.xlsx"
    result = runner.invoke(app, ["import", str(book_path), "--out", str(out)])
    assert result.exit_code == 1
    assert "--out" in result.output and "v.xlsx" in result.output
    assert book_path.read_bytes() == before


def test_import_of_several_workbooks_lists_the_problems_of_each(
    tmp_path: Path, knowledge_with: Framework
) -> None:
    """Review finding: only the first bad workbook was reported; with twenty respondents the
    coordinator had to run the import once per mistake."""
    paths = []
    for token in ("r-een", "r-twee", "r-drie"):
        path = tmp_path / f"{token}.xlsx"
        runner.invoke(
            app, ["template", "--municipality", "GM9999", "--out", str(path), "--mode", "survey"]
        )
        book = load_workbook(path)
        book["Instructie"]["B9"] = token
        book["financien"]["E2"] = "heel goed" if token != "r-twee" else 1
        book.save(path)
        paths.append(path)
    scan_path = tmp_path / "scan.json"
    result = runner.invoke(app, ["import", *map(str, paths), "--out", str(scan_path)])
    assert result.exit_code == 1
    assert f"{paths[0]}: 1 problem(s)" in result.output
    assert f"{paths[2]}: 1 problem(s)" in result.output
    assert str(paths[1]) not in result.output
    assert not scan_path.exists()
