"""The committed rule catalogue matches the rules and the measured precision (regenerate with
``weerbaar signals catalogue``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.signals.catalogue import Quality, _measured, measure_quality, render_catalogue
from weerbaar.signals.inputs_doc import render_inputs
from weerbaar.signals.models import Text
from weerbaar.signals.register import load_rulesets, render_register
from weerbaar.signals.registry import builtin_registry

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "docs" / "signals" / "catalogue.md"


@pytest.mark.slow
def test_catalogue_is_current():
    registry = builtin_registry()
    expected = render_catalogue(registry, measure_quality(registry))
    assert CATALOGUE.read_text(encoding="utf-8") == expected, (
        "docs/signals/catalogue.md is stale: run `weerbaar signals catalogue`"
    )


def test_every_rule_is_in_the_catalogue():
    text = CATALOGUE.read_text(encoding="utf-8")
    for rule in builtin_registry():
        assert f"## {rule.id} — " in text, rule.id


def test_lawful_use_page_covers_the_safeguards():
    text = (ROOT / "docs" / "signals" / "lawful-use.md").read_text(encoding="utf-8").lower()
    for topic in (
        "syri",
        "doelbinding",
        "grondslag",
        "menselijke beoordeling",
        "nationaliteit",
        "dpia",
    ):
        assert topic in text, topic


def test_input_reference_and_register_are_current():
    registry = builtin_registry()
    inputs = (ROOT / "docs" / "signals" / "inputs.md").read_text(encoding="utf-8")
    register = (ROOT / "docs" / "signals" / "algoritmeregister.md").read_text(encoding="utf-8")
    assert inputs == render_inputs(registry), "run `weerbaar signals catalogue`"
    assert register == render_register(registry), "run `weerbaar signals catalogue`"


def test_every_rule_set_has_a_register_description_and_lawful_use_section():
    prefixes = {rule.id.split("-")[0] for rule in builtin_registry()}
    described = {item.prefix for item in load_rulesets().rulesets}
    assert prefixes == described
    register = (ROOT / "docs" / "signals" / "algoritmeregister.md").read_text(encoding="utf-8")
    for field in (
        "Naam",
        "Korte omschrijving",
        "Doel en impact",
        "Afwegingen",
        "Menselijke tussenkomst",
        "Risicobeheer",
        "Wettelijke basis",
        "Gegevens",
        "Technische werking",
        "Publicatiecategorie",
        "Impacttoetsen",
    ):
        assert register.count(f"| {field} |") == len(prefixes), field
    for rule in builtin_registry():
        assert rule.id in register, rule.id
    lawful = (ROOT / "docs" / "signals" / "lawful-use.md").read_text(encoding="utf-8")
    for prefix in prefixes - {"FIN", "INK"}:
        assert f"(`{prefix}`)" in lawful, prefix


def test_a_rule_flagging_many_decoys_says_why_in_the_catalogue():
    registry = builtin_registry()
    rule = registry.get("VER-004")
    noisy = Quality(hits=8, true_positives=4, labelled=4, found=4, decoys=4, decoys_flagged=2)
    text = "\n".join(_measured(rule, noisy))
    assert "decoys flagged 50% (2/4)" in text and "no reason given" in text
    explained = rule.spec.model_copy(
        update={"decoys": Text(nl="Een vast aanspreekpunt.", en="A fixed contact.")}
    )
    text = "\n".join(_measured(rule.model_copy(update={"spec": explained}), noisy))
    assert "Een vast aanspreekpunt." in text and "A fixed contact." in text
    quiet = Quality(hits=1, true_positives=1, labelled=1, found=1, decoys=4, records=20_000)
    text = "\n".join(_measured(rule, quiet))
    assert "decoys flagged 0% (0/4)" in text and "0.5 hits per 10,000 records" in text
    assert "Lokvogels" not in text
