"""The screenshots in docs/screenshots/ match the current UI (see ``screenshots.py``)."""

from __future__ import annotations

from screenshots import FINGERPRINT, SCREENSHOTS, SHOTS, ui_fingerprint


def test_screenshots_exist_and_match_the_current_ui() -> None:
    for name in SHOTS:
        data = (SCREENSHOTS / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
    assert FINGERPRINT.read_text(encoding="utf-8").strip() == ui_fingerprint(), (
        "the UI changed since the screenshots were taken: run "
        "WEERBAAR_UPDATE_SCREENSHOTS=1 pytest tests/web/browser and commit docs/screenshots/"
    )
