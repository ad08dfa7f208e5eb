"""Plain inputs and outputs of the action-plan optimiser.

The optimiser works on :class:`PlanProblem` (gaps, candidate measures, vulnerability before) and
:class:`PlanRequest` (hours, budget, quarters, cooperation, mandatory/excluded measures, theme
minimums). Neither needs a scan: :mod:`weerbaar.measures.recommend` builds a problem from a scored
scan, tests and the benchmark build one directly.
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

EffectLevel = Literal["laag", "middel", "hoog"]
PARTNERS: tuple[str, ...] = ("riec", "buurgemeente")


class RequestFieldError(ValueError):
    """A plan input the plan cannot use; ``field`` names it, ``nl``/``en`` say why."""

    def __init__(self, field: str, nl: str, en: str) -> None:
        super().__init__(f"{nl} / {en}")
        self.field = field
        self.nl = nl
        self.en = en


def refused_number(value: object) -> bool:
    """Whether ``value`` (a number or its text) is NaN, infinite or negative."""
    number = value
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return False  # left to pydantic's own "not a number" error
    if isinstance(number, bool) or not isinstance(number, int | float):
        return False
    if isinstance(number, float) and not math.isfinite(number):
        return True
    return number < 0


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FrozenInput(Frozen):
    """An optimiser input: NaN and infinity are refused (they would reach HiGHS and the JSON)."""

    model_config = ConfigDict(allow_inf_nan=False)


class Gap(FrozenInput):
    """A weakness in one process: a weak control answer, worth ``points`` of vulnerability."""

    id: str = Field(min_length=1)
    process: str = Field(min_length=1)
    question: str | None = None
    label: str = Field(default="", description="the weak answer's question, by its short title")
    label_en: str = ""
    process_label: str = Field(default="", description="the process by its name (Dutch)")
    process_label_en: str = ""
    points: float = Field(ge=0, description="vulnerability points (0-100 scale) this gap causes")


class Candidate(FrozenInput):
    """A measure that may enter the plan, with its effort and the gaps it addresses."""

    id: str = Field(min_length=1)
    title: str = ""
    title_en: str = ""
    theme: str = ""
    effect: EffectLevel = "middel"
    intro_hours: float = Field(default=0.0, ge=0)
    run_hours_per_year: float = Field(default=0.0, ge=0)
    cost_eur: float = Field(default=0.0, ge=0)
    delivered_by: tuple[str, ...] = ("gemeente",)
    shared_share: float | None = Field(default=None, gt=0, le=1)
    gaps: tuple[str, ...] = ()
    prerequisites: tuple[str, ...] = ()
    small_municipality: bool = Field(
        default=True, description="realistic for a municipality of 10,000-40,000 inhabitants"
    )

    def share(self, partners: frozenset[str]) -> float:
        """Share of hours and cost this municipality bears given the cooperation partners."""
        if self.shared_share is not None and partners.intersection(self.delivered_by):
            return self.shared_share
        return 1.0

    def quarter_hours(self, start: int, quarters: int, partners: frozenset[str]) -> list[float]:
        """Hours per quarter (index 0 = quarter 1) when introduced in quarter ``start`` (1-based).

        Introduction hours fall in the start quarter; running hours (a quarter of the yearly
        figure per quarter) in every later quarter of the plan.
        """
        share = self.share(partners)
        hours = [0.0] * quarters
        hours[start - 1] = self.intro_hours * share
        for q in range(start, quarters):
            hours[q] = self.run_hours_per_year / 4 * share
        return hours

    def cost(self, partners: frozenset[str]) -> float:
        return self.cost_eur * self.share(partners)


class PlanProblem(FrozenInput):
    """Gaps and candidates derived from a scan (or synthetic), plus vulnerability before."""

    gaps: tuple[Gap, ...]
    candidates: tuple[Candidate, ...]
    vulnerability: dict[str, float] = Field(description="vulnerability 0-100 per process, before")
    in_place: frozenset[str] = frozenset()
    small_profile: bool = Field(
        default=False, description="the scan uses the small-municipality profile"
    )
    catalogue: frozenset[str] = Field(
        default=frozenset(),
        description="every measure id of the knowledge base: excluding one that is no candidate "
        "has no effect; empty when the problem was not built from a knowledge base",
    )

    @model_validator(mode="after")
    def _references_exist(self) -> PlanProblem:
        gap_ids = [gap.id for gap in self.gaps]
        cand_ids = [cand.id for cand in self.candidates]
        for kind, ids in (("gap", gap_ids), ("candidate", cand_ids)):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(dupes)}")
        known = set(gap_ids)
        for cand in self.candidates:
            unknown = [g for g in cand.gaps if g not in known]
            if unknown:
                raise ValueError(f"candidate {cand.id} addresses unknown gap(s) {unknown}")
        for gap in self.gaps:
            if gap.process not in self.vulnerability:
                raise ValueError(f"gap {gap.id}: process {gap.process} has no vulnerability")
        return self

    def candidate(self, measure_id: str) -> Candidate:
        for cand in self.candidates:
            if cand.id == measure_id:
                return cand
        raise KeyError(measure_id)


class PlanRequest(FrozenInput):
    """What the municipality has and wants: capacity, budget and choices."""

    hours: float = Field(ge=0, description="hours available over the whole plan")
    budget_eur: float = Field(ge=0)
    quarters: int = Field(default=4, ge=1, le=12)
    hours_per_quarter: float | None = Field(default=None, ge=0)
    partners: frozenset[str] = frozenset()
    mandatory: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    min_theme: dict[str, int] = Field(default_factory=dict)
    allow_unsuited: bool = Field(
        default=False,
        description="allow measures marked unsuited for small municipalities in a small-profile "
        "scan",
    )

    @field_validator("hours", "budget_eur", "hours_per_quarter", mode="before")
    @classmethod
    def _finite(cls, value: object, info: ValidationInfo) -> object:
        """Refuse NaN, infinity and negative numbers with a bilingual message naming the field."""
        if refused_number(value):
            raise PydanticCustomError(
                "finite_number",
                "{field}: {nl} / {en}",
                {
                    "field": info.field_name or "",
                    "nl": f"moet een eindig getal van 0 of meer zijn, geen {value}",
                    "en": f"must be a finite number of 0 or more, not {value}",
                },
            )
        return value

    @model_validator(mode="after")
    def _known_partners(self) -> PlanRequest:
        unknown = sorted(self.partners.difference(PARTNERS))
        if unknown:
            raise ValueError(f"unknown cooperation partner(s) {unknown}; known: {list(PARTNERS)}")
        if any(n < 0 for n in self.min_theme.values()):
            raise ValueError("a theme minimum cannot be negative")
        return self


class CandidateScore(Frozen):
    """A candidate measure on its own: what it would reduce, per process, and at what effort."""

    id: str
    title: str
    theme: str
    effect: EffectLevel
    gaps: list[str]
    reduction: dict[str, float] = Field(description="vulnerability points removed per process")
    value: float = Field(description="weighted reduction (the objective, measure alone)")
    hours: float = Field(description="hours over the plan when started in quarter 1")
    cost_eur: float
    value_per_hour: float


class Reason(Frozen):
    code: str
    nl: str
    en: str


class ChosenMeasure(Frozen):
    id: str
    title: str
    theme: str
    quarter: int
    hours: float
    hours_per_quarter: list[float]
    cost_eur: float
    shared: bool
    value: float = Field(description="weighted reduction this measure adds within the plan")
    value_per_hour: float
    reason: Reason


class RejectedMeasure(Frozen):
    id: str
    title: str
    value: float = Field(description="weighted reduction the measure would give on its own")
    reason: Reason


class SolverInfo(Frozen):
    """How the plan was computed: the selection MILP and the scheduling MILP.

    ``status``, ``gap``, ``variables`` and ``constraints`` describe the selection (which
    measures); ``seconds`` is both solves together. ``schedule_status`` is ``optimal``,
    ``time_limit`` or ``kept`` (the start quarters of the selection were kept).
    """

    method: str
    status: str
    seconds: float
    gap: float | None = Field(default=None, description="proven relative optimality gap")
    variables: int
    constraints: int
    selection_seconds: float | None = None
    schedule_seconds: float | None = None
    schedule_status: str | None = None


class Plan(Frozen):
    """An action plan: chosen measures by quarter, what was left out and what it buys."""

    request: PlanRequest
    chosen: list[ChosenMeasure]
    rejected: list[RejectedMeasure]
    before: dict[str, float]
    after: dict[str, float]
    greedy_after: dict[str, float] = Field(
        description="vulnerability after the greedy plan; equal to before when greedy found no "
        "plan meeting the constraints (greedy_feasible false)"
    )
    greedy_chosen: list[str] = Field(description="the greedy plan's measures; empty without one")
    objective: float
    greedy_objective: float = Field(description="the greedy plan's value; 0 without one")
    greedy_feasible: bool = Field(
        description="whether greedy found a plan meeting every constraint (mandatory measures, "
        "theme minimums); when false the greedy fields describe no plan at all"
    )
    improvement_over_greedy: float = Field(description="objective minus greedy objective")
    total_hours: float
    total_cost_eur: float
    hours_by_quarter: list[float]
    solver: SolverInfo
    framework_version: str | None = None
    scan: str | None = None
