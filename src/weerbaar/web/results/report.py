"""The management report download, built and rendered by ``weerbaar.reports``.

The report gets the core scan, the scan's most recent accepted plan (else its latest plan) and
the municipality's previous scan for the change section, when that one can be scored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from weerbaar.reports import ReportError, build_report, render, renderers
from weerbaar.scan import ScanError
from weerbaar.web.awareness import reporting
from weerbaar.web.plans.services import core_plan
from weerbaar.web.results.services import NotScorable, score
from weerbaar.web.scans.models import Scan
from weerbaar.web.scans.services import to_core_scan

FORMATS = ("pdf", "xlsx", "html")
LANGUAGES = ("nl", "en")
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedReport:
    data: bytes
    media_type: str
    filename: str


def _previous(scan: Scan) -> object | None:
    previous = scan.previous()
    if previous is None:
        return None
    try:
        score(previous)
    except NotScorable:
        return None
    return to_core_scan(previous)


def _plan(scan: Scan) -> object | None:
    plan = (
        scan.plans.filter(accepted_at__isnull=False).order_by("-accepted_at").first()
        or scan.plans.order_by("-created_at").first()
    )
    return core_plan(plan) if plan is not None else None


def render_report(scan: Scan, fmt: str, lang: str) -> RenderedReport:
    """Build and render; raises ``NotScorable`` when the scan has no results yet.

    A stored plan that no longer belongs to the scan (its scores or framework changed since the
    plan was made) is left out rather than failing the download; the report then has no plan
    section, and the event is logged.
    """
    score(scan)  # a clear NotScorable before the report is built
    language = lang if lang in LANGUAGES else "nl"
    core_scan, previous = to_core_scan(scan), _previous(scan)
    own = {
        "communication": reporting.communication(scan.municipality, language),
        "awareness": reporting.awareness(scan.municipality, language),
    }
    try:
        try:
            report = build_report(
                core_scan,  # type: ignore[arg-type]
                plan=_plan(scan),  # type: ignore[arg-type]
                previous=previous,  # type: ignore[arg-type]
                lang=language,
                **own,  # type: ignore[arg-type]
            )
        except ReportError as exc:
            logger.warning("report_plan_left_out", extra={"scan": scan.pk, "reason": str(exc)})
            report = build_report(core_scan, plan=None, previous=previous, lang=language, **own)  # type: ignore[arg-type]
    except (ScanError, ReportError) as exc:
        raise NotScorable(str(exc)) from exc
    renderer = renderers.get(fmt)
    name = f"weerbaar-rapport-{scan.municipality_id}-{scan.date:%Y-%m-%d}.{renderer.extension}"
    return RenderedReport(data=render(report, fmt), media_type=renderer.media_type, filename=name)
