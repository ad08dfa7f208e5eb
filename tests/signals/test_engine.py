"""The engine turns result rows into explained hits; failures name the rule."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from weerbaar.signals.engine import RuleExecutionError, run_rule
from weerbaar.signals.models import Rule, RuleSpec
from weerbaar.signals.registry import builtin_registry

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
