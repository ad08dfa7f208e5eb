"""Typed model of the weerbaar framework (the knowledge base).

Every YAML file under ``knowledge/data/`` loads into these pydantic models. Dutch is the source
language; every user-facing text carries an English translation as well (:class:`Text`).
The models check the shape of single items; cross-references between files (unknown ids,
orphans, missing sources) are checked by :mod:`weerbaar.knowledge.validation`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from weerbaar.knowledge.errors import UnknownMunicipalityError

if TYPE_CHECKING:
    from weerbaar.knowledge.awareness import Dilemma, FunctionGroup, Lesson, Pulse

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", min_length=1)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
LawId = Annotated[str, StringConstraints(pattern=r"^(BWBR\d{7}|CELEX:\d{5}[A-Z]\d{4})$")]
"""A primary-law identifier: a BWB id of wetten.overheid.nl (``BWBR0005416``, the Gemeentewet)
or an EUR-Lex CELEX number (``CELEX:32016R0679``, the GDPR)."""

PROCESS_IDS: tuple[str, ...] = (
    "financien",
    "inkoop",
    "subsidies",
    "reisdocumenten",
    "vergunningen",
    "informatie",
    "brp",
    "toezicht",
)
INTERNAL_CIRCUMSTANCES: tuple[str, ...] = ("functies", "personen", "werkwijze")
EXTERNAL_CIRCUMSTANCES: tuple[str, ...] = ("risicolocaties", "risicobranches")
SMALL_MUNICIPALITY_FACTORS: tuple[str, ...] = ("beleid", "organisatie", "cultuur")
SAINT_RAISING_FACTORS: tuple[str, ...] = (
    "complexiteit",
    "verandering",
    "management",
    "personeel",
    "probleemhistorie",
)
THEME_IDS: tuple[str, ...] = ("kennis", "bewustzijn", "ondersteuning", "instrumenten")


class Strict(BaseModel):
    """Base for all knowledge models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A user-facing text in Dutch (source language) and English."""

    nl: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    en: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


class Sourced(Strict):
    """An item that cites at least one source from ``sources.yaml``."""

    sources: list[SourceId] = Field(min_length=1)


class Source(Strict):
    id: SourceId
    title: str
    publisher: str
    year: int | None = Field(default=None, ge=1900, le=2100)
    address: str = Field(pattern=r"^https?://")
    law: LawId | None = Field(
        default=None,
        description="set for primary law: its wetten.overheid.nl (BWB) or EUR-Lex (CELEX) "
        "identifier; the address must then point at that official text",
    )
    mirror: bool = Field(
        default=False,
        description="a secondary copy of a document (a document-sharing site, a slide mirror): "
        "an item citing it must also cite an original source",
    )

    @model_validator(mode="after")
    def _law_address_matches(self) -> Source:
        """A law's address is its official text: wetten.overheid.nl/<BWB id> or EUR-Lex."""
        if self.law is None:
            return self
        if self.law.startswith("CELEX:"):
            official = self.address.startswith("https://eur-lex.europa.eu/")
            expected = "an EUR-Lex address (https://eur-lex.europa.eu/...)"
        else:
            official = self.address.startswith(f"https://wetten.overheid.nl/{self.law}")
            expected = f"https://wetten.overheid.nl/{self.law}"
        if not official:
            raise ValueError(f"the address of law {self.law} must be {expected}")
        return self


class Indicator(Strict):
    """A concrete, observable sign that a circumstance or factor is present."""

    id: Id
    text: Text


class Deliverer(StrEnum):
    GEMEENTE = "gemeente"
    BUURGEMEENTE = "buurgemeente"
    RIEC = "riec"
    PROVINCIE = "provincie"
    RIJK = "rijk"


class Dataset(StrEnum):
    """Municipal data exports a red flag can be detected in (see the signals engine)."""

    PAYMENTS = "payments"
    CREDITORS = "creditors"
    CREDITOR_CHANGES = "creditor_changes"
    ORDERS = "orders"
    OCDS = "ocds"
    SUBSIDIES = "subsidies"
    PERMITS = "permits"
    BRP = "brp"
    TRAVEL_DOCUMENTS = "travel_documents"
    ACCESS_LOGS = "access_logs"
    INSPECTIONS = "inspections"
    HR = "hr"


class SaintArea(Sourced):
    """An inherently vulnerable area of the SAINT self-assessment (Algemene Rekenkamer)."""

    id: Id
    name: Text
    description: Text


class ModusOperandi(Sourced):
    id: Id
    title: Text
    description: Text


class RedFlag(Sourced):
    id: Id
    title: Text
    description: Text
    detectable_in_data: bool
    datasets: list[Dataset] = Field(default_factory=list)
    signal_rules: list[str] = Field(
        default_factory=list, description="signal rule ids, e.g. FIN-001"
    )

    @model_validator(mode="after")
    def _datasets_match_detectability(self) -> RedFlag:
        if self.detectable_in_data and not self.datasets:
            raise ValueError("a red flag detectable in data must name at least one dataset")
        if not self.detectable_in_data and (self.datasets or self.signal_rules):
            raise ValueError("a red flag not detectable in data cannot name datasets or rules")
        return self


