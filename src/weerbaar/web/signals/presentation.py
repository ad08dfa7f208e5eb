"""What the signal pages show: rule rows with counts, and a hit's rule, parameters and values."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from weerbaar.signals.explain import format_value
from weerbaar.signals.fields import (
    dataset_label,
    display_field,
    display_parameter,
    entity_label,
    field_label,
    status_label,
)
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
    status_label: str


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
                status_label=status_label(str(record.get("status", "")), language),
            )
        )
    return rows


@dataclass(frozen=True)
class ParameterRow:
    label: str
    value: str
    default: str
    changed: bool


def parameter_rows(hit: SignalHit, language: str) -> list[ParameterRow]:
    """The settings the hit was found with, each by its meaning (the rule's description), with
    its unit in the value (``€ 10.000``, ``15 dagen``, ``50%``), next to the rule's default."""
    rule = rule_or_none(hit.rule_id)
    specs = rule.spec.parameters if rule else {}
    rows = []
    for name in sorted(set(hit.parameters) | set(specs)):
        spec = specs.get(name)
        used = hit.parameters.get(name, spec.default if spec else "")
        unit = spec.unit if spec else ""
        rows.append(
            ParameterRow(
                label=spec.description.get(language) if spec else name,
                value=display_parameter(unit, used, language),
                default=display_parameter(unit, spec.default, language) if spec else "",
                changed=spec is not None and used != spec.default,
            )
        )
    return rows


def field_rows(hit: SignalHit, language: str) -> list[tuple[str, str]]:
    """The hit's values by their labels (rule or glossary), formatted; helper columns left out.

    A column nobody labelled yet is shown by its name rather than hidden: a reviewer must see
    everything the rule found (tests/signals/test_fields.py keeps this from happening).
    """
    rule = rule_or_none(hit.rule_id)
    spec = rule.spec if rule else None
    rows = []
    for name, value in [*hit.fences.items(), *hit.details.items()]:
        label = field_label(name, spec)
        if label is not None and label.hidden:
            continue
        text = display_field(name, value, language, spec)
        rows.append((label.get(language) if label else name, text))
    return rows


def input_rows(run: SignalRun, language: str) -> list[tuple[str, Any]]:
    """The run's input files by the name of their dataset (Betalingen, not payments)."""
    inputs = run.manifest.get("inputs", {})
    return [(dataset_label(name, language), item) for name, item in inputs.items()]


def flagged(hit: SignalHit, language: str) -> str:
    """What is flagged, in words: ``Betaling BET000002501``."""
    return f"{entity_label(hit.entity_type, language)} {hit.entity_id}"


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
