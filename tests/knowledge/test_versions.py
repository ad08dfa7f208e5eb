"""Old scans keep scoring against their own framework version (archived JSON snapshots)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from weerbaar.knowledge import (
    KnowledgeError,
    UnknownVersionError,
    archive,
    framework_for_version,
    load_framework,
)
from weerbaar.knowledge.versions import load_snapshot


def _older(tmp_path: Path) -> tuple[Path, str]:
    """An archived 0.9.0 that differs from the current framework (one question fewer)."""
    current = load_framework()
    dropped = next(iter(current.questions))
    older = current.model_copy(
        update={
            "info": current.info.model_copy(update={"version": "0.9.0"}),
            "content_hash": "0" * 64,
            "questions": {k: v for k, v in current.questions.items() if k != dropped},
        }
    )
    archive(older, tmp_path)
    return tmp_path, dropped


def test_current_version_resolves_to_the_current_framework(tmp_path: Path) -> None:
    current = load_framework()
    assert framework_for_version(current.version, tmp_path) is current
    assert framework_for_version(current.info.version, tmp_path) is current


def test_archived_version_round_trips_and_scores_against_itself(tmp_path: Path) -> None:
    directory, dropped = _older(tmp_path)
    snapshot = framework_for_version("0.9.0+000000000000", directory)
    assert snapshot.info.version == "0.9.0"
    assert dropped not in snapshot.questions
    assert dropped in load_framework().questions
    assert load_snapshot(directory / "0.9.0.json") == snapshot


def test_archive_writes_the_export_with_its_version(tmp_path: Path) -> None:
    path = archive(load_framework(), tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == f"{load_framework().info.version}.json"
    assert data["version"] == load_framework().version
    assert len(data["municipalities"]) == 342


def test_unknown_version_is_a_clear_knowledge_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownVersionError, match=r"7\.7\.7"):
        framework_for_version("7.7.7+abc", tmp_path)
    with pytest.raises(KnowledgeError):
        framework_for_version("7.7.7", tmp_path)


def test_tampered_snapshot_is_rejected(tmp_path: Path) -> None:
    directory, _ = _older(tmp_path)
    path = directory / "0.9.0.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = "0.9.0+ffffffffffff"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UnknownVersionError, match="holds"):
        framework_for_version("0.9.0", directory)
