"""Plan files round-trip, and broken ones are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from weerbaar.measures import PlanFileError, dump_plan, load_plan, make_plan
from weerbaar.measures.examples import greedy_counterexample


def test_plan_json_round_trips(tmp_path: Path) -> None:
    plan = make_plan(*greedy_counterexample())
    path = tmp_path / "plan.json"
    dump_plan(plan, path)
    assert load_plan(path) == plan
    assert not [p for p in tmp_path.iterdir() if p.name != "plan.json"]


def test_missing_field_is_named(tmp_path: Path) -> None:
    plan = make_plan(*greedy_counterexample())
    data = json.loads(json.dumps(plan.model_dump(mode="json")))
    del data["chosen"][0]["quarter"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(PlanFileError, match=r"plan\.json: field chosen\.0\.quarter"):
        load_plan(path)


def test_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("[", encoding="utf-8")
    with pytest.raises(PlanFileError, match="not valid JSON"):
        load_plan(path)
