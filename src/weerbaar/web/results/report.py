"""The management report download, rendered by ``weerbaar.reports`` (when installed)."""

from __future__ import annotations

import importlib


def available() -> bool:
    try:
        reports = importlib.import_module("weerbaar.reports")
    except ImportError:
        return False
    return hasattr(reports, "build_report")
