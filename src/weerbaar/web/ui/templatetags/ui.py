"""Template helpers of the design system, shared by every page (``{% load ui %}``).

Dates: ``|long_date`` and ``|long_datetime`` (7 december 2026 / 7 December 2026, 23:25), never
Django's ``M`` ("7 Dec 2026" on a Dutch page). Tables: ``{% tablescroll label %}...{%
endtablescroll %}`` wraps a table that may be wider than the screen. Knowledge-base texts:
``|tr``. See docs/developer/ui.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.template.base import FilterExpression, NodeList, Parser, Token
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@register.filter
def long_date(value: dt.date | dt.datetime | None) -> str:
    """The day as the page's language writes it in prose: 7 december 2026 / 7 December 2026."""
    if value is None or value == "":
        return "–"
    if isinstance(value, dt.datetime):
        value = _local(value)
    return str(formats.date_format(value, "j F Y"))


@register.filter
def long_datetime(value: dt.datetime | None) -> str:
    """Day and time: 7 december 2026, 23:25 (local time of the installation)."""
    if value is None or value == "":
        return "–"
    return f"{long_date(value)}, {formats.time_format(_local(value), 'H:i')}"


class TableScrollNode(template.Node):
    def __init__(self, nodelist: NodeList, label: FilterExpression) -> None:
        self.nodelist, self.label = nodelist, label

    def render(self, context: template.Context) -> SafeString:
        return format_html(
            '<div class="utrecht-table-container utrecht-table-container--overflow-inline '
            'wb-table-scroll" role="region" tabindex="0" aria-label="{}">{}</div>',
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag("tablescroll")
def tablescroll(parser: Parser, token: Token) -> TableScrollNode:
    """``{% tablescroll _("Label") %}<table>...</table>{% endtablescroll %}``.

    A table wider than the screen scrolls sideways inside a keyboard-focusable, labelled region
    instead of squeezing its columns (the label is read out when the region gets focus).
    """
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("tablescroll takes one argument: the region's label")
    nodelist = parser.parse(("endtablescroll",))
    parser.delete_first_token()
    return TableScrollNode(nodelist, parser.compile_filter(bits[1]))


@register.simple_tag
def url_or_empty(name: str, *args: Any) -> str:
    """``reverse(name)`` or "" when the URL does not exist (optional links in the layout)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.filter
def tr(value: Any) -> str:
    """A knowledge-base ``Text`` (``nl``/``en``) in the active language; Dutch unless English."""
    if value is None:
        return ""
    language = "en" if (get_language() or "nl").startswith("en") else "nl"
    if isinstance(value, dict):
        return str(value.get(language) or value.get("nl") or "")
    if hasattr(value, "nl") and hasattr(value, "en"):
        return str(value.en if language == "en" else value.nl)
    return str(value)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``mapping[key]`` in templates; None when missing."""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def percent(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{round(value * 100)}%"


@register.filter
def part_label(part: str) -> str:
    """The name of a questionnaire part: a process name, or the general part's label."""
    from weerbaar.web.knowledgebase.framework import GENERAL, framework
    from weerbaar.web.knowledgebase.labels import PART_LABELS, language

    if part == GENERAL:
        return str(PART_LABELS[GENERAL])
    process = framework().processes.get(part)
    return process.name.get(language()) if process else part


@register.filter
def part_labels(parts: list[str]) -> str:
    return ", ".join(part_label(part) for part in parts)


@register.filter
def effect_label(effect: str) -> str:
    from weerbaar.web.knowledgebase.labels import EFFECT_LABELS

    return str(EFFECT_LABELS.get(effect, effect))


@register.filter
def deliverers(values: list[object]) -> str:
    from weerbaar.web.knowledgebase.labels import DELIVERER_LABELS

    names = [str(getattr(v, "value", v)) for v in values]
    return ", ".join(str(DELIVERER_LABELS.get(name, name)) for name in names)
