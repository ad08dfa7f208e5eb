"""Explanations: Dutch number formats and placeholders from columns or parameters."""

from __future__ import annotations

import datetime as dt
import decimal
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.signals.explain import (
    ExplanationError,
    explain,
    explain_columns,
    fields_of,
    format_column,
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


# --- templates parsed once, columns formatted once per distinct value: the same texts ---

SPECS = ["", "eur", "pct", "int", "num", "date", "list"]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.sampled_from([0.0, -0.0, 0, False, 1, 1.0, True, 1e-9, -1e-9]),
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-1000, max_value=1000),
    st.sampled_from([decimal.Decimal("0"), decimal.Decimal("-0"), decimal.Decimal("-0.00")]),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=-5))])),
    st.text(max_size=5),
    st.lists(st.one_of(st.text(max_size=3), st.integers(), st.none()), max_size=3),
)


def outcome(function, *args):
    try:
        return function(*args)
    except Exception as exc:  # the same error, or the same text
        return type(exc), str(exc)


@settings(max_examples=300)
@given(
    st.one_of(
        st.lists(VALUES, max_size=12),
        st.lists(st.sampled_from([0.0, -0.0, 2.5, None]), max_size=12),
        st.lists(st.sampled_from([1, 1.0, True, None]), max_size=12),
    ),
    st.sampled_from(SPECS),
    st.sampled_from(["nl", "en"]),
)
def test_format_column_is_format_value_per_value(values, spec, language):
    expected = outcome(lambda: [format_value(value, spec, language) for value in values])
    assert outcome(format_column, values, spec, language) == expected


TEMPLATES = st.lists(
    st.one_of(
        st.sampled_from(
            ["a", " — ", "{{", "}}", "€ ", "{a}", "{b:eur}", "{a!r}", "{p}", "{p:pct}"]
        ),
        st.sampled_from(["{a:int}", "{b}", "{c:date}", "{c}", "{missing}", "{p:list}", "{q}"]),
    ),
    max_size=6,
).map("".join)


@settings(max_examples=300)
@given(
    TEMPLATES,
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(-5, 5), st.floats(-10, 10), st.text(max_size=3)),
            st.one_of(
                st.none(), st.floats(-1e6, 1e6), st.decimals(places=1, min_value=-9, max_value=9)
            ),
            st.one_of(st.none(), st.dates(), st.text(max_size=2)),
        ),
        max_size=8,
    ),
    st.sampled_from(["nl", "en"]),
)
def test_explain_columns_is_explain_per_row(template, rows, language):
    params = {"p": [0.5, 2], "q": "{x}", "a": "not used: a is a column"}
    names = ("a", "b", "c")
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    expected = outcome(
        lambda: [
            explain(template, dict(zip(names, row, strict=True)), params, language) for row in rows
        ]
    )
    assert outcome(explain_columns, template, columns, params, language, len(rows)) == expected


def test_templates_are_parsed_once():
    parse_template.cache_clear()
    for _ in range(3):
        explain("{a:eur} en {a}", {"a": 1}, {}, "nl")
    assert parse_template.cache_info().misses == 1
    assert fields_of("x {a:eur} {b} {{c}}") == [("a", "eur"), ("b", "")]


def test_explain_columns_needs_no_placeholder_values_without_rows():
    assert explain_columns("{missing}", {}, {}, "nl", 0) == []
    assert explain_columns("no {{placeholders}}", {}, {}, "en", 2) == ["no {placeholders}"] * 2


def test_explain_columns_raises_the_error_of_the_first_failing_row():
    columns = {"a": [1, "x"], "b": ["y", 2]}
    with pytest.raises(ValueError, match="'y'"):
        explain("{a:eur} {b:eur}", {"a": 1, "b": "y"}, {}, "nl")
    with pytest.raises(ValueError, match="'y'"):
        explain_columns("{a:eur} {b:eur}", columns, {}, "nl", 2)
