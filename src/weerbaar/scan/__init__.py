"""The scan: a municipality's self-assessment, scored and explained per process.

Public API: :func:`score_scan`, :func:`compare_scans`, :func:`weak_answers`; the models in
:mod:`weerbaar.scan.models`; files in :mod:`weerbaar.scan.io` and :mod:`weerbaar.scan.excel`.
"""

from __future__ import annotations

from weerbaar.scan.compare import compare_scans
from weerbaar.scan.errors import ScanError, ScanFileError, ScanProblem
from weerbaar.scan.models import (
    Answer,
    Contribution,
    ProcessScore,
    Scan,
    ScanComparison,
    ScanResult,
    WeakAnswer,
    Workshop,
)
from weerbaar.scan.service import score_scan, weak_answers

__all__ = [
    "Answer",
    "Contribution",
    "ProcessScore",
    "Scan",
    "ScanComparison",
    "ScanError",
    "ScanFileError",
    "ScanProblem",
    "ScanResult",
    "WeakAnswer",
    "Workshop",
    "compare_scans",
    "score_scan",
    "weak_answers",
]
