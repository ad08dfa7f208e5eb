"""Typed model of a signal rule (YAML metadata + SQL) and of the hits a run produces.

The file format is described in ``rules/FORMAT.md``; these models are its single definition.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

RuleId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,5}-\d{3}$")]
ParamName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
ParamValue = int | float | bool | str | dt.date | list[str] | list[int] | list[float]
Severity = Literal["low", "medium", "high"]
FENCE_COLUMNS: tuple[str, ...] = ("q1", "q3", "lower_fence", "upper_fence")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """User-facing text in Dutch (source language) and English."""

    nl: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


FieldFormat = Literal["", "eur", "pct", "int", "num", "date", "datetime", "list", "year", "text"]


class FieldLabel(Strict):
    """How a result column is shown: its label, its format and the labels of coded values."""

    nl: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    format: FieldFormat = ""
    values: dict[str, Text] = Field(default_factory=dict)
    hidden: bool = Field(
        default=False, description="a helper column the explanation already says in words"
    )

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class SourceRef(Strict):
    title: Annotated[str, StringConstraints(min_length=1)]
    address: str = Field(pattern=r"^https?://")


class Parameter(Strict):
    default: ParamValue
    unit: Annotated[str, StringConstraints(min_length=1)]
    description: Text


class Expect(Strict):
    count: int | None = Field(default=None, ge=1)
    entity_ids: list[str] | None = None

    @model_validator(mode="after")
    def _something_expected(self) -> Expect:
        if self.count is None and self.entity_ids is None:
            raise ValueError("expect needs 'count' and/or 'entity_ids'")
        return self


Row = dict[str, Any]


class Example(Strict):
    name: Annotated[str, StringConstraints(min_length=1)]
    params: dict[str, ParamValue] = Field(default_factory=dict)
    tables: dict[str, list[Row]] = Field(default_factory=dict)
    expect: Expect | None = None


class Examples(Strict):
    fires: list[Example] = Field(min_length=1)
    does_not_fire: list[Example] = Field(min_length=1)

    @model_validator(mode="after")
    def _expectations(self) -> Examples:
        for example in self.fires:
            if example.expect is None:
                raise ValueError(f"fires example {example.name!r} needs 'expect'")
        for example in self.does_not_fire:
            if example.expect is not None:
                raise ValueError(f"does_not_fire example {example.name!r} cannot have 'expect'")
        return self


class RuleSpec(Strict):
    """The YAML half of a rule."""

    id: RuleId
    version: int = Field(ge=1)
    process: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    title: Text
    rationale: Text
    sources: list[SourceRef] = Field(min_length=1)
    severity: Severity
    entity: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    datasets: list[Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]] = Field(
        min_length=1
    )
    parameters: dict[ParamName, Parameter] = Field(default_factory=dict)
    explanation: Text
    fields: dict[str, FieldLabel] = Field(
        default_factory=dict,
        description="labels of this rule's result columns where the shared glossary "
        "(signals/fields.yaml) has none or means something else",
    )
    examples: Examples
    # What legitimate look-alikes (decoys) the rule cannot tell apart from an anomaly, and why;
    # shown in the catalogue beside the measured share of decoys it flags.
    decoys: Text | None = None

    @model_validator(mode="after")
    def _example_params_known(self) -> RuleSpec:
        for example in [*self.examples.fires, *self.examples.does_not_fire]:
            unknown = set(example.params) - set(self.parameters)
            if unknown:
                raise ValueError(f"example {example.name!r}: unknown parameters {sorted(unknown)}")
            extra = set(example.tables) - set(self.datasets)
            if extra:
                raise ValueError(
                    f"example {example.name!r}: tables not in datasets {sorted(extra)}"
                )
        return self


class Rule(Strict):
    """A loaded rule: its spec, its SQL text and where it came from."""

    spec: RuleSpec
    sql: str
    path: Path

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def sql_sha256(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()

    def defaults(self) -> dict[str, ParamValue]:
        return {name: p.default for name, p in self.spec.parameters.items()}


class Hit(Strict):
    """One result row of one rule, explained."""

    rule_id: str
    rule_version: int
    severity: Severity
    process: str
    entity_type: str
    entity_id: str
    record_ids: list[str]
    value: float | None
    parameters: dict[str, Any]
    fences: dict[str, float | None]
    details: dict[str, Any]
    explanation_nl: str
    explanation_en: str


@dataclass(frozen=True)
class Label:
    """Ground truth of synthetic data: this rule must flag this entity (the records say why)."""

    rule_id: str
    entity_type: str
    entity_id: str
    record_ids: tuple[str, ...]
