"""The generated catalogue is current, and the CLI is a thin, honest shell over the core."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge_helpers import copy_data, replace_text
from typer.testing import CliRunner

from weerbaar.cli import app
from weerbaar.knowledge import load_framework
from weerbaar.knowledge.catalogue import render_catalogue

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_committed_catalogue_is_current() -> None:
    out = ROOT / "docs" / "catalogus"
    pages = render_catalogue()
    committed = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    assert committed == set(pages), "run `weerbaar knowledge catalogue --out docs/catalogus`"
    for name, text in pages.items():
        assert (out / name).read_text(encoding="utf-8") == text, (
            f"docs/catalogus/{name} is stale: run `weerbaar knowledge catalogue`"
        )


def test_catalogue_lists_every_red_flag_and_measure() -> None:
    framework = load_framework()
    pages = render_catalogue(framework)
    for process in framework.processes.values():
        page = pages[f"processen/{process.id}.md"]
        assert all(f"`{flag.id}`" in page for flag in process.red_flags)
    assert all(f"`{m}`" in pages["maatregelen.md"] for m in framework.measures)


def test_validate_ok_on_shipped_data() -> None:
    result = runner.invoke(app, ["knowledge", "validate"])
    assert result.exit_code == 0, result.output
    assert load_framework().version in result.output


def test_validate_lists_every_problem_with_file_line_and_path(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(data / "themes.yaml", "en: Knowledge", 'en: ""')
    replace_text(data / "processes/inkoop.yaml", "saint_areas: [contracteren]", "saint_areas: [x]")
    result = runner.invoke(app, ["knowledge", "validate", str(data)])
    assert result.exit_code == 1
    assert f"themes.yaml:{line} themes[0].name.en:" in result.output
    assert "processes/inkoop.yaml:" in result.output and "unknown SAINT area 'x'" in result.output


def test_show_kinds_and_unknown_id() -> None:
    for kind, item in [("process", "brp"), ("municipality", "GM9999"), ("source", "VJ")]:
        result = runner.invoke(app, ["knowledge", "show", kind, item])
        assert result.exit_code == 0, result.output
    flag = load_framework().processes["financien"].red_flags[0]
    result = runner.invoke(app, ["knowledge", "show", "red-flag", flag.id])
    assert flag.title.nl in result.output
    result = runner.invoke(app, ["knowledge", "show", "measure", "bestaat-niet"])
    assert result.exit_code == 2 and "bestaat-niet" in result.output


def test_measures_table_filters() -> None:
    framework = load_framework()
    small = [
        m for m in framework.measures.values() if m.small_municipality and "brp" in m.processes
    ]
    result = runner.invoke(
        app, ["knowledge", "measures", "--process", "brp", "--small"], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 0
    assert all(m.id in result.output for m in small)
    others = [m for m in framework.measures.values() if "brp" not in m.processes]
    assert not any(f" {m.id} " in result.output for m in others)
    assert runner.invoke(app, ["knowledge", "measures", "--theme", "geen"]).exit_code == 2


def test_export_json_has_the_promised_keys() -> None:
    result = runner.invoke(app, ["knowledge", "export", "--format", "json"])
    data = json.loads(result.stdout)
    assert len(data["processes"]) == 8 and len(data["municipalities"]) == 342
    assert data["version"] == load_framework().version


def test_export_markdown_and_tour() -> None:
    markdown = runner.invoke(app, ["knowledge", "export", "--format", "markdown"])
    assert markdown.exit_code == 0 and "# Financiële transacties" in markdown.stdout
    tour = runner.invoke(app, ["knowledge", "tour"])
    assert tour.exit_code == 0 and "GM9999" in tour.output


def test_validate_of_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["knowledge", "validate", str(tmp_path / "nergens")])
    assert result.exit_code == 2
    assert "nergens" in result.output


def test_unknown_ids_are_echoed_literally_not_as_markup() -> None:
    """Review finding: an id with brackets crashed the CLI (Rich MarkupError) or lost text."""
    result = runner.invoke(app, ["knowledge", "show", "process", "x[/red]y"])
    assert result.exit_code == 2 and "x[/red]y" in result.output
    result = runner.invoke(app, ["knowledge", "measures", "--process", "a[b]c"])
    assert result.exit_code == 2 and "a[b]c" in result.output


def test_measure_ids_are_never_truncated_in_the_table() -> None:
    """Review finding: on an 80-column terminal the ids were cut ('logging-r…'), and the id is
    what `knowledge show measure ID` needs."""
    result = runner.invoke(
        app, ["knowledge", "measures", "--process", "brp"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 0
    framework = load_framework()
    for measure in framework.measures.values():
        if "brp" in measure.processes:
            assert measure.id in result.output
