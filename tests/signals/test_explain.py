"""Explanations: Dutch number formats and placeholders from columns or parameters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.signals.explain import (
    ExplanationError,
    explain,
    fields_of,
    format_value,
    parse_template,
)


@pytest.mark.parametrize(
    ("value", "spec", "nl", "en"),
    [
        (9950, "eur", "€ 9.950,00", "€9,950.00"),
        (1234567.891, "eur", "€ 1.234.567,89", "€1,234,567.89"),
        (0.005, "pct", "0,5%", "0.5%"),
        (0.4, "pct", "40%", "40%"),
        (0.0004, "pct", "0,04%", "0.04%"),
        (12345, "int", "12.345", "12,345"),
        (0.00231, "num", "0,00231", "0.00231"),
        (dt.date(2024, 3, 1), "date", "01-03-2024", "2024-03-01"),
        (dt.date(2024, 3, 1), "", "01-03-2024", "2024-03-01"),
        (dt.datetime(2024, 3, 1, 9, 5), "date", "01-03-2024", "2024-03-01"),
        (dt.datetime(2024, 3, 1, 9, 5), "datetime", "01-03-2024 09:05", "2024-03-01 09:05"),
        (dt.datetime(2024, 3, 1, 9, 5), "", "01-03-2024 09:05", "2024-03-01 09:05"),
        (dt.datetime(2024, 3, 1), "", "01-03-2024", "2024-03-01"),
        (
            dt.datetime(2024, 3, 1, 0, 0, 30),
            "datetime",
            "01-03-2024 00:00:30",
            "2024-03-01 00:00:30",
        ),
        (dt.date(2024, 3, 1), "datetime", "01-03-2024", "2024-03-01"),
        # OCDS dates arrive as RFC 3339 text; the time is written as given, without its zone
        ("2025-07-25T00:00:00Z", "date", "25-07-2025", "2025-07-25"),
        ("2025-07-25T00:00:00Z", "datetime", "25-07-2025", "2025-07-25"),
        ("2025-07-25T14:30:00+02:00", "datetime", "25-07-2025 14:30", "2025-07-25 14:30"),
        ("2025-07-25T14:30:00.250Z", "datetime", "25-07-2025 14:30:00", "2025-07-25 14:30:00"),
        ("2025-07-25", "datetime", "25-07-2025", "2025-07-25"),
        ("2025-07-25T14:30:00Z", "", "2025-07-25T14:30:00Z", "2025-07-25T14:30:00Z"),
        ("not a date", "datetime", "not a date", "not a date"),
        (["a", "b"], "list", "a, b", "a, b"),
        (None, "eur", "—", "—"),
    ],
)
def test_formats(value, spec, nl, en):
    assert format_value(value, spec, "nl") == nl
    assert format_value(value, spec, "en") == en


@given(st.integers(min_value=0, max_value=10**13))
def test_euro_amounts_read_back_in_dutch(cents):
    text = format_value(cents / 100, "eur", "nl")
    assert re.fullmatch(r"€ \d{1,3}(\.\d{3})*,\d{2}", text)
    assert round(float(text[2:].replace(".", "").replace(",", ".")) * 100) == cents


def test_columns_win_over_parameters():
    text = explain(
        "{threshold:eur} / {margin:pct}",
        {"threshold": 5000},
        {"threshold": 1, "margin": 0.05},
        "nl",
    )
    assert text == "€ 5.000,00 / 5%"


def test_unknown_placeholder_is_an_error():
    with pytest.raises(ExplanationError, match="missing"):
        explain("{missing}", {}, {}, "nl")


def test_templates_are_parsed_once():
    parse_template.cache_clear()
    for _ in range(3):
        explain("{a:eur} en {a}", {"a": 1}, {}, "nl")
    assert parse_template.cache_info().misses == 1
    assert fields_of("x {a:eur} {b} {{c}}") == [("a", "eur"), ("b", "")]


ISO_TEXT = re.compile(r"\d{4}-\d\d-\d\dT\d\d")


def test_rule_explanations_write_dates_as_the_language_does():
    """No example explanation shows ISO text; Dutch ones write dates day first."""
    from weerbaar.signals.examples import run_example
    from weerbaar.signals.registry import builtin_registry

    checked = 0
    for rule in builtin_registry():
        for example in rule.spec.examples.fires:
            for hit in run_example(rule, example):
                assert not ISO_TEXT.search(hit.explanation_nl + hit.explanation_en), rule.id
                assert not re.search(r"\b\d{4}-\d\d-\d\d\b", hit.explanation_nl), rule.id
                checked += 1
    assert checked > 30


def test_a_late_bid_is_explained_with_readable_dates():
    from weerbaar.signals.examples import run_example
    from weerbaar.signals.registry import builtin_registry

    rule = builtin_registry().get("INK-012")
    [hit] = run_example(rule, rule.spec.examples.fires[0])
    assert hit.explanation_nl == (
        "In aanbesteding F won W met een inschrijving van 01-04-2024, na de sluiting op 15-03-2024."
    )
    assert hit.explanation_en == (
        "In tender F, W won with a bid dated 2024-04-01, after the deadline of 2024-03-15."
    )
