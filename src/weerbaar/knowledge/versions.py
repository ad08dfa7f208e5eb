"""Framework versions: archived snapshots so old scans keep scoring against their own version.

Policy (see docs/adr/0001-knowledge-format.md): bump the semantic version in ``framework.yaml``
when questions or scales change, and run ``weerbaar knowledge archive`` first, so that the
version being replaced stays loadable from ``archive/<semver>.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from weerbaar.knowledge.errors import UnknownVersionError
from weerbaar.knowledge.loader import load_framework
from weerbaar.knowledge.models import Framework

ARCHIVE_DIR = Path(__file__).parent / "archive"


def export_data(framework: Framework) -> dict[str, Any]:
    """The framework as plain JSON data: ``version`` first, then every part of the framework."""
    return {"version": framework.version, **framework.model_dump(mode="json")}


def export_json(framework: Framework) -> str:
    """The JSON export (also the archive format, loadable with :func:`load_snapshot`)."""
    return json.dumps(export_data(framework), ensure_ascii=False, indent=1) + "\n"


def load_snapshot(path: Path) -> Framework:
    """A framework from an archived JSON snapshot; its recorded version must match its content."""
    where = f"archive/{path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.pop("version", None)
        framework = Framework.model_validate(data)
    except (OSError, ValueError, AttributeError, ValidationError) as exc:
        raise UnknownVersionError(f"archived framework cannot be loaded: {exc}", where) from exc
    if version != framework.version:
        message = f"archived framework says {version!r} but holds {framework.version!r}"
        raise UnknownVersionError(message, where)
    return framework


def archive(framework: Framework | None = None, directory: Path = ARCHIVE_DIR) -> Path:
    """Write the snapshot of ``framework`` (default: the current one) to ``<semver>.json``."""
    framework = framework or load_framework()
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{framework.info.version}.json"
    target.write_text(export_json(framework), encoding="utf-8")
    return target


def framework_for_version(version: str, directory: Path = ARCHIVE_DIR) -> Framework:
    """The framework a scan was answered against: ``1.2.0`` or ``1.2.0+<hash>``.

    Same semantic version as the current framework: the current one (by policy, only texts
    and sources change without a version bump), unless an archived snapshot has exactly the
    requested hash. Another version: its archived snapshot. Otherwise UnknownVersionError.
    """
    semver, _, digest = version.partition("+")
    current = load_framework()
    if current.info.version == semver and current.content_hash.startswith(digest):
        return current
    path = directory / f"{semver}.json"
    snapshot = load_snapshot(path) if path.is_file() else None
    if snapshot is not None and (digest and snapshot.content_hash.startswith(digest)):
        return snapshot
    if current.info.version == semver:
        return current
    if snapshot is not None:
        return snapshot
    raise UnknownVersionError(
        f"framework version {version!r} is neither current ({current.version}) nor archived"
    )
