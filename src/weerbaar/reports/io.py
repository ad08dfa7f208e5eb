"""Report files: read the inputs (scan, plan, previous scan), write a rendered report atomically."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from weerbaar.measures import Plan, PlanFileError, load_plan
from weerbaar.reports.errors import ReportError
from weerbaar.reports.models import Report
from weerbaar.reports.registry import RendererRegistry, renderers
from weerbaar.reports.service import build_report
from weerbaar.scan import Scan, ScanError
from weerbaar.scan.io import load_scan


def _scan(path: Path) -> Scan:
    try:
        return load_scan(path)
    except ScanError as exc:
        raise ReportError(str(exc)) from exc


def _plan(path: Path) -> Plan:
    try:
        return load_plan(path)
    except PlanFileError as exc:
        raise ReportError(str(exc)) from exc


def report_from_files(
    scan_path: Path | str,
    *,
    plan_path: Path | str | None = None,
    previous_path: Path | str | None = None,
    lang: str = "nl",
    generated: dt.date | None = None,
) -> Report:
    """:func:`build_report` from files; every error names the file it comes from."""
    scan = _scan(Path(scan_path))
    plan = _plan(Path(plan_path)) if plan_path is not None else None
    previous = _scan(Path(previous_path)) if previous_path is not None else None
    try:
        return build_report(scan, plan=plan, previous=previous, lang=lang, generated=generated)
    except ScanError as exc:
        raise ReportError(str(exc), str(scan_path)) from exc
    except ReportError as exc:
        where = previous_path if exc.location and exc.location.startswith("previous") else None
        where = plan_path if exc.location and exc.location.startswith("plan") else where
        if where is None:
            raise
        raise ReportError(exc.message, f"{where}: {exc.location}") from exc


def render(report: Report, fmt: str, registry: RendererRegistry | None = None) -> bytes:
    """The report in format ``fmt`` (``html``, ``pdf``, ``xlsx`` or a registered extension)."""
    return (registry or renderers).get(fmt).render(report)


def write_report(
    report: Report, fmt: str, path: Path | str, registry: RendererRegistry | None = None
) -> Path:
    """Render and write; the file appears whole or not at all (rendering happens first)."""
    data = render(report, fmt, registry)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # mkstemp creates 0600; a report is an ordinary file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
