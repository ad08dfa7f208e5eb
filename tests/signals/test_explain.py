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
