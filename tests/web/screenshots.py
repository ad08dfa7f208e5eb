"""Which UI files the committed screenshots show; their fingerprint proves the shots are current.

``docs/screenshots/UI-FINGERPRINT`` holds a SHA-256 over these files. The browser test writes it
together with the screenshots (``WEERBAAR_UPDATE_SCREENSHOTS=1``); ``test_screenshots.py``
fails when the templates or styles changed since.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import weerbaar.web

WEB = Path(weerbaar.web.__file__).parent
ROOT = WEB.parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
FINGERPRINT = SCREENSHOTS / "UI-FINGERPRINT"
SHOTS = ("dashboard.png", "scan.png")
UI_FILES = (
    "templates/base.html",
    "static/weerbaar/css/weerbaar.css",
    "static/vendor/utrecht/component-library.css",
    "static/vendor/nl-design-system/voorbeeld-theme.css",
    "results/templates/results/dashboard.html",
    "results/heatmap.py",
    "scans/templates/scans/answer_part.html",
    "scans/templates/scans/_question.html",
    "scans/templates/scans/_progress.html",
)


def ui_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in UI_FILES:
        digest.update(name.encode())
        digest.update((WEB / name).read_bytes())
    return digest.hexdigest()
