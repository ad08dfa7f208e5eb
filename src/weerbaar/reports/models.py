"""The management report as plain data: everything a renderer needs, in one language.

:func:`weerbaar.reports.build_report` fills a :class:`Report` from a scan (and optionally an
action plan and a previous scan); renderers (:mod:`weerbaar.reports.registry`) only lay it out.
All texts are already in the report's language; numbers stay numbers so that the XLSX renderer
can write them as numbers and the HTML renderer can format them the Dutch or English way.
Respondents are never named: the report holds counts only.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["nl", "en"]
LANGUAGES: tuple[str, ...] = ("nl", "en")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReportMeta(_Model):
    """Who and what the report is about; printed in every page's margin."""

    lang: Language
    municipality: str = Field(description="CBS code, e.g. GM9999")
    municipality_name: str
    scan_id: str | None
    scan_title: str | None
    scan_date: dt.date
    generated: dt.date
    framework_version: str
    mode: Literal["workshop", "survey"]
    respondents: int = Field(ge=0, description="number of survey respondents (never names)")
    participants: int | None = Field(description="workshop participants (a count)")
    size_class: str
    small_profile: bool


class Driver(_Model):
    """A question that drives a process's score, with its explanation in words."""

    question_id: str
    text: str
    target: str
    points: float
    explanation: str


class TopItem(_Model):
    process: str
    name: str
    vulnerability: float
    level: str = Field(description="the score in words (laag, midden, hoog, zeer hoog)")
    explanation: str
    drivers: list[Driver]


class Summary(_Model):
    """The one-page summary for the council, in plain language."""

    overall: float
    overall_level: str
    confidence: float
    paragraphs: list[str]
    top: list[TopItem]
    asks: list[str] = Field(description="what the college and council are asked to do")


class Heatmap(_Model):
    rows: list[tuple[str, str]] = Field(description="(process id, name)")
    columns: list[tuple[str, str]] = Field(description="(circumstance or factor id, name)")
    values: dict[str, dict[str, float]]
    svg: str = Field(description="the heatmap as an SVG element (generated, escaped)")


class WeakItem(_Model):
    question_id: str
    text: str
    target: str
    weakness: float = Field(ge=0, le=1)
    points: float
    dont_know: bool
    measures: list[str] = Field(description="titles of the measures that address it")


class RedFlagItem(_Model):
    id: str
    title: str
    description: str
    signal_rules: list[str]


class ProcessSection(_Model):
    id: str
    name: str
    description: str
    at_stake: str
    vulnerability: float
    level: str
    exposure: float
    resilience: float
    confidence: float
    dont_know_share: float
    explanation: str
    weak: list[WeakItem] = Field(description="every weak answer, largest first")
    red_flags: list[RedFlagItem]


class PlanMeasure(_Model):
    id: str
    title: str
    theme: str
    quarter: int
    hours: float
    hours_per_quarter: list[float]
    cost_eur: float
    shared: bool
    reason: str


class EffectRow(_Model):
    process: str
    name: str
    before: float
    after: float


class PlanSection(_Model):
    measures: list[PlanMeasure]
    quarters: int
    hours_available: float
    budget_eur: float
    total_hours: float
    total_cost_eur: float
    hours_by_quarter: list[float]
    effect: list[EffectRow]
    overall_before: float
    overall_after: float
    rejected: int = Field(description="strong measures left out (see the XLSX)")
    chart_svg: str


class ChangeRow(_Model):
    process: str
    name: str
    old: float
    new: float
    delta: float
    causes: list[str] = Field(description="the answers that moved the score most, in words")


class ChangeSection(_Model):
    previous_date: dt.date
    previous_mode: str
    overall_old: float
    overall_new: float
    overall_delta: float
    rows: list[ChangeRow]


class CommunicationItem(_Model):
    who: str
    audience: str
    message: str
    moment: str
    channel: str = ""
    status: str = ""


class PulseRow(_Model):
    """One pulse statement over the rounds: the share that agrees, None where fewer than k."""

    statement: str
    values: list[int | None]


class AwarenessSection(_Model):
    """The awareness kit's figures (counts and k-anonymous pulse shares, never names)."""

    sessions_held: int = Field(ge=0)
    participants: int = Field(ge=0)
    lessons: list[tuple[str, int]] = Field(description="(lesson title, completions)")
    waves: list[tuple[str, int | None]] = Field(description="(round, respondents or None if < k)")
    pulse: list[PulseRow]


class SourceItem(_Model):
    id: str
    title: str
    publisher: str
    year: int | None
    address: str


class AnswerRow(_Model):
    """One question's answers, aggregated: levels and counts, never who answered what."""

    question_id: str
    process: str
    section: str
    kind: str
    target: str
    text: str
    answers: int
    dont_know: int
    level: float | None
    scale_max: int
    distribution: dict[int, int] = Field(description="scale level -> number of answers")
    weakness: float | None


class DisagreementRow(_Model):
    """A question survey respondents answered far apart: counts per level, never who."""

    question_id: str
    process: str
    target: str
    text: str
    spread: float = Field(ge=0, le=1)
    mean_difference: float = Field(ge=0, le=1)
    distribution: dict[str, int] = Field(description="level (or 'weet niet') -> answers")


class Report(_Model):
    meta: ReportMeta
    title: str
    summary: Summary
    heatmap: Heatmap
    processes: list[ProcessSection]
    plan: PlanSection | None
    change: ChangeSection | None
    communication: list[CommunicationItem]
    method: list[str]
    sources: list[SourceItem]
    answers: list[AnswerRow]
    disagreements: list[DisagreementRow] = Field(default_factory=list)
    awareness: AwarenessSection | None = None
    own_communication_plan: bool = False
