"""Typed model of the awareness kit's content: dilemma cards, short lessons and the pulse.

The data lives under ``knowledge/data/awareness/`` (one YAML file per topic for the cards, one
per process for the lessons, ``pulse.yaml`` and ``function_groups.yaml``) and loads into these
models like every other part of the knowledge base. Shape is checked here; references to
processes, red flags, measures, questions, sources and function groups are checked by
:mod:`weerbaar.knowledge.awareness_checks`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from weerbaar.knowledge.models import Framework, Id, Sourced, Strict, Text

OptionId = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]
# A card's topic: one of the eight processes, or office-holders, or general integrity.
CARD_TOPICS: tuple[str, ...] = (
    "financien",
    "inkoop",
    "subsidies",
    "reisdocumenten",
    "vergunningen",
    "informatie",
    "brp",
    "toezicht",
    "bestuur",
    "integriteit",
)
MIN_CARDS_PER_TOPIC = 5
MIN_CARDS = 40
PULSE_QUESTIONS = 5


class FunctionGroup(Strict):
    """A group of functions a card speaks to (front desk, permits, the college, ...)."""

    id: Id
    name: Text


class DilemmaOption(Strict):
    """One answer a participant can vote for; ``id`` is a letter (a, b, c, d)."""

    id: OptionId
    text: Text


class Dilemma(Sourced):
    """A dilemma card: a realistic situation, a question, 2-4 options and discussion points.

    ``process`` is the vulnerable process (None for cards about office-holders or general
    integrity; ``topic`` then says which). ``red_flags``, ``measures`` and ``questions`` are the
    relevant rules and measures shown after the vote, and the scan questions on which a session
    that discussed the card counts as evidence.
    """

    id: Id
    topic: Id
    process: Id | None = None
    function_groups: list[Id] = Field(min_length=1)
    title: Text
    situation: Text
    question: Text
    options: list[DilemmaOption] = Field(min_length=2, max_length=4)
    discussion: list[Text] = Field(min_length=2, description="points for the conversation")
    red_flags: list[Id] = Field(default_factory=list)
    measures: list[Id] = Field(default_factory=list)
    questions: list[Id] = Field(default_factory=list, description="scan questions it evidences")

    @model_validator(mode="after")
    def _consistent(self) -> Dilemma:
        letters = [option.id for option in self.options]
        if letters != [chr(ord("a") + i) for i in range(len(letters))]:
            raise ValueError(f"options must be lettered a, b, c, ... in order, got {letters}")
        if self.process is not None and self.topic != self.process:
            raise ValueError(f"topic {self.topic!r} must equal process {self.process!r}")
        if self.process is None and self.topic not in ("bestuur", "integriteit"):
            raise ValueError("a card without a process must have topic bestuur or integriteit")
        return self


class CheckQuestion(Strict):
    """A multiple-choice question of a lesson's check; ``answer`` is the correct option."""

    id: Id
    text: Text
    options: list[DilemmaOption] = Field(min_length=2, max_length=4)
    answer: OptionId
    explanation: Text

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> CheckQuestion:
        if self.answer not in {option.id for option in self.options}:
            raise ValueError(f"answer {self.answer!r} is not one of the options")
        return self


class Lesson(Sourced):
    """A five-minute lesson on one process: what goes wrong, three red flags, what to do."""

    id: Id
    process: Id
    title: Text
    minutes: int = Field(ge=1, le=10)
    what_goes_wrong: Text
    red_flags: list[Text] = Field(min_length=3, max_length=3)
    what_to_do: Text
    whom_to_tell: Text
    check: list[CheckQuestion] = Field(min_length=3, max_length=3)
    questions: list[Id] = Field(default_factory=list, description="scan questions it evidences")


class PulseQuestion(Strict):
    """A pulse statement answered on a 1-5 agreement scale (5 = fully agree, the good end)."""

    id: Id
    text: Text
    questions: list[Id] = Field(default_factory=list, description="scan questions it evidences")


class Pulse(Sourced):
    """The repeatable awareness pulse: five statements, one scale."""

    id: Id
    title: Text
    intro: Text
    scale: list[Text] = Field(min_length=5, max_length=5, description="labels of 1..5")
    statements: list[PulseQuestion] = Field(min_length=PULSE_QUESTIONS, max_length=PULSE_QUESTIONS)


# Framework names these models; it is completed here, where they exist (models.py cannot import
# this module, which builds on its base classes). The package imports this module on load.
Framework.model_rebuild(
    _types_namespace={
        "FunctionGroup": FunctionGroup,
        "Dilemma": Dilemma,
        "Lesson": Lesson,
        "Pulse": Pulse,
    }
)
