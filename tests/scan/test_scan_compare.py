"""Comparison over time only compares what can be compared (review finding: it compared scans
of different municipalities, and scans given newest first, without a word)."""

from __future__ import annotations

import pytest

from weerbaar.demo.scans import demo_scan_path
from weerbaar.scan import ScanError, compare_scans, score_scan
from weerbaar.scan.io import load_scan


def test_scans_of_different_municipalities_are_not_compared() -> None:
    old, new = load_scan(demo_scan_path("2025")), load_scan(demo_scan_path("2026"))
    elsewhere = new.model_copy(update={"municipality": "GM0014"})
    with pytest.raises(ScanError, match=r"GM9999 and GM0014"):
        compare_scans(old, elsewhere)


def test_the_older_scan_comes_first() -> None:
    old, new = score_scan(load_scan(demo_scan_path("2025"))), load_scan(demo_scan_path("2026"))
    with pytest.raises(ScanError, match="older one first"):
        compare_scans(new, old)
    assert compare_scans(old, new).overall_delta == pytest.approx(-7.8)
    assert compare_scans(old, old).overall_delta == 0
