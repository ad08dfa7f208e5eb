"""What the signal pages show: rule rows with counts, and a hit's rule, parameters and values."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.signals.explain import format_value
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.signals.models import Severity, SignalHit, SignalRun
from weerbaar.web.signals.service import rule_or_none


@dataclass(frozen=True)
class RuleRow:
    rule_id: str
    title: str
    process: str
    severity: str
    hits: int
    open: int
    status: str


def process_name(process_id: str, language: str) -> str:
    """The knowledge base's name of a process (``financien`` -> Financiële transacties)."""
    process = framework().processes.get(process_id)
    return process.name.get(language) if process is not None else process_id


def severity_label(severity: str) -> str:
    return str(Severity(severity).label) if severity in Severity.values else severity


def _manifest_rules(run: SignalRun) -> list[dict[str, Any]]:
    rules = run.manifest.get("rules", [])
    return [r for r in rules if isinstance(r, dict) and "id" in r]


def rule_rows(run: SignalRun, language: str) -> list[RuleRow]:
    """Every rule of the run (also those without hits), with its hit and open counts."""
    open_counts = Counter(
        run.hits.filter(status="open").values_list("rule_id", flat=True).iterator()
    )
    rows = []
    for record in _manifest_rules(run):
        rule = rule_or_none(record["id"])
        rows.append(
            RuleRow(
                rule_id=record["id"],
                title=rule.spec.title.get(language) if rule else record["id"],
                process=process_name(rule.spec.process, language) if rule else "",
                severity=severity_label(rule.spec.severity) if rule else "",
                hits=int(record.get("hits") or 0),
                open=open_counts.get(record["id"], 0),
                status=str(record.get("status", "")),
            )
        )
    return rows


@dataclass(frozen=True)
class ParameterRow:
    name: str
    value: Any
    default: Any
    unit: str
    description: str


def parameter_rows(hit: SignalHit, language: str) -> list[ParameterRow]:
    """The parameters the hit was found with, next to the rule's defaults and units."""
    rule = rule_or_none(hit.rule_id)
    specs = rule.spec.parameters if rule else {}
    names = sorted(set(hit.parameters) | set(specs))
    return [
        ParameterRow(
            name=name,
            value=display_value(hit.parameters.get(name, "")),
            default=display_value(specs[name].default) if name in specs else "",
            unit=specs[name].unit if name in specs else "",
            description=specs[name].description.get(language) if name in specs else "",
        )
        for name in names
    ]


def rule_context(hit: SignalHit, language: str) -> dict[str, Any]:
    """Title, rationale and sources of the hit's rule (as loaded now; version noted)."""
    rule = rule_or_none(hit.rule_id)
    if rule is None:
        return {"known": False}
    return {
        "known": True,
        "title": rule.spec.title.get(language),
        "rationale": rule.spec.rationale.get(language),
        "sources": [{"title": s.title, "address": s.address} for s in rule.spec.sources],
        "version": rule.spec.version,
        "changed": rule.spec.version != hit.rule_version,
    }


def value_rows(values: dict[str, Any]) -> list[tuple[str, str]]:
    return [(str(key), display_value(value)) for key, value in sorted(values.items())]


_MOMENT = re.compile(r"\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?")


def display_value(value: Any) -> str:
    """A stored value as the page's language writes it, formatted like the explanation.

    Amounts keep their cents (``22.008,13`` in Dutch, not ``22008.1``), yes/no instead of
    ``True``/``False``, and a date or timestamp as the explanation's ``:datetime`` writes it
    instead of ISO text (a time only when it is not midnight).
    """
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list | tuple):
        return ", ".join(display_value(item) for item in value)
    if value is None or value == "":
        return ""
    if isinstance(value, str) and _MOMENT.fullmatch(value):
        return format_value(value, "datetime", language())
    return format_value(value, "", language())
