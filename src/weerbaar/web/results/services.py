"""Results of a stored scan, always computed by the core (``weerbaar.scan``)."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from weerbaar.scan import ScanError, ScanResult, score_scan
from weerbaar.scan.compare import compare_scans
from weerbaar.scan.models import ScanComparison
from weerbaar.web.scans.models import Scan
from weerbaar.web.scans.services import to_core_scan


class NotScorable(Exception):
    """The scan cannot be scored yet (e.g. a survey without respondents); message for the user."""


@dataclass(frozen=True)
class Results:
    result: ScanResult
    comparison: ScanComparison | None
    previous: Scan | None


def score(scan: Scan) -> ScanResult:
    try:
        return score_scan(to_core_scan(scan))
    except ValidationError as exc:
        raise NotScorable(_first_message(exc)) from exc
    except ScanError as exc:
        raise NotScorable(str(exc)) from exc


def _first_message(exc: ValidationError) -> str:
    errors = exc.errors()
    return str(errors[0].get("msg", exc)) if errors else str(exc)


def results_for(scan: Scan) -> Results:
    """The scan's result and the comparison with the municipality's previous scan (if any)."""
    result = score(scan)
    previous = scan.previous()
    comparison = None
    if previous is not None:
        try:
            comparison = compare_scans(score(previous), result)
        except (NotScorable, ScanError):
            comparison = None
    return Results(result=result, comparison=comparison, previous=previous)
