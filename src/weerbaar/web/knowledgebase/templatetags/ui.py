"""Small template helpers shared by the ui templates."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language

register = template.Library()


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
