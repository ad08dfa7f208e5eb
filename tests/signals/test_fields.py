"""Every column a rule returns, every entity type and every parameter unit has a label.

Before issue 14 the hit page listed `amount_eur`, `copies`, `creditor_id`, "payment BET…" and
`enkelvoudig_onderhands`, and an INK-021 explanation wrote the year 2024 as "2.024".
"""

from __future__ import annotations

import pytest

from weerbaar.signals.examples import run_example
from weerbaar.signals.explain import format_value
from weerbaar.signals.fields import (
    display_field,
    display_parameter,
    entity_label,
    field_label,
    glossary,
)
from weerbaar.signals.registry import builtin_registry

RULES = list(builtin_registry())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_result_column_of_a_rule_has_a_label(rule: object) -> None:
    spec = rule.spec  # type: ignore[attr-defined]
    columns = {
        name
        for example in spec.examples.fires
        for hit in run_example(rule, example)  # type: ignore[arg-type]
        for name in hit.details
    }
    assert columns
    missing = sorted(c for c in columns if field_label(c, spec) is None)
    assert not missing, f"{spec.id}: add labels to signals/fields.yaml or the rule: {missing}"
    assert spec.entity in glossary().entities, spec.entity
    for name, parameter in spec.parameters.items():
        assert parameter.unit in glossary().units, f"{spec.id}.{name}: unit {parameter.unit}"


def test_labels_are_words_not_column_names() -> None:
    for name, label in glossary().fields.items():
        assert "_" not in label.nl and "_" not in label.en, name
        for code, value in label.values.items():
            assert "_" not in value.nl, code


def test_coded_values_and_years_read_as_words() -> None:
    assert display_field("procedure", "enkelvoudig_onderhands", "nl") == "enkelvoudig onderhands"
    assert display_field("amount_eur", 931.28, "nl") == "€ 931,28"
    assert display_field("year", 2024, "nl") == "2024"
    assert format_value(2024, "year", "nl") == "2024"
    assert entity_label("payment", "nl") == "Betaling"
    assert display_parameter("EUR", 10000, "nl") == "€ 10.000"
    assert display_parameter("days", 15, "nl") == "15 dagen"
    assert display_parameter("fraction", 0.5, "en") == "50%"
    assert display_parameter("boolean", True, "nl") == "ja"
    assert display_parameter("procurementMethod", ["open", "limited"], "nl") == (
        "openbaar, beperkt (onderhands)"
    )


def test_ink_021_writes_the_year_without_a_thousands_separator() -> None:
    rule = builtin_registry().get("INK-021")
    hits = run_example(rule, rule.spec.examples.fires[0])
    assert hits and "2.024" not in hits[0].explanation_nl
    assert "In 2024 ging" in hits[0].explanation_nl
