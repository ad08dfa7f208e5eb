"""Red flags and the signal-rule catalogue point at each other consistently."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_helpers import copy_data, find, replace_text
from typer.testing import CliRunner

from weerbaar.cli import app
from weerbaar.knowledge import KnowledgeError, load_framework, validate_framework
from weerbaar.signals.registry import builtin_registry


def test_cited_rules_exist_in_their_process_and_every_rule_is_cited() -> None:
    framework = load_framework()
    rules = {rule.id: rule for rule in builtin_registry()}
    cited: set[str] = set()
    for process in framework.processes.values():
        for flag in process.red_flags:
            for rule_id in flag.signal_rules:
                cited.add(rule_id)
                assert rule_id in rules, f"{flag.id} cites unknown signal rule {rule_id}"
                assert rules[rule_id].spec.process == process.id, (
                    f"{rule_id} is not a {process.id} rule"
                )
    uncited = sorted(set(rules) - cited)
    assert not uncited, f"signal rules not linked to any red flag: {uncited}"


def test_shipped_red_flags_cite_only_rules_of_the_registry() -> None:
    """Issue 12: 14 red flags cited rule ids (SUB, RD, VER, BRP, LOG, HH) that did not exist."""
    rule_ids = {rule.id for rule in builtin_registry()}
    framework = validate_framework(signal_rules=rule_ids)
    cited = {rule for flag in framework.red_flags_all() for rule in flag.signal_rules}
    assert cited <= rule_ids


def test_validate_refuses_a_red_flag_citing_a_rule_not_in_the_registry(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(
        data / "processes/financien.yaml",
        "signal_rules: [FIN-010, FIN-011]",
        "signal_rules: [FIN-010, FIN-099]",
    )
    rule_ids = {rule.id for rule in builtin_registry()}
    with pytest.raises(KnowledgeError) as caught:
        validate_framework(data, signal_rules=rule_ids)
    problem = find(
        caught.value.problems,
        "processes/financien.yaml",
        "red_flags[4].signal_rules[1]",
        "signal rule 'FIN-099' does not exist in the rule registry",
    )
    assert problem.line == line
    load_framework(data)  # without the registry only the id pattern is checked


def test_cli_validate_checks_citations_against_the_registry(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    replace_text(
        data / "processes/financien.yaml",
        "signal_rules: [FIN-010, FIN-011]",
        "signal_rules: [FIN-010, SUB-099]",
    )
    result = CliRunner().invoke(app, ["knowledge", "validate", str(data)])
    assert result.exit_code == 1
    assert "SUB-099" in result.output and "rule registry" in result.output


def test_the_iban_red_flag_claims_only_what_its_rules_compare() -> None:
    """Issue 12: it claimed a creditor-vs-employee IBAN match that FIN-010/011 do not perform."""
    framework = load_framework()
    _, shared = framework.red_flag("fin-rf-gedeeld-iban")
    text = (shared.description.nl + shared.title.nl).lower()
    assert "medewerker" not in text
    _, employee = framework.red_flag("fin-rf-iban-medewerker")
    assert employee.signal_rules == ["FIN-016"] and "hr" in employee.datasets
