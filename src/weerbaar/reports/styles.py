"""Stylesheets of the report: the web app's NL Design System CSS, trimmed, and the print CSS.

The Utrecht component library is 400 kB for every component of a web site; the report uses a
dozen. Laying out a PDF with all of it takes twice as long, so :func:`report_css` keeps only the
rules whose selectors name a ``utrecht-`` class the report's templates use (plus every rule
without one, such as the theme's custom properties). The result is cached per process.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
PRINT_CSS = HERE / "static" / "report.css"
VENDOR = HERE.parent / "web" / "static" / "vendor"
VENDOR_CSS = (
    VENDOR / "nl-design-system" / "voorbeeld-theme.css",
    VENDOR / "utrecht" / "component-library.css",
)
UTRECHT_CLASS = re.compile(r"\.(utrecht-[A-Za-z0-9_-]+)")


def stylesheet_paths() -> list[Path]:
    """The theme and component CSS of the web app (those present), then the print stylesheet."""
    return [path for path in VENDOR_CSS if path.is_file()] + [PRINT_CSS]


@cache
def used_classes() -> frozenset[str]:
    """Every ``utrecht-`` class named in the report templates."""
    found: set[str] = set()
    for template in TEMPLATES.glob("*.html"):
        for attribute in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            found.update(c for c in attribute.split() if c.startswith("utrecht-"))
    return frozenset(found)


def trim(css: str, keep: frozenset[str]) -> str:
    """``css`` without the rules whose selectors name only ``utrecht-`` classes not in ``keep``.

    A selector list is kept when one of its classes is used (or when it names none); at-rules
    (``@media``, ``@font-face``, ...) are kept whole.
    """
    import tinycss2  # type: ignore[import-untyped]

    kept: list[Any] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            classes = set(UTRECHT_CLASS.findall(tinycss2.serialize(rule.prelude)))
            if classes and not classes & keep:
                continue
        kept.append(rule)
    return "\n".join(tinycss2.serialize([rule]) for rule in kept)


@cache
def report_css() -> tuple[str, ...]:
    """The report's stylesheets as text, in cascade order (vendor CSS trimmed)."""
    keep = used_classes()
    texts = [trim(path.read_text(encoding="utf-8"), keep) for path in VENDOR_CSS if path.is_file()]
    return (*texts, PRINT_CSS.read_text(encoding="utf-8"))
