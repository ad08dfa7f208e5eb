"""Every rule's own examples: ``fires`` examples fire as declared, ``does_not_fire`` ones do not.

The registry is built fresh, so rules of every package below ``signals/rules`` (including the OCDS
rules) are picked up the same way.
"""

from __future__ import annotations

import pytest
import sqlglot
from sqlglot import exp

from weerbaar.signals.examples import check_example
from weerbaar.signals.registry import builtin_registry
from weerbaar.signals.sql import render_sql, to_spark

REGISTRY = builtin_registry()
CASES = [
    pytest.param(rule, example, kind == "fires", id=f"{rule.id}-{kind}-{example.name}")
    for rule in REGISTRY
    for kind, examples in (
        ("fires", rule.spec.examples.fires),
        ("does_not_fire", rule.spec.examples.does_not_fire),
    )
    for example in examples
]


@pytest.mark.parametrize(("rule", "example", "fires"), CASES)
def test_rule_example(rule, example, fires):
    assert check_example(rule, example, fires=fires) == []


@pytest.mark.parametrize("rule", list(REGISTRY), ids=lambda rule: rule.id)
def test_rule_sql_transpiles_to_spark(rule):
    spark = to_spark(render_sql(rule.sql, rule.defaults()))
    tree = sqlglot.parse_one(spark, read="spark")
    assert isinstance(tree, exp.Select), f"{rule.id}: not one SELECT"
