"""Parameter substitution for rule SQL (typed literals) and the Spark transpilation check."""

from __future__ import annotations

import datetime as dt
import math
import re

import sqlglot
from sqlglot.errors import ErrorLevel

from weerbaar.signals.models import ParamValue

PLACEHOLDER = re.compile(r"\{\{\s*([a-z][a-z0-9_]*)\s*\}\}")


class RuleSqlError(ValueError):
    """The SQL of a rule cannot be rendered (unknown parameter, bad value)."""


def sql_literal(value: object) -> str:
    """Render a Python value as a typed SQL literal; strings are quoted and escaped."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise RuleSqlError(f"not a finite number: {value!r}")
        return repr(value)
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(sql_literal(item) for item in value) + "]"
    raise RuleSqlError(f"unsupported parameter value {value!r} ({type(value).__name__})")


def render_sql(sql: str, params: dict[str, ParamValue]) -> str:
    """Substitute every ``{{ name }}`` with the typed literal of ``params[name]``."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise RuleSqlError(f"unknown parameter {{{{ {name} }}}}")
        return sql_literal(params[name])

    return PLACEHOLDER.sub(replace, sql)


def placeholders(sql: str) -> set[str]:
    return set(PLACEHOLDER.findall(sql))


def to_spark(sql: str) -> str:
    """Transpile rendered DuckDB SQL to Spark SQL; raises on anything sqlglot cannot carry over."""
    statements = sqlglot.transpile(
        sql,
        read="duckdb",
        write="spark",
        error_level=ErrorLevel.RAISE,
        unsupported_level=ErrorLevel.RAISE,
    )
    if len(statements) != 1:
        raise RuleSqlError(f"expected one statement, got {len(statements)}")
    return statements[0]
