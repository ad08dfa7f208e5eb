"""The scan: a municipality's self-assessment (input) and its scored, explained result (output).

Input models (:class:`Answer`, :class:`Scan`) are what a scan file holds; they check their own
shape. Checks against a framework (unknown question, value outside the scale, undeclared
respondent, duplicate answer) live in :mod:`weerbaar.scan.validation`.

Result models (:class:`ScanResult` and friends) are produced by :func:`weerbaar.scan.score_scan`.
Scores are on a 0-100 scale with one decimal; the ``points`` of a score's contributions add up
exactly (in decimal arithmetic) to that score. Confidence has four decimals and the "weet niet"
share six, so that one more "weet niet" always shows (see ``scan.service.CONFIDENCE_DECIMALS``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from weerbaar.knowledge.models import Text

CbsCode = Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
# A pseudonymous respondent token: short, lower-case, no spaces. Never a person's name.
RESPONDENT_PATTERN = r"^[a-z0-9][a-z0-9_-]{1,31}$"
RespondentToken = Annotated[str, StringConstraints(pattern=RESPONDENT_PATTERN)]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", min_length=1)]
Mode = Literal["workshop", "survey"]
Kind = Literal["control", "exposure"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Answer(_Model):
    """One answer to one question: a scale level, or ``None`` for "weet niet" (don't know)."""

    question_id: QuestionId
    value: int | None = Field(ge=0, description='scale level; null means "weet niet"')
    respondent: RespondentToken | None = Field(
        default=None, description="pseudonymous respondent token; null in workshop mode"
    )
    note: str | None = Field(default=None, max_length=2000)
    evidence: str | None = Field(
        default=None, max_length=500, description="reference to a document or other evidence"
    )

    @field_validator("value", mode="before")
    @classmethod
    def _value_is_a_number(cls, value: object) -> object:
        """A level is a number (2 or 2.0) or null: not ``true`` (read as 1) or ``"2"``."""
        if isinstance(value, bool | str):
            raise ValueError('a scale level is a whole number, or null for "weet niet"')
        return value


class Workshop(_Model):
    """How a workshop scan was held: consensus answers by a moderated group."""

    participants: int = Field(ge=1, le=100)
    moderator: str = Field(min_length=1, max_length=200, description="role or organisation")


class Scan(_Model):
    """A self-assessment of one municipality against one framework version."""

    id: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=200)
    municipality: CbsCode
    date: dt.date
    framework_version: str = Field(min_length=1, description="e.g. 1.0.0 or 1.0.0+<hash>")
    mode: Mode
    workshop: Workshop | None = None
    respondents: list[RespondentToken] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)

    @model_validator(mode="after")
    def _mode_is_consistent(self) -> Scan:
        if self.mode == "workshop":
            if self.workshop is None:
                raise ValueError("a workshop scan needs 'workshop' (participants, moderator)")
            if self.respondents:
                raise ValueError("a workshop scan has no respondents (one consensus answer)")
        else:
            if self.workshop is not None:
                raise ValueError("a survey scan has no 'workshop' block")
            if not self.respondents:
                raise ValueError("a survey scan needs at least one respondent token")
        if len(set(self.respondents)) != len(self.respondents):
            raise ValueError("respondent tokens must be unique")
        return self


# --- results -------------------------------------------------------------------------------


class Contribution(_Model):
    """What one question adds to one process's vulnerability score."""

    question_id: str
    process: str | None = Field(description="None for a general question")
    section: str
    kind: Kind
    target: str = Field(description="circumstance or factor id")
    weight: float = Field(description="effective weight (incl. small-municipality profile)")
    share: float = Field(description="share of its term (gap or exposure) in this process, 0..1")
    level: float | None = Field(description="mean known answer on the question's scale")
    scale_max: int
    answers: int = Field(description="number of answers given (incl. weet niet)")
    dont_know: int = Field(description='answers "weet niet" (an unanswered question counts 1)')
    weakness: float = Field(
        description="0..1: gap for a control (1 = absent), exposure for an exposure question"
    )
    points: float = Field(description="share of the process's vulnerability, 0..100 scale")
    measures: list[str] = Field(default_factory=list)
    explanation: Text


class ProcessScore(_Model):
    process: str
    vulnerability: float = Field(ge=0, le=100)
    exposure: float = Field(ge=0, le=100)
    resilience: float = Field(ge=0, le=100)
    confidence: float = Field(ge=0, le=100)
    dont_know_share: float = Field(ge=0, le=1)
    exposure_points: float = Field(description="part of the score explained by exposure")
    control_points: float = Field(description="part of the score explained by weak controls")
    contributions: list[Contribution]
    explanation: Text


class CategoryScore(_Model):
    """A circumstance or factor across all processes."""

    target: str
    group: Literal["internal", "external", "small_municipality", "saint_raising", "other"]
    weakness: float = Field(ge=0, le=100, description="weighted mean weakness of its questions")
    vulnerability: float = Field(
        ge=0, le=100, description="its share of the mean process vulnerability"
    )
    questions: int


class TopVulnerability(_Model):
    process: str
    vulnerability: float
    drivers: list[str] = Field(description="question ids contributing most, largest first")


class Disagreement(_Model):
    """A question on which survey respondents differ widely: a conversation to have."""

    question_id: str
    process: str | None
    target: str
    values: dict[str, int | None]
    spread: float = Field(ge=0, le=1, description="(max - min) / scale max of known answers")
    mean_difference: float = Field(
        ge=0, le=1, description="mean difference per pair of known answers, share of the scale"
    )
    explanation: Text


class ScanMeta(_Model):
    id: str | None
    title: str | None
    municipality: str
    municipality_name: str
    date: dt.date
    mode: Mode
    framework_version: str
    size_class: str
    small_profile: bool
    respondents: int
    participants: int | None


class ScanResult(_Model):
    scan: ScanMeta
    processes: dict[str, ProcessScore]
    overall: float = Field(ge=0, le=100, description="mean process vulnerability")
    confidence: float = Field(ge=0, le=100)
    circumstances: dict[str, CategoryScore]
    heatmap: dict[str, dict[str, float]] = Field(
        description="process -> circumstance/factor -> points; a row sums to the vulnerability"
    )
    top: list[TopVulnerability]
    disagreements: list[Disagreement]


class WeakAnswer(_Model):
    """A control question answered weakly: where the action plan should start."""

    question_id: str
    process: str
    target: str
    weakness: float
    points: float
    dont_know: bool
    measures: list[str]


class QuestionChange(_Model):
    question_id: str
    old_level: float | None
    new_level: float | None
    old_points: float
    new_points: float
    delta: float


class ProcessChange(_Model):
    process: str
    old: float
    new: float
    delta: float
    changes: list[QuestionChange] = Field(description="answers that moved the score, largest first")


class ScanComparison(_Model):
    old: ScanMeta
    new: ScanMeta
    overall_delta: float
    processes: dict[str, ProcessChange]
