"""`weerbaar plan`: formats, cooperation flags, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from plan_builders import plan_framework, plan_scan
from typer.testing import CliRunner

import weerbaar.knowledge
from weerbaar.cli import app
from weerbaar.knowledge.models import Framework
from weerbaar.measures import load_plan
from weerbaar.scan.io import dump_scan

runner = CliRunner()


@pytest.fixture
def scanfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scan file whose framework version resolves to the small plan framework."""
    fw: Framework = plan_framework()
    monkeypatch.setattr(weerbaar.knowledge, "load_framework", lambda *a: fw)
    monkeypatch.setattr(weerbaar.knowledge, "framework_for_version", lambda *a: fw)
    path = tmp_path / "scan.json"
    dump_scan(plan_scan(), path)
    return path


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["plan", *args])
    return result.exit_code, result.output


def test_json_output_has_the_documented_keys(scanfile: Path) -> None:
    code, out = run(str(scanfile), "--hours", "60", "--budget", "4000", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    for key in ("chosen", "rejected", "before", "after", "greedy_after", "request", "solver"):
        assert key in data
    first = data["chosen"][0]
    assert {"id", "quarter", "hours", "cost_eur", "reason"} <= set(first)
    assert data["request"]["hours"] == 60 and data["request"]["budget_eur"] == 4000
    assert data["solver"]["seconds"] >= 0
    assert all(r["reason"]["code"] for r in data["rejected"])


def test_with_riec_lowers_the_cost_of_shared_measures(scanfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    args = [str(scanfile), "--hours", "200", "--budget", "20000", "--format", "json"]
    assert run(*args, "--out", str(out), "--mandatory", "m-adres")[0] == 0
    alone = {c.id: c for c in load_plan(out).chosen}
    assert run(*args, "--out", str(out), "--mandatory", "m-adres", "--with-riec")[0] == 0
    shared = {c.id: c for c in load_plan(out).chosen}
    assert shared["m-adres"].cost_eur == alone["m-adres"].cost_eur / 2
    assert shared["m-adres"].shared and not alone["m-adres"].shared


def test_table_output_names_plan_and_greedy(scanfile: Path) -> None:
    code, out = run(str(scanfile), "--hours", "60", "--budget", "4000", "--quarters", "2")
    assert code == 0, out
    assert "Actieplan" in out and "greedy" in out and "K1" in out


def test_xlsx_output_holds_the_schedule(scanfile: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    code, out = run(
        str(scanfile), "--hours", "60", "--budget", "4000", "--format", "xlsx", "--out", str(target)
    )
    assert code == 0, out
    book = load_workbook(target)
    assert book.sheetnames == ["Planning", "Niet gekozen", "Kwetsbaarheid", "Verzoek"]
    rows = list(book["Planning"].iter_rows(values_only=True))
    assert rows[0][:2] == ("Kwartaal", "Maatregel") and len(rows) > 1


def test_infeasible_request_exits_2_with_the_conflict(scanfile: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    code, out = run(
        str(scanfile),
        "--hours",
        "100",
        "--budget",
        "1000",
        "--mandatory",
        "m-bibob",
        "--out",
        str(target),
    )
    assert code == 2
    assert "m-bibob" in out and "€ 3.000" in out and "€ 1.000" in out and "budget" in out
    assert not target.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mandatory", "m-onbekend"], "m-onbekend"),
        (["--min-theme", "kennis"], "THEME=N"),
        (["--min-theme", "onzin=1"], "unknown theme"),
        (["--format", "xlsx"], "--out"),
    ],
)
def test_bad_options_are_named(scanfile: Path, args: list[str], message: str) -> None:
    code, out = run(str(scanfile), "--hours", "10", "--budget", "10", *args)
    assert code == 2
    assert message in out


def test_broken_scan_file_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.json"
    broken.write_text("{not json", encoding="utf-8")
    code, out = run(str(broken), "--hours", "10", "--budget", "10")
    assert code == 1
    assert "kapot.json" in out and "JSON" in out


def test_unsuited_measures_only_with_allow_unsuited(scanfile: Path) -> None:
    args = [str(scanfile), "--hours", "200", "--budget", "20000", "--format", "json"]
    code, out = run(*args)
    assert code == 0, out
    data = json.loads(out)
    assert "m-specialist" not in {c["id"] for c in data["chosen"]}
    rejected = {r["id"]: r["reason"]["code"] for r in data["rejected"]}
    assert rejected["m-specialist"] == "unsuited"
    code, out = run(*args, "--allow-unsuited")
    assert code == 0, out
    assert "m-specialist" in {c["id"] for c in json.loads(out)["chosen"]}


def test_gap_option_reaches_the_solver(scanfile: Path) -> None:
    args = [str(scanfile), "--hours", "60", "--budget", "4000", "--format", "json"]
    code, out = run(*args, "--gap", "0")
    assert code == 0, out
    assert json.loads(out)["solver"]["gap"] <= 1e-9
    assert run(*args, "--gap", "0.5")[0] == 2


def test_scan_with_only_strong_answers_gives_an_empty_plan(scanfile: Path, tmp_path: Path) -> None:
    strong = tmp_path / "sterk.json"
    dump_scan(plan_scan({"ink-a": 3, "ink-b": 3, "brp-a": 3, "alg-a": 3}), strong)
    code, out = run(str(strong), "--hours", "400", "--budget", "25000", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["chosen"] == [] and data["after"] == data["before"]


def test_scan_that_does_not_fit_the_framework_is_named(scanfile: Path, tmp_path: Path) -> None:
    """Problems found while scoring (here an unknown municipality) name the scan file too."""
    elsewhere = tmp_path / "elders.json"
    dump_scan(plan_scan().model_copy(update={"municipality": "GM0001"}), elsewhere)
    code, out = run(str(elsewhere), "--hours", "10", "--budget", "10")
    assert code == 1
    assert "elders.json" in out and "GM0001" in out
    assert "Traceback" not in out


def test_unknown_in_place_measure_names_the_option(scanfile: Path) -> None:
    code, out = run(str(scanfile), "--hours", "10", "--budget", "10", "--in-place", "m-nope")
    assert code == 1
    assert "--in-place" in out and "m-nope" in out


def plan_json(*args: str) -> dict[str, Any]:
    code, out = run(*args, "--format", "json")
    assert code == 0, out
    data: dict[str, Any] = json.loads(out)
    return data


def test_exclude_of_a_known_measure_that_is_no_candidate_is_accepted(scanfile: Path) -> None:
    """m-los is in the knowledge base but addresses no weak answer of this scan."""
    args = [str(scanfile), "--hours", "60", "--budget", "4000"]
    plain = plan_json(*args)
    excluded = plan_json(*args, "--exclude", "m-los")
    assert excluded["chosen"] == plain["chosen"]
    assert excluded["request"]["excluded"] == ["m-los"]


@pytest.mark.parametrize(
    ("option", "nl"), [("--exclude", "uitgesloten"), ("--mandatory", "verplichte")]
)
def test_an_id_unknown_to_the_knowledge_base_is_named_in_both_languages(
    scanfile: Path, option: str, nl: str
) -> None:
    code, out = run(str(scanfile), "--hours", "60", "--budget", "4000", option, "m-onbekend")
    assert code == 2
    assert f"{option}: Onbekende {nl} maatregel(en): m-onbekend" in out
    assert f"{option}: Unknown" in out
    assert "m-onbekend" in out and "kennisbank" in out and "knowledge base" in out


def test_mandatory_measure_without_weak_answers_enters_the_plan(scanfile: Path) -> None:
    args = [str(scanfile), "--hours", "100", "--budget", "4000"]
    data = plan_json(*args, "--mandatory", "m-vervolg")
    chosen = {c["id"]: c for c in data["chosen"]}
    assert {"m-vervolg", "m-los"} <= set(chosen)
    assert chosen["m-los"]["quarter"] <= chosen["m-vervolg"]["quarter"]
    reason = chosen["m-vervolg"]["reason"]
    assert reason["code"] == "mandatory"
    assert "geen zwak antwoord" in reason["nl"] and "no weak answer" in reason["en"]
    assert chosen["m-vervolg"]["cost_eur"] == 500 and data["total_cost_eur"] <= 4000


def test_mandatory_measure_without_weak_answers_that_does_not_fit_is_named(
    scanfile: Path,
) -> None:
    code, out = run(str(scanfile), "--hours", "100", "--budget", "400", "--mandatory", "m-los")
    assert code == 2
    assert "Onhaalbaar" in out and "Infeasible" in out
    assert "m-los" in out and "€ 1.000" in out and "€ 400" in out


GREEDY_SHORT = ["--hours", "40", "--budget", "3000", "--quarters", "2"]


def test_greedy_without_a_plan_meeting_the_constraints_says_so(scanfile: Path) -> None:
    args = [str(scanfile), *GREEDY_SHORT, "--min-theme", "instrumenten=2"]
    data = plan_json(*args)
    assert data["chosen"] and data["greedy_feasible"] is False
    assert data["greedy_chosen"] == [] and data["greedy_objective"] == 0
    assert data["greedy_after"] == data["before"]
    assert data["improvement_over_greedy"] == data["objective"]
    code, out = run(*args)
    assert code == 0, out
    assert "greedy found no plan meeting the constraints" in " ".join(out.split())
    assert "vond geen plan dat aan de eisen voldoet" in " ".join(out.split())


def test_greedy_without_a_plan_is_marked_in_the_workbook(scanfile: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    args = [str(scanfile), *GREEDY_SHORT, "--min-theme", "instrumenten=2"]
    code, out = run(*args, "--format", "xlsx", "--out", str(target))
    assert code == 0, out
    book = load_workbook(target)
    greedy_column = [row[3] for row in book["Kwetsbaarheid"].iter_rows(values_only=True)][1:]
    assert greedy_column and set(greedy_column) == {"-"}
    request = dict(book["Verzoek"].iter_rows(values_only=True))
    assert request["Greedy: plan binnen de eisen"] == "nee (geen plan)"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--hours", "inf", "--budget", "inf"], "--hours"),
        (["--hours", "nan", "--budget", "10"], "--hours"),
        (["--hours", "10", "--budget", "inf"], "--budget"),
        (["--hours", "10", "--budget", "-5"], "--budget"),
        (["--hours", "10", "--budget", "10", "--hours-per-quarter", "inf"], "--hours-per-quarter"),
        (["--hours", "10", "--budget", "10", "--gap", "nan"], "--gap"),
        (["--hours", "10", "--budget", "10", "--time-limit", "inf"], "--time-limit"),
    ],
)
def test_non_finite_numbers_are_refused_naming_the_option(
    scanfile: Path, tmp_path: Path, args: list[str], option: str
) -> None:
    target = tmp_path / "plan.json"
    code, out = run(str(scanfile), *args, "--format", "json", "--out", str(target))
    assert code == 2
    lines = out.splitlines()
    assert any(line.startswith(f"{option}: moet") for line in lines), out
    assert any(line.startswith(f"{option}: must") for line in lines), out
    assert "Infinity" not in out and "Traceback" not in out
    assert not target.exists()
