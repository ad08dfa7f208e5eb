"""Vendored third-party files are exactly the versions their VERSION.md records."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

import weerbaar.web

VERSION_FILES = [
    Path(weerbaar.web.__file__).parent / "static" / "vendor" / "utrecht" / "VERSION.md",
    Path(__file__).parent / "browser" / "vendor" / "VERSION.md",
]
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \|.*\| `(?P<sha>[0-9a-f]{64})` \|$", re.MULTILINE)


@pytest.mark.parametrize("version_file", VERSION_FILES, ids=lambda p: p.parent.name)
def test_vendored_files_match_their_recorded_checksums(version_file: Path) -> None:
    rows = list(ROW.finditer(version_file.read_text(encoding="utf-8")))
    assert rows, f"no file table in {version_file}"
    for row in rows:
        data = (version_file.parent / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha"], row["file"]
