"""The engine turns result rows into explained hits; failures name the rule."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.signals.engine import (
    RuleExecutionError,
    _jsonable,
    effective_params,
    query_rule,
    run_rule,
    to_hit,
)
from weerbaar.signals.examples import example_connection
from weerbaar.signals.explain import ExplanationError
from weerbaar.signals.models import Rule, RuleSpec
from weerbaar.signals.registry import builtin_registry
from weerbaar.signals.sql import render_sql

SPEC = builtin_registry().get("FIN-006").spec.model_dump()


def make_rule(sql: str, **changes) -> Rule:
    spec = RuleSpec.model_validate({**SPEC, "id": "TST-001", **changes})
    return Rule(spec=spec, sql=sql, path=Path("TST-001.yaml"))


@pytest.fixture
def con():
    connection = duckdb.connect()
    connection.execute("CREATE TABLE payments AS SELECT 'P1' AS payment_id, 1.5 AS amount_eur")
    return connection


def test_reserved_columns_fill_the_hit(con):
    rule = make_rule(
        "SELECT 'B1' AS entity_id, 'buyer' AS entity_type, ['x', 'y'] AS record_ids, 0.5 AS value, "
        "0.1 AS q1, 0.3 AS q3, 0.6 AS upper_fence, DATE '2024-03-01' AS payment_date, "
        "9950.0 AS amount_eur, 'C1' AS creditor_id, 'p-1' AS entered_by",
    )
    [hit] = run_rule(con, rule)
    assert (hit.entity_type, hit.entity_id, hit.record_ids, hit.value) == (
        "buyer",
        "B1",
        ["x", "y"],
        0.5,
    )
    assert hit.fences == {"q1": 0.1, "q3": 0.3, "upper_fence": 0.6}
    assert hit.details["creditor_id"] == "C1" and "value" not in hit.details
    assert "€ 9.950,00" in hit.explanation_nl and "01-03-2024" in hit.explanation_nl
    assert "€9,950.00" in hit.explanation_en
    assert (hit.rule_id, hit.rule_version, hit.severity) == ("TST-001", 1, "medium")


def test_entity_defaults_to_the_rule_entity(con):
    rule = make_rule(
        "SELECT payment_id AS entity_id, DATE '2024-03-01' AS payment_date, amount_eur, "
        "'C1' AS creditor_id, 'p-1' AS entered_by FROM payments"
    )
    [hit] = run_rule(con, rule)
    assert hit.entity_type == "payment" and hit.record_ids == [] and hit.fences == {}


def test_sql_error_names_the_rule(con):
    with pytest.raises(RuleExecutionError, match="TST-001"):
        run_rule(con, make_rule("SELECT nope AS entity_id FROM payments"))


def test_result_without_entity_id_is_an_error(con):
    with pytest.raises(RuleExecutionError, match="no entity_id"):
        run_rule(con, make_rule("SELECT payment_id FROM payments"))


def test_unknown_override_is_an_error(con):
    with pytest.raises(KeyError, match="unknown parameter"):
        run_rule(con, make_rule("SELECT 1 AS entity_id"), {"limit": 3})


def test_rule_events_are_logged(con, caplog):
    caplog.set_level("INFO", logger="weerbaar.signals")
    rule = make_rule(
        "SELECT payment_id AS entity_id, DATE '2024-03-01' AS payment_date, amount_eur, "
        "'C1' AS creditor_id, 'p-1' AS entered_by FROM payments"
    )
    run_rule(con, rule)
    events = [record.event for record in caplog.records]
    assert events == ["rule_started", "rule_finished"]
    with pytest.raises(RuleExecutionError):
        run_rule(con, make_rule("SELECT nope AS entity_id FROM payments"))
    assert caplog.records[-1].event == "rule_failed"


# --- run_rule gives exactly the row-by-row reference (to_hit over query_rule) ---


def reference_hits(con, rule, overrides=None):
    params = effective_params(rule, overrides)
    return [to_hit(rule, row, params) for row in query_rule(con, rule, params)]


def reference_rows(con, rule, params):
    """query_rule as it was: fetchall into dicts, sorted by entity id then the row's JSON."""
    cursor = con.execute(render_sql(rule.sql, params))
    names = [item[0] for item in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    rows.sort(key=lambda row: (str(row["entity_id"]), json.dumps(_jsonable(row), default=str)))
    return rows


def same_hits(fast, slow):
    """Equal hits, NaN included (repr shows every field with its type)."""
    assert repr(fast) == repr(slow)
    assert json.dumps([hit.model_dump() for hit in fast]) == json.dumps(
        [hit.model_dump() for hit in slow]
    )
    assert [hit.model_fields_set for hit in fast] == [hit.model_fields_set for hit in slow]


@pytest.mark.parametrize(
    ("rule", "example"),
    [
        pytest.param(rule, example, id=f"{rule.id}-{example.name}")
        for rule in builtin_registry()
        for example in [*rule.spec.examples.fires, *rule.spec.examples.does_not_fire]
    ],
)
def test_every_rule_example_gives_the_reference_hits(rule, example):
    con = example_connection(rule, example)
    try:
        same_hits(run_rule(con, rule, example.params), reference_hits(con, rule, example.params))
    finally:
        con.close()


TEMPLATE = (
    "{entity_id} {amount:eur} {share:pct} {n:int} {x:num} {day:date} {tags:list} {label} "
    "{maybe} {big:int} {{literal}} {limit} {limit:eur}"
)
MIXED_SQL = """
SELECT * FROM (VALUES
    ('B', 'buyer', ['r1', NULL, 'r2'], 0.5, 0.1, NULL, 9950.125, 0.05, 3, -0.0,
        DATE '2024-03-01', ['a', 'b'], 'x, "y"', NULL, 12::HUGEINT, 1.50::DECIMAL(4, 2)),
    ('A', NULL, NULL, NULL, NULL, 0.3, -1.5, 0.0, 0, 0.0, NULL, [], '{brace}', 'm', NULL,
        -0.00::DECIMAL(4, 2)),
    ('A', '', [], 'nan'::DOUBLE, 2.0, 0.3, 1e20, 1.0, 2, 123456.789, DATE '1999-12-31', NULL,
        '€ é', 'm', 99, 2.00::DECIMAL(4, 2)),
    ('A', 'ocid', ['r3'], 2, 2.0, 0.3, 1e20, 1.0, 2, 1e-7, DATE '1999-12-31', ['c'], 'same', 'm',
        99, 2.00::DECIMAL(4, 2))
) AS t(entity_id, entity_type, record_ids, value, q1, upper_fence, amount, share, n, x, day,
       tags, label, maybe, big, dec)
"""


LIMIT = {"limit": {"default": 5000, "unit": "eur", "description": SPEC["title"]}}


def test_mixed_types_ties_and_nulls_give_the_reference_hits(con):
    rule = make_rule(
        MIXED_SQL, explanation={"nl": TEMPLATE, "en": TEMPLATE + " {dec:pct}"}, parameters=LIMIT
    )
    fast = run_rule(con, rule)
    same_hits(fast, reference_hits(con, rule))
    assert [hit.entity_id for hit in fast] == ["A", "A", "A", "B"]
    assert sorted(hit.entity_type for hit in fast[:3]) == ["ocid", "payment", "payment"]
    assert fast[3].record_ids == ["r1", "r2"] and fast[3].fences == {"q1": 0.1, "upper_fence": None}
    assert "{literal}" in fast[0].explanation_nl
    assert any("{brace}" in hit.explanation_nl for hit in fast)


def test_repeated_column_names_keep_the_last_value(con):
    rule = make_rule(
        "SELECT * FROM (VALUES ('B', 1, 'b'), ('A', 2, 'a'), ('A', 1, 'c')) AS t(entity_id, n, n2)",
        explanation={"nl": "{entity_id} {n}", "en": "{n}"},
    )
    rule = rule.model_copy(
        update={"sql": "SELECT entity_id, n, n2 AS n, n AS entity_id FROM (" + rule.sql + ")"}
    )
    same_hits(run_rule(con, rule), reference_hits(con, rule))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "ä", "10", "9"]),
            st.one_of(st.none(), st.integers(-3, 3)),
            st.one_of(st.none(), st.floats(allow_nan=False, width=32)),
            st.one_of(st.none(), st.text(max_size=4)),
            st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
        ),
        max_size=30,
    )
)
def test_random_rows_give_the_reference_hits_in_the_reference_order(rows):
    connection = duckdb.connect()
    try:
        connection.execute(
            "CREATE TABLE t (entity_id VARCHAR, n INTEGER, x DOUBLE, s VARCHAR, d DATE)"
        )
        if rows:
            connection.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?)", rows)
        rule = make_rule(
            "SELECT entity_id, n AS value, x AS q3, s, d, [s, entity_id] AS record_ids, n, x "
            "FROM t",
            explanation={"nl": "{entity_id}: {n:int} {x:num} {s} {d:date}", "en": "{x:pct} {d}"},
        )
        try:
            expected = reference_hits(connection, rule)
        except (ValueError, OverflowError) as exc:  # e.g. {x:num} of infinity
            with pytest.raises(RuleExecutionError, match=re.escape(str(exc))):
                run_rule(connection, rule)
        else:
            same_hits(run_rule(connection, rule), expected)
        params = effective_params(rule, None)
        assert query_rule(connection, rule, params) == reference_rows(connection, rule, params)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{missing}", "placeholder {missing}"),
        ("{amount_eur:weird}", "unknown format spec"),
        ("{amount_eur:eur} {missing} {amount_eur:weird}", "placeholder {missing}"),
    ],
)
def test_explanation_errors_are_the_reference_errors(con, template, message):
    rule = make_rule(
        "SELECT payment_id AS entity_id, amount_eur FROM payments",
        explanation={"nl": template, "en": "ok"},
    )
    with pytest.raises(ExplanationError, match=message) as expected:
        reference_hits(con, rule)
    with pytest.raises(RuleExecutionError) as got:
        run_rule(con, rule)
    assert str(got.value) == f"TST-001: {expected.value}"


def test_no_rows_need_no_explanation(con):
    rule = make_rule(
        "SELECT payment_id AS entity_id FROM payments WHERE false",
        explanation={"nl": "{missing}", "en": "{missing}"},
    )
    assert run_rule(con, rule) == []


def test_every_hit_records_the_parameters_used(con):
    rule = make_rule(
        "SELECT * FROM (VALUES ('A'), ('B')) AS t(entity_id)",
        explanation={"nl": "{limit}", "en": "{limit:eur}"},
        parameters=LIMIT,
    )
    first, second = run_rule(con, rule, {"limit": 7})
    assert first.parameters == second.parameters == {"limit": 7}
    assert first.parameters is not second.parameters  # validated hits: no shared mutable state
    assert (first.explanation_nl, second.explanation_en) == ("7", "€7.00")
