"""The rule registry: validation with file and path, duplicate ids, extensions, selection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from weerbaar.signals.registry import BUILTIN_RULES, RuleLoadError, RuleRegistry, builtin_registry

FIN_001 = BUILTIN_RULES / "financien" / "FIN-001.yaml"


def copy_rule(directory: Path, rule_id: str = "FIN-001", **changes) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(FIN_001.read_text(encoding="utf-8"))
    data.update(id=rule_id, **changes)
    path = directory / f"{rule_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    shutil.copy(FIN_001.with_suffix(".sql"), path.with_suffix(".sql"))
    return path


def test_builtin_rules_load_and_cover_the_issue():
    registry = builtin_registry()
    financien = [rule for rule in registry if rule.spec.process == "financien"]
    orders = [rule for rule in registry if rule.id.startswith("INK-") and rule.id >= "INK-020"]
    assert len(financien) >= 12
    assert len(orders) >= 4


def test_duplicate_id_is_refused(tmp_path):
    copy_rule(tmp_path)
    with pytest.raises(RuleLoadError, match="duplicate rule id FIN-001"):
        builtin_registry(tmp_path)


def test_extension_rules_register_like_builtins(tmp_path):
    copy_rule(tmp_path, "EXT-001", process="toezicht")
    registry = builtin_registry(tmp_path)
    assert registry.get("EXT-001").spec.process == "toezicht"
    assert [rule.id for rule in registry.select(["EXT"])] == ["EXT-001"]


def test_bad_severity_names_file_and_path(tmp_path):
    copy_rule(tmp_path, "EXT-001", severity="catastrophic")
    registry = RuleRegistry()
    with pytest.raises(RuleLoadError) as caught:
        registry.load_directory(tmp_path)
    assert "EXT-001.yaml" in str(caught.value)
    assert "severity" in str(caught.value)


def test_unknown_key_is_refused(tmp_path):
    copy_rule(tmp_path, "EXT-001", owner="someone")
    with pytest.raises(RuleLoadError, match="owner"):
        RuleRegistry().load_directory(tmp_path)


def test_file_name_must_match_id(tmp_path):
    path = copy_rule(tmp_path, "EXT-001")
    path.rename(tmp_path / "EXT-002.yaml")
    (tmp_path / "EXT-001.sql").rename(tmp_path / "EXT-002.sql")
    with pytest.raises(RuleLoadError, match="differs from the file name"):
        RuleRegistry().load_directory(tmp_path)


def test_sql_placeholder_must_be_declared(tmp_path):
    path = copy_rule(tmp_path, "EXT-001")
    path.with_suffix(".sql").write_text("SELECT {{ limit }} AS entity_id", encoding="utf-8")
    with pytest.raises(RuleLoadError, match="undeclared parameters"):
        RuleRegistry().load_directory(tmp_path)


def test_missing_sql_file(tmp_path):
    path = copy_rule(tmp_path, "EXT-001")
    path.with_suffix(".sql").unlink()
    with pytest.raises(RuleLoadError, match="missing SQL file"):
        RuleRegistry().load_directory(tmp_path)


def test_unknown_selection_is_an_error():
    with pytest.raises(KeyError, match="XYZ-001"):
        builtin_registry().select(["XYZ-001"])
