"""One cell of the filled-in questionnaire: an answer, a date or a free text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from weerbaar.knowledge.models import Scale
from weerbaar.scan.template import DONT_KNOW


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def free_text(value: Any) -> str | None:
    return str(value).strip()[:500] or None if value not in (None, "") else None


def parse_answer(raw: Any, scale: Scale) -> tuple[bool, int | None]:
    """``(True, level)`` for a valid cell, ``(True, None)`` for "weet niet", else ``(False, _)``."""
    if isinstance(raw, bool):
        return False, None
    if isinstance(raw, int | float) and float(raw).is_integer():
        value = int(raw)
        return (0 <= value <= scale.max_value), (value if 0 <= value <= scale.max_value else None)
    text = str(raw).strip().casefold()
    if text in (DONT_KNOW, "weet niet / don't know", "don't know", "?"):
        return True, None
    match = re.match(r"^(\d+)(?:\s*[–-]\s*(.*))?$", text)
    if match:
        value = int(match.group(1))
        level = next((lv for lv in scale.levels if lv.value == value), None)
        if level is None:
            return False, None
        named = match.group(2)
        labels = (level.label.nl.casefold(), level.label.en.casefold())
        ok = named is None or named.strip() in labels
        return ok, value if ok else None
    for level in scale.levels:
        if text in (level.label.nl.casefold(), level.label.en.casefold()):
            return True, level.value
    return False, None
