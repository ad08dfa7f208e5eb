"""Labels for what a signal shows: result columns, entity types, parameter units, coded values.

``fields.yaml`` beside this module is the shared glossary; a rule may label a column itself in
its YAML (``fields:``), which wins. Every user-facing view of a hit (web page, CLI table,
export) takes its words from here, so no column name or code reaches a reader.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from weerbaar.signals.explain import format_value
from weerbaar.signals.models import FieldLabel, RuleSpec, Strict, Text

GLOSSARY = Path(__file__).with_name("fields.yaml")


class UnitLabel(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)
    format: str = ""
    suffix: bool = False

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class Glossary(Strict):
    fields: dict[str, FieldLabel]
    datasets: dict[str, Text]
    statuses: dict[str, Text]
    severities: dict[str, Text]
    entities: dict[str, Text]
    units: dict[str, UnitLabel]


@cache
def glossary() -> Glossary:
    """The shared glossary, loaded and validated once."""
    with GLOSSARY.open(encoding="utf-8") as handle:
        return Glossary.model_validate(yaml.safe_load(handle))


LANGUAGE_HELPER = FieldLabel(nl="Tekst voor de uitleg", en="Text for the explanation", hidden=True)


def field_label(name: str, spec: RuleSpec | None = None) -> FieldLabel | None:
    """The label of result column ``name``: the rule's own, else the glossary's; None if none.

    A column ending in ``_nl`` or ``_en`` holds words for the explanation in one language: it
    is not shown on its own.
    """
    if spec is not None and name in spec.fields:
        return spec.fields[name]
    if name.endswith(("_nl", "_en")):
        return glossary().fields.get(name, LANGUAGE_HELPER)
    return glossary().fields.get(name)


def entity_label(entity: str, language: str) -> str:
    found = glossary().entities.get(entity)
    return found.get(language) if found else entity


def dataset_label(dataset: str, language: str) -> str:
    found = glossary().datasets.get(dataset)
    return found.get(language) if found else dataset


def status_label(status: str, language: str) -> str:
    """A rule's outcome in a run: uitgevoerd, mislukt, overgeslagen."""
    found = glossary().statuses.get(status)
    return found.get(language) if found else status


def severity_label(severity: str, language: str) -> str:
    found = glossary().severities.get(severity)
    return found.get(language) if found else severity


def display_field(name: str, value: Any, language: str, spec: RuleSpec | None = None) -> str:
    """A column's value as a reader sees it: a coded value by its label, else formatted."""
    label = field_label(name, spec)
    if isinstance(value, bool):
        return ("yes" if value else "no") if language == "en" else ("ja" if value else "nee")
    if label is None:
        return format_value(value, "", language)
    if isinstance(value, str) and value in label.values:
        return label.values[value].get(language)
    if isinstance(value, list) and label.values:
        return ", ".join(display_field(name, item, language, spec) for item in value)
    return format_value(value, label.format, language)


def display_parameter(unit: str, value: Any, language: str) -> str:
    """A parameter's value with its unit: ``€ 10.000``, ``15 dagen``, ``50%``, ``ja``."""
    found = glossary().units.get(unit)
    if isinstance(value, bool):
        return ("yes" if value else "no") if language == "en" else ("ja" if value else "nee")
    if found is None:
        return format_value(value, "", language)
    values = value if isinstance(value, list) else None
    if values is not None:
        labels = glossary().fields["procedure"].values
        return ", ".join(labels[v].get(language) if v in labels else str(v) for v in values)
    text = format_value(value, found.format if found.format != "list" else "", language)
    if found.format == "eur" and float(value).is_integer():
        text = text.removesuffix(",00").removesuffix(".00")
    return f"{text} {found.get(language)}" if found.suffix else text
