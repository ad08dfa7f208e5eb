"""Comparison over time: per process what changed, and which answers caused it."""

from __future__ import annotations

from decimal import Decimal

from weerbaar.knowledge.models import Framework
from weerbaar.scan.errors import ScanError, ScanProblem
from weerbaar.scan.models import (
    Contribution,
    ProcessChange,
    ProcessScore,
    QuestionChange,
    Scan,
    ScanComparison,
    ScanResult,
)
from weerbaar.scan.service import score_scan


def _result(item: Scan | ScanResult, framework: Framework | None) -> ScanResult:
    return item if isinstance(item, ScanResult) else score_scan(item, framework)


def _minus(new: float, old: float) -> float:
    return float(Decimal(str(new)) - Decimal(str(old)))


def compare_scans(
    old: Scan | ScanResult,
    new: Scan | ScanResult,
    old_framework: Framework | None = None,
    new_framework: Framework | None = None,
) -> ScanComparison:
    """Compare two scans (or results) of the same municipality, the older one first.

    Per process the question changes add up exactly to the change in vulnerability, because
    contributions add up exactly to each score. A scan is scored against its own framework.
    """
    before, after = _result(old, old_framework), _result(new, new_framework)
    _check_comparable(before, after)
    processes = {}
    for pid in [p for p in after.processes if p in before.processes]:
        processes[pid] = _process_change(before.processes[pid], after.processes[pid])
    return ScanComparison(
        old=before.scan,
        new=after.scan,
        overall_delta=_minus(after.overall, before.overall),
        processes=processes,
    )


def _check_comparable(before: ScanResult, after: ScanResult) -> None:
    """Same municipality, and the older scan first; raises :class:`ScanError` otherwise."""
    problems = []
    if before.scan.municipality != after.scan.municipality:
        message = (
            f"the scans are of different municipalities "
            f"({before.scan.municipality} and {after.scan.municipality})"
        )
        problems.append(ScanProblem(message, location="municipality"))
    if before.scan.date > after.scan.date:
        message = (
            f"the old scan ({before.scan.date}) is later than the new scan "
            f"({after.scan.date}): give the older one first"
        )
        problems.append(ScanProblem(message, location="date"))
    if problems:
        raise ScanError(problems)


def _process_change(old: ProcessScore, new: ProcessScore) -> ProcessChange:
    olds = {c.question_id: c for c in old.contributions}
    news = {c.question_id: c for c in new.contributions}
    changes = []
    for qid in sorted(olds.keys() | news.keys()):
        change = _question_change(qid, olds.get(qid), news.get(qid))
        if change.delta != 0 or change.old_level != change.new_level:
            changes.append(change)
    changes.sort(key=lambda c: (-abs(c.delta), c.question_id))
    return ProcessChange(
        process=new.process,
        old=old.vulnerability,
        new=new.vulnerability,
        delta=_minus(new.vulnerability, old.vulnerability),
        changes=changes,
    )


def _question_change(
    qid: str, old: Contribution | None, new: Contribution | None
) -> QuestionChange:
    old_points = old.points if old else 0.0
    new_points = new.points if new else 0.0
    return QuestionChange(
        question_id=qid,
        old_level=old.level if old else None,
        new_level=new.level if new else None,
        old_points=old_points,
        new_points=new_points,
        delta=_minus(new_points, old_points),
    )
