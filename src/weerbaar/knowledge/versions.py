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
    """A framework from an archived JSON snapshot."""
    try:
        return Framework.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise UnknownVersionError(
            f"archived framework {path.name} cannot be loaded: {exc}"
        ) from exc


def archive(framework: Framework | None = None, directory: Path = ARCHIVE_DIR) -> Path:
    """Write the snapshot of ``framework`` (default: the current one) to ``<semver>.json``."""
    framework = framework or load_framework()
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{framework.info.version}.json"
    target.write_text(export_json(framework), encoding="utf-8")
    return target


def framework_for_version(version: str, directory: Path = ARCHIVE_DIR) -> Framework:
    """The framework a scan was answered against: ``1.2.0`` or ``1.2.0+<hash>``.

    The current framework when it matches; otherwise the archived snapshot of that semantic
    version (whose content hash must match when one is given); otherwise UnknownVersionError.
    """
    semver, _, digest = version.partition("+")
    current = load_framework()
    if current.info.version == semver and current.content_hash.startswith(digest):
        return current
    path = directory / f"{semver}.json"
    if not path.is_file():
        raise UnknownVersionError(
            f"framework version {version!r} is neither current ({current.version}) nor archived"
        )
    snapshot = load_snapshot(path)
    if not snapshot.content_hash.startswith(digest):
        raise UnknownVersionError(
            f"framework version {version!r} not found: archive {path.name} has {snapshot.version}"
        )
    return snapshot
