"""Fill a rule's explanation template from a result row, with Dutch or English number formats."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import string
from collections.abc import Mapping
from typing import Any

NULL_TEXT = "—"
Part = tuple[str, str | None, str]


class ExplanationError(ValueError):
    """The template names a value that is neither a result column nor a parameter."""


def _group(number: float, decimals: int, language: str) -> str:
    text = f"{number:,.{decimals}f}"
    if language == "en":
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _significant(number: float, language: str) -> str:
    """Up to four significant decimals, trailing zeros dropped."""
    if number == int(number) and abs(number) < 1e15:
        return _group(number, 0, language)
    magnitude = abs(number)
    decimals = 2 if magnitude >= 1 else 4
    while magnitude and magnitude < 10 ** -(decimals - 3) and decimals < 12:
        decimals += 1
    text = _group(number, decimals, language)
    sep = "." if language == "en" else ","
    return text.rstrip("0").rstrip(sep) if sep in text else text


def _moment(value: Any) -> dt.date | None:
    """A date or timestamp, also from ISO 8601 text such as OCDS's ``2025-07-25T00:00:00Z``."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def format_moment(value: dt.date, language: str, *, with_time: bool = True) -> str:
    """``25-07-2025`` (nl) or ``2025-07-25`` (en); a timestamp adds its time unless midnight.

    The time is written as given (wall clock, its time zone left off); seconds only when set.
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    text = day.strftime("%d-%m-%Y") if language != "en" else day.isoformat()
    if not with_time or not isinstance(value, dt.datetime) or value.time() == dt.time():
        return text
    precise = value.second or value.microsecond
    return f"{text} {value.strftime('%H:%M:%S' if precise else '%H:%M')}"


def format_value(value: Any, spec: str, language: str) -> str:
    """Format one value; ``spec`` is one of eur, pct, int, num, date, datetime, list, year,
    text or empty. ``year`` and ``text`` write the value as it is (2024, not 2.024)."""
    if value is None:
        return NULL_TEXT
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if spec == "eur":
        amount = _group(float(value), 2, language)
        return f"€ {amount}" if language != "en" else f"€{amount}"
    if spec == "pct":
        percent = float(value) * 100
        text = _group(percent, 1 if abs(percent) >= 0.1 or percent == 0 else 3, language)
        sep = "." if language == "en" else ","
        return (text.rstrip("0").rstrip(sep) if sep in text else text) + "%"
    if spec == "int":
        return _group(round(float(value)), 0, language)
    if spec in ("year", "text"):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if spec in ("date", "datetime") and (moment := _moment(value)) is not None:
        return format_moment(moment, language, with_time=spec == "datetime")
    if spec == "" and isinstance(value, dt.date):
        return format_moment(value, language)
    if spec in ("list", "") and isinstance(value, list | tuple):
        return ", ".join(format_value(item, "", language) for item in value)
    if spec in ("num", "") and isinstance(value, int | float) and not isinstance(value, bool):
        return _significant(float(value), language)
    if spec in ("", "num", "list", "date", "datetime"):
        return str(value)
    raise ExplanationError(f"unknown format spec {spec!r}")


@functools.lru_cache(maxsize=512)
def parse_template(template: str) -> tuple[Part, ...]:
    """(literal, name, spec) parts of a template, parsed once (``name`` None: literal only).

    A conversion such as ``!r`` is ignored, as :func:`explain` always did.
    """
    return tuple(
        (literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(template)
    )


def fields_of(template: str) -> list[tuple[str, str]]:
    """(name, spec) of every placeholder in a template."""
    return [(name, spec) for _, name, spec in parse_template(template) if name is not None]


def explain(template: str, row: Mapping[str, Any], params: Mapping[str, Any], language: str) -> str:
    """Render ``template``; columns of ``row`` take precedence over parameters."""
    parts: list[str] = []
    for literal, name, spec in parse_template(template):
        parts.append(literal)
        if name is None:
            continue
        if name in row:
            value = row[name]
        elif name in params:
            value = params[name]
        else:
            raise ExplanationError(f"placeholder {{{name}}} is neither a column nor a parameter")
        parts.append(format_value(value, spec, language))
    return "".join(parts)
