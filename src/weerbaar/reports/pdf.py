"""PDF rendering: the HTML report laid out by WeasyPrint with the print stylesheet.

Paged media: every page carries "Vertrouwelijk", the municipality, the scan and report dates, the
framework version and "page n of N" in its margin boxes (``@page`` rules in the template).
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from weerbaar.reports.html import render_html
from weerbaar.reports.models import Report
from weerbaar.reports.styles import report_css


@cache
def _stylesheets() -> tuple[Any, ...]:
    """The parsed stylesheets, once per process (WeasyPrint stylesheets can be reused)."""
    from weasyprint import CSS

    return tuple(CSS(string=text) for text in report_css())


def render_document(report: Report) -> Any:
    """The laid-out WeasyPrint document (pages and boxes), e.g. to inspect the layout."""
    from weasyprint import HTML

    stylesheets = list(_stylesheets())
    html = render_html(report, inline_css=False)
    weasy_log = logging.getLogger("weasyprint")
    level = weasy_log.level
    # The NL Design System CSS uses properties WeasyPrint does not know; each would log a warning.
    weasy_log.setLevel(logging.ERROR)
    try:
        return HTML(string=html).render(stylesheets=stylesheets)
    finally:
        weasy_log.setLevel(level)


def render_pdf(report: Report) -> bytes:
    pdf: bytes = render_document(report).write_pdf()
    return pdf
