"""Formatting and escaping helpers: properties that hold for every input."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from weerbaar.reports.html import css_string
from weerbaar.reports.labels import LABELS, label, level_word, long_date, number, signed

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


@given(finite, st.integers(min_value=0, max_value=3))
def test_dutch_and_english_numbers_are_the_same_number(value: float, digits: int) -> None:
    nl, en = number(value, "nl", digits), number(value, "en", digits)
    assert float(nl.replace(".", "").replace(",", ".")) == float(en.replace(",", ""))
    if digits:
        assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d+", nl)


@given(finite)
def test_signed_shows_the_direction(value: float) -> None:
    text = signed(value, "nl")
    if round(value, 1) > 0:
        assert text.startswith("+")
    elif round(value, 1) < 0:
        assert text.startswith("−")
    else:
        assert text[0].isdigit()


@given(st.text())
def test_css_string_is_one_closed_string(text: str) -> None:
    value = str(css_string(text))
    inner = value[1:-1]
    assert value[0] == value[-1] == '"'
    assert not set('"<>{}\n\r') & set(inner)
    # every backslash starts a hexadecimal escape closed by a space
    assert re.fullmatch(r"([^\\]|\\[0-9a-f]+ )*", inner, re.S)


@given(st.floats(0, 100), st.floats(0, 100))
def test_level_words_follow_the_score(a: float, b: float) -> None:
    order = ["laag", "midden", "hoog", "zeer hoog"]
    low, high = sorted((a, b))
    assert order.index(level_word(low, "nl")) <= order.index(level_word(high, "nl"))


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_long_dates_name_the_month(day: dt.date) -> None:
    assert long_date(day, "nl").endswith(str(day.year))
    assert long_date(day, "en").split()[1][0].isupper()


def test_every_label_has_both_languages() -> None:
    for key, (nl, en) in LABELS.items():
        assert nl and en, key
        assert label(key, "en") == en and label(key, "nl") == nl
