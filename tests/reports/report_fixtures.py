"""Paths, dates and helpers shared by the report tests (imported by name, not via conftest)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from weerbaar.demo import scans as demo_scans

DEMO = Path(demo_scans.__file__).parent / "data"
SCAN_2025 = DEMO / "voorbeeld-2025.json"
SCAN_2026 = DEMO / "voorbeeld-2026.json"
GENERATED = dt.date(2026, 4, 1)


def require_tool(name: str) -> str:
    """The path of a command-line tool; skip (or fail in CI) when it is not installed."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (Debian: apt-get install poppler-utils)"
        if os.environ.get("CI") or os.environ.get("WEERBAAR_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return found
