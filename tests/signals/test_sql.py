"""Parameters become typed SQL literals: no value can change the query around it."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.signals.sql import RuleSqlError, render_sql, sql_literal, to_spark

CON = duckdb.connect()


@given(st.text())
def test_any_string_is_one_quoted_literal(text):
    text = text.replace("\x00", "")
    assert CON.execute(render_sql("SELECT {{ value }} AS v", {"value": text})).fetchall() == [
        (text,)
    ]


@given(
    st.integers(min_value=-(2**62), max_value=2**62)
    | st.floats(allow_nan=False, allow_infinity=False)
)
def test_numbers_stay_numbers(number):
    [(value,)] = CON.execute(render_sql("SELECT {{ n }}", {"n": number})).fetchall()
    assert float(value) == pytest.approx(number, rel=1e-15, abs=0)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_dates_are_date_literals(day):
    assert CON.execute(render_sql("SELECT {{ d }}", {"d": day})).fetchall() == [(day,)]


def test_lists_and_booleans():
    sql = render_sql(
        "SELECT list_contains({{ xs }}, 'b'), {{ flag }}", {"xs": ["a", "b"], "flag": True}
    )
    assert CON.execute(sql).fetchall() == [(True, True)]


def test_unknown_parameter_is_an_error():
    with pytest.raises(RuleSqlError, match="unknown parameter"):
        render_sql("SELECT {{ nope }}", {})


def test_non_finite_numbers_are_refused():
    with pytest.raises(RuleSqlError):
        sql_literal(float("inf"))


def test_spark_transpilation_raises_on_garbage():
    with pytest.raises(Exception):  # noqa: B017 - sqlglot's ParseError
        to_spark("SELECT FROM WHERE (")
