"""PDF rendering: the HTML report laid out by WeasyPrint with the print stylesheet.

Paged media: every page carries "Vertrouwelijk", the municipality, the scan and report dates, the
framework version and "page n of N" in its margin boxes (``@page`` rules in the template).
"""

from __future__ import annotations

import logging
from typing import Any

from weerbaar.reports.html import render_html, stylesheet_paths
from weerbaar.reports.models import Report


def render_document(report: Report) -> Any:
    """The laid-out WeasyPrint document (pages and boxes), e.g. to inspect the layout."""
    from weasyprint import CSS, HTML

    stylesheets = [CSS(filename=str(path)) for path in stylesheet_paths()]
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