class Process(Sourced):
    id: Literal[
        "financien",
        "inkoop",
        "subsidies",
        "reisdocumenten",
        "vergunningen",
        "informatie",
        "brp",
        "toezicht",
    ]
    name: Text
    description: Text
    at_stake: Text
    saint_areas: list[Id] = Field(min_length=1)
    modus_operandi: list[ModusOperandi] = Field(min_length=3)
    red_flags: list[RedFlag] = Field(min_length=5)


class RiskSector(Strict):
    """A business sector named as a risk, by SBI code (see ``reference/sbi_risk_sectors.csv``)."""

    sbi_code: Annotated[str, StringConstraints(pattern=r"^\d{2,5}$")]
    note: Text | None = None


class Circumstance(Sourced):
    id: Literal["functies", "personen", "werkwijze", "risicolocaties", "risicobranches"]
    kind: Literal["internal", "external"]
    name: Text
    description: Text
    indicators: list[Indicator] = Field(min_length=2)
    sbi_version: str | None = None
    sectors: list[RiskSector] = Field(default_factory=list)


class Factor(Sourced):
    """A small-municipality factor (policy, organisation, culture) or a SAINT raising factor."""

    id: Id
    group: Literal["small_municipality", "saint_raising"]
    name: Text
    description: Text
    indicators: list[Indicator] = Field(min_length=2)


class Theme(Sourced):
    id: Literal["kennis", "bewustzijn", "ondersteuning", "instrumenten"]
    name: Text
    description: Text


class Recommendation(Sourced):
    id: Id
    number: int = Field(ge=1, le=5)
    title: Text
    description: Text
    themes: list[Id] = Field(default_factory=list)


class SizeClass(Sourced):
    """Municipality size class by population; selects the small-municipality profile."""

    id: Id
    name: Text
    min_population: int = Field(ge=0)
    max_population: int | None = Field(default=None, description="exclusive upper bound")
    small_profile: bool


class LegalBasis(Strict):
    """A provision of primary law that a measure carries out or rests on."""

    law: SourceId = Field(description="a source with a law identifier (sources.yaml)")
    article: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)] = Field(
        description="the article, as the law numbers it: '4, derde lid', '2.39', '33'"
    )
    bound: Text = Field(description="who the provision binds or empowers")
    summary: Text = Field(description="what the provision requires or allows, in one sentence")


class Measure(Sourced):
    id: Id
    title: Text
    description: Text
    processes: list[Id] = Field(min_length=1)
    circumstances: list[Id] = Field(default_factory=list, description="circumstance or factor ids")
    theme: Id
    type: Literal["preventive", "detective", "corrective"]
    effort_intro_hours: float = Field(ge=0)
    effort_run_hours_per_year: float = Field(ge=0)
    cost_eur: float = Field(ge=0)
    delivered_by: list[Deliverer] = Field(min_length=1)
    shared_share: float | None = Field(
        default=None,
        gt=0,
        le=1,
        description="share of hours and cost borne by the municipality when delivered jointly "
        "with a neighbouring municipality or the RIEC",
    )
    small_municipality: bool
    effect: Literal["laag", "middel", "hoog"]
    effect_description: Text
    prerequisites: list[Id] = Field(default_factory=list)
    legal_duty: bool = Field(
        default=False,
        description="the law obliges the municipality to have this measure (wettelijke plicht); "
        "it then needs a legal_basis and a duty_question",
    )
    legal_basis: list[LegalBasis] = Field(
        default_factory=list, description="the law the measure carries out or rests on"
    )
    duty_question: Id | None = Field(
        default=None,
        description="for a legal duty: the question whose answer shows whether the duty is met; "
        "an answer below 'exists' (or 'weet niet') means the duty is missing",
    )
    foundation: bool = Field(
        default=False,
        description="a basic control of its processes (de basis op orde): trainings and "
        "awareness measures on a process wait for it (see docs/action-plan.md)",
    )
    verifies_controls: bool = Field(
        default=False,
        description="tests whether existing controls work: addresses every weak control answer "
        "at 'exists' or above in its processes (the step towards 'effective')",
    )


class ScaleLevel(Strict):
    value: int = Field(ge=0)
    label: Text
    description: Text


class Scale(Sourced):
    """An anchored answer scale: every level described in words. "Weet niet" is always allowed."""

    id: Id
    name: Text
    direction: Literal["maturity", "exposure"] = Field(
        description="maturity: higher is more resilient; exposure: higher is more exposed"
    )
    culture: bool = Field(
        default=False,
        description="describes how widely a behaviour or conviction is shared (for culture "
        "questions), not whether a control exists and works",
    )
    levels: list[ScaleLevel] = Field(min_length=2)

    @field_validator("levels")
    @classmethod
    def _levels_are_consecutive(cls, levels: list[ScaleLevel]) -> list[ScaleLevel]:
        values = [level.value for level in levels]
        if values != list(range(len(values))):
            raise ValueError(f"level values must be 0..{len(values) - 1} in order, got {values}")
        return levels

    @property
    def max_value(self) -> int:
        return self.levels[-1].value


