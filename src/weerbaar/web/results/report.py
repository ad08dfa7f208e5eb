"""The management report download, built and rendered by ``weerbaar.reports``.

The report gets the core scan, the scan's most recent accepted plan (else its latest plan) and
the municipality's previous scan for the change section, when that one can be scored.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from weerbaar.scan import ScanError
from weerbaar.web.plans.services import core_plan
from weerbaar.web.results.services import NotScorable, score
from weerbaar.web.scans.models import Scan
from weerbaar.web.scans.services import to_core_scan

FORMATS = ("pdf", "xlsx", "html")


def available() -> bool:
    try:
        reports = importlib.import_module("weerbaar.reports")
    except ImportError:
        return False
    return hasattr(reports, "build_report") and hasattr(reports, "render")


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
    """Build and render; raises ``NotScorable`` when the scan has no results yet."""
    from weerbaar.reports import build_report, render, renderers

    score(scan)  # a clear NotScorable before the report is built
    try:
        report = build_report(
            to_core_scan(scan),
            plan=_plan(scan),  # type: ignore[arg-type]
            previous=_previous(scan),  # type: ignore[arg-type]
            lang=lang,
        )
    except ScanError as exc:
        raise NotScorable(str(exc)) from exc
    renderer = renderers.get(fmt)
    name = f"weerbaar-rapport-{scan.municipality_id}-{scan.date:%Y-%m-%d}.{renderer.extension}"
    return RenderedReport(data=render(report, fmt), media_type=renderer.media_type, filename=name)
