"""HTML rendering: Jinja2 templates in ``reports/templates`` with the print stylesheet.

The HTML is self-contained (styles inline, charts as inline SVG, no script), so the file can be
mailed or archived. It uses the NL Design System (Utrecht) CSS that the web app vendors, read by
path when it is there (:mod:`weerbaar.reports.styles`); the core never imports Django.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from weerbaar.reports import labels
from weerbaar.reports.models import Report
from weerbaar.reports.styles import TEMPLATES, report_css

WEAK_LISTED = 5
"""Weak answers listed per process page; the XLSX has them all."""


def css_string(text: str) -> Markup:
    """``text`` as a CSS string literal (for the ``@page`` margin boxes).

    Everything but letters, digits and a few punctuation marks becomes a CSS escape, so the
    result cannot close the string or the ``<style>`` element; hence it is safe markup.
    """
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;()-+_/·" else f"\\{ord(ch):x} " for ch in text
    )
    return Markup(f'"{escaped}"')


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    return env


def render_html(report: Report, *, inline_css: bool = True) -> str:
    """The report as one HTML document; ``inline_css=False`` leaves the stylesheets out."""
    lang = report.meta.lang
    styles = list(report_css()) if inline_css else []

    def t(key: str, **values: object) -> str:
        return labels.label(key, lang, **values)

    template = environment().get_template("report.html")
    return template.render(
        report=report,
        meta=report.meta,
        styles=styles,
        weak_listed=WEAK_LISTED,
        t=t,
        num=lambda value, digits=1: labels.number(value, lang, digits),
        signed=lambda value, digits=1: labels.signed(value, lang, digits),
        euro=lambda value: labels.euro(value, lang),
        pct=lambda share: labels.percent(share, lang),
        date=lambda day: labels.long_date(day, lang),
    )


def render_html_bytes(report: Report) -> bytes:
    return render_html(report).encode("utf-8")