class Question(Strict):
    id: Id
    process: Id | None = Field(default=None, description="None for a general question")
    section: Literal["proces", "beleid", "organisatie", "cultuur", "extern"] = "proces"
    kind: Literal["control", "exposure"]
    target: Id = Field(description="the circumstance or factor id this question measures")
    short: Text = Field(
        description="short title (a few words) shown wherever the question is named, instead of "
        "its id: explanations, plans, reports, the command line"
    )
    text: Text
    help: Text | None = None
    scale: Id
    anchors: list[Text] | None = Field(
        default=None, description="question-specific description per level, overrides the scale's"
    )
    weight: float = Field(default=1.0, gt=0, le=5)
    applies_to: list[Id] = Field(
        default_factory=list, description="size class ids; empty means every size class"
    )
    small_weight: float = Field(
        default=1.0,
        gt=0,
        le=5,
        description="weight multiplier under the small-municipality profile",
    )
    measures: list[Id] = Field(min_length=1, description="measures that address a weak answer")
    establishes: list[Id] = Field(
        default_factory=list,
        description="the measures among `measures` that put this control itself in place: once "
        "the answer is 'exists' or better they are present and no longer proposed for it",
    )

    @model_validator(mode="after")
    def _establishes_listed_measures(self) -> Question:
        unlisted = [mid for mid in self.establishes if mid not in self.measures]
        if unlisted:
            raise ValueError(f"establishes names measures not in measures: {unlisted}")
        if self.kind == "exposure" and self.establishes:
            raise ValueError("an exposure question establishes no control")
        return self


class FrameworkInfo(Strict):
    """Contents of ``framework.yaml``: the framework's semantic version and release notes."""

    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    released: str
    title: Text
    changes: list[Text] = Field(default_factory=list)


class Municipality(Strict):
    code: Annotated[str, StringConstraints(pattern=r"^GM\d{4}$")]
    name: str
    province: str
    population: int = Field(ge=0)
    riec_region: str
    size_class: Id
    demo: bool = False


class Framework(Strict):
    """The whole knowledge base, loaded and cross-checked."""

    info: FrameworkInfo
    content_hash: str
    sources: dict[str, Source]
    saint_areas: dict[str, SaintArea]
    processes: dict[str, Process]
    circumstances: dict[str, Circumstance]
    factors: dict[str, Factor]
    themes: dict[str, Theme]
    recommendations: dict[str, Recommendation]
    size_classes: dict[str, SizeClass]
    scales: dict[str, Scale]
    measures: dict[str, Measure]
    questions: dict[str, Question]
    municipalities: dict[str, Municipality]
    fictional_municipalities: dict[str, Municipality] = Field(
        default_factory=dict,
        description="fictional municipalities for demos and tests (GM9999), never exported "
        "or counted with the real ones",
    )
    # The awareness kit, modelled in knowledge/awareness.py (which completes this model with
    # ``Framework.model_rebuild`` on import); empty in snapshots made before the kit existed.
    function_groups: dict[str, FunctionGroup] = Field(default_factory=dict)
    dilemmas: dict[str, Dilemma] = Field(default_factory=dict)
    lessons: dict[str, Lesson] = Field(default_factory=dict)
    pulse: Pulse | None = None

    @property
    def version(self) -> str:
        """Semantic version plus content hash, e.g. ``1.0.0+3fa9c2d1e0b4``."""
        return f"{self.info.version}+{self.content_hash[:12]}"

    def find_municipality(self, code: str) -> Municipality:
        """One of the 342 municipalities or a fictional one (GM9999); UnknownMunicipalityError
        else."""
        found = self.municipalities.get(code) or self.fictional_municipalities.get(code)
        if found is None:
            raise UnknownMunicipalityError(code)
        return found

    def questions_for(self, process: str | None) -> list[Question]:
        """The questions of one process (``None``: the general questions), in file order."""
        return [question for question in self.questions.values() if question.process == process]

    def measures_for(self, process: str) -> list[Measure]:
        """The measures that strengthen ``process``."""
        return [measure for measure in self.measures.values() if process in measure.processes]

    def red_flags_all(self) -> list[RedFlag]:
        """Every red flag of every process."""
        return [flag for process in self.processes.values() for flag in process.red_flags]

    def red_flag(self, flag_id: str) -> tuple[Process, RedFlag]:
        """A red flag and its process, by red-flag id; KeyError if unknown."""
        for process in self.processes.values():
            for flag in process.red_flags:
                if flag.id == flag_id:
                    return process, flag
        raise KeyError(f"unknown red flag {flag_id!r}")
