"""Reports: the management report for the gemeentesecretaris and the council.

Public API:

- :func:`build_report` (scan, optional plan and previous scan, language) -> :class:`Report`;
- :func:`render` (report, ``"html"`` | ``"pdf"`` | ``"xlsx"``) -> bytes, through the renderer
  registry :data:`renderers` (:class:`Renderer`, :class:`RendererRegistry`);
- :func:`report_from_files` and :func:`write_report` for the command line;
- :class:`ReportError` for inputs that do not belong together or cannot be read.

Example (what the web app's download view does)::

    report = build_report(scan, plan=plan, lang="nl")   # scan: weerbaar.scan.Scan
    data = render(report, "pdf")
    renderer = renderers.get("pdf")                       # .media_type, .extension
"""

from __future__ import annotations

from weerbaar.reports.errors import ReportError
from weerbaar.reports.io import render, report_from_files, write_report
from weerbaar.reports.models import Report
from weerbaar.reports.registry import Renderer, RendererRegistry, default_registry, renderers
from weerbaar.reports.service import build_report

__all__ = [
    "Renderer",
    "RendererRegistry",
    "Report",
    "ReportError",
    "build_report",
    "default_registry",
    "render",
    "renderers",
    "report_from_files",
    "write_report",
]
