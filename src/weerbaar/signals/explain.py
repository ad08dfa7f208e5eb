"""Fill a rule's explanation template from a result row, with Dutch or English number formats."""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import string
from collections.abc import Mapping, Sequence
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


def format_value(value: Any, spec: str, language: str) -> str:
    """Format one value; ``spec`` is one of eur, pct, int, num, date, list or empty."""
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
    if spec in ("date", "") and isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return day.strftime("%d-%m-%Y") if language != "en" else day.isoformat()
    if spec in ("list", "") and isinstance(value, list | tuple):
        return ", ".join(format_value(item, "", language) for item in value)
    if spec in ("num", "") and isinstance(value, int | float) and not isinstance(value, bool):
        return _significant(float(value), language)
    if spec in ("", "num", "list", "date"):
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


def _missing(name: str) -> ExplanationError:
    return ExplanationError(f"placeholder {{{name}}} is neither a column nor a parameter")


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
            raise _missing(name)
        parts.append(format_value(value, spec, language))
    return "".join(parts)


# Types whose equal values always format alike: not Decimal (-0 and 0), datetime (time zones) or a
# mix of int, float and bool (1 == 1.0 == True); floats only without zeros (0.0 == -0.0).
_TABLE_TYPES = frozenset({int, str, bool, float, dt.date})
_AS_TEXT = frozenset({"", "num", "list", "date"})
_NONE = type(None)


def format_column(values: Sequence[Any], spec: str, language: str) -> list[str]:
    """``[format_value(v, spec, language) for v in values]``, formatting each distinct value once
    where equal values are sure to give the same text.
    """
    kinds = set(map(type, values))
    kinds.discard(_NONE)
    if kinds == {str} and spec in _AS_TEXT:
        return [NULL_TEXT if value is None else value for value in values]
    if len(kinds) <= 1 and kinds <= _TABLE_TYPES:
        distinct = dict.fromkeys(values)  # in order of first appearance: the same first error
        if float not in kinds or 0.0 not in distinct:
            table = {value: format_value(value, spec, language) for value in distinct}
            return list(map(table.__getitem__, values))
    return [format_value(value, spec, language) for value in values]


def explain_columns(
    template: str,
    columns: Mapping[str, Sequence[Any]],
    params: Mapping[str, Any],
    language: str,
    rows: int,
) -> list[str]:
    """:func:`explain` for each of ``rows`` rows given as columns: the same texts, or the same
    error (that of the first row that fails), with each distinct column value formatted once.
    """
    if not rows:
        return []
    try:
        return _explain_columns(template, columns, params, language, rows)
    except Exception:  # row by row, to raise exactly the error explain raises
        names = list(columns)
        records = (
            [
                dict(zip(names, values, strict=True))
                for values in zip(*columns.values(), strict=True)
            ]
            if names
            else [{}] * rows
        )
        return [explain(template, record, params, language) for record in records]


def _explain_columns(
    template: str,
    columns: Mapping[str, Sequence[Any]],
    params: Mapping[str, Any],
    language: str,
    rows: int,
) -> list[str]:
    pattern: list[str] = []
    slots: list[list[str]] = []
    formatted: dict[tuple[str, str], list[str]] = {}
    for literal, name, spec in parse_template(template):
        pattern.append(_braced(literal))
        if name is None:
            continue
        if name in columns:
            key = (name, spec)
            if key not in formatted:
                formatted[key] = format_column(columns[name], spec, language)
            slots.append(formatted[key])
            pattern.append("{}")
        elif name in params:
            pattern.append(_braced(format_value(params[name], spec, language)))
        else:
            raise _missing(name)
    fmt = "".join(pattern)
    if not slots:
        return [fmt.format()] * rows
    return list(map(fmt.format, *slots))


def _braced(text: str) -> str:
    """``text`` as a literal of a str.format pattern."""
    return text.replace("{", "{{").replace("}", "}}")
