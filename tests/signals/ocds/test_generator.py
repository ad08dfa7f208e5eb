"""The synthetic Gemeente Voorbeeld releases: every planted anomaly is found by its rule."""

from __future__ import annotations

import pytest

from weerbaar.signals.engine import run_rule
from weerbaar.signals.ocds.generator import generate, write_releases
from weerbaar.signals.ocds.io import load_ocds
from weerbaar.signals.registry import builtin_registry

REGISTRY = builtin_registry()


def test_same_seed_same_releases():
    assert generate(30, seed=3).releases == generate(30, seed=3).releases
    assert generate(30, seed=3).releases != generate(30, seed=4).releases


def test_every_ocds_rule_has_a_planted_case():
    labelled = set(generate(0).labels_by_rule())
    ocds_rules = {rule.id for rule in REGISTRY.select(["INK"]) if int(rule.id[4:]) < 20}
    assert ocds_rules == labelled


@pytest.mark.parametrize(("n", "seed"), [(0, 1), (150, 2)])
def test_recall_is_complete(con, tmp_path, n, seed):
    synthetic = generate(n, seed=seed)
    load_ocds(con, write_releases(tmp_path / "voorbeeld.jsonl.gz", synthetic.releases))
    for label in synthetic.labels:
        hits = run_rule(con, REGISTRY.get(label.rule_id))
        found = [hit for hit in hits if hit.entity_id == label.entity_id]
        assert found, label
        assert set(label.record_ids) <= set(found[0].record_ids), label
        assert all(hit.explanation_nl and hit.explanation_en for hit in hits)


def test_negative_size_is_refused():
    with pytest.raises(ValueError, match="n must be"):
        generate(-1)


def test_file_form_used_by_signals_generate(tmp_path):
    from weerbaar.signals.ocds import generate as package_generate

    summary = package_generate(tmp_path / "ocds.jsonl", releases=10, seed=5)
    assert isinstance(summary, dict)
    lines = (tmp_path / "ocds.jsonl").read_text(encoding="utf-8").splitlines()
    assert summary["releases"] == len(lines) > 10
    labels = (tmp_path / "ocds-labels.csv").read_text(encoding="utf-8").splitlines()
    assert labels[0] == "rule_id,entity_type,entity_id,record_ids"
    assert len(labels) - 1 == sum(len(ids) for ids in summary["labels"].values())
