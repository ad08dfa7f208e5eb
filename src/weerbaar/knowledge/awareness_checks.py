"""Cross-reference checks for the awareness kit's content (cards, lessons, pulse).

Sources are checked with the rest of the knowledge base (every model with ``sources``); here the
references to processes, red flags, measures, scan questions and function groups, the file each
item belongs in, and the coverage the kit promises: at least 40 cards, at least 5 per process
and 5 each for office-holders and general integrity, one lesson per process, one pulse.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from weerbaar.knowledge.awareness import (
    CARD_TOPICS,
    MIN_CARDS,
    MIN_CARDS_PER_TOPIC,
    Dilemma,
    FunctionGroup,
    Lesson,
    Pulse,
)
from weerbaar.knowledge.errors import Problem
from weerbaar.knowledge.models import PROCESS_IDS, Measure, Process, Question

if TYPE_CHECKING:
    from weerbaar.knowledge.files import Item
    from weerbaar.knowledge.validation import Checker


def _red_flag_ids(checker: Checker) -> set[str]:
    return {flag.id for item in checker.raw.of(Process) for flag in item.model.red_flags}


def _check_links(checker: Checker, item: Item, known: dict[str, set[str]]) -> None:
    """A card's ``red_flags``, ``measures`` and ``questions`` (a lesson's questions) exist."""
    model = item.model
    if isinstance(model, Dilemma):  # a lesson's red flags are its own texts
        checker.refs(item, ("red_flags",), model.red_flags, known["red_flags"], "red flag")
        checker.refs(item, ("measures",), model.measures, known["measures"], "measure")
    checker.refs(item, ("questions",), model.questions, known["questions"], "scan question")


def _known(checker: Checker) -> dict[str, set[str]]:
    return {
        "processes": checker.ids(Process),
        "red_flags": _red_flag_ids(checker),
        "measures": checker.ids(Measure),
        "questions": checker.ids(Question),
        "function_groups": checker.ids(FunctionGroup),
    }


def _in_file(checker: Checker, item: Item, expected: str, what: str) -> None:
    stem = PurePosixPath(item.file.relative).stem
    if stem != expected:
        folder = PurePosixPath(item.file.relative).parent
        message = f"{what} {item.model.id!r} belongs in {folder}/{expected}.yaml"
        checker.problems.append(item.problem(("id",), message))


def check_dilemmas(checker: Checker) -> None:
    known = _known(checker)
    counts = dict.fromkeys(CARD_TOPICS, 0)
    for item in checker.raw.of(Dilemma):
        card: Dilemma = item.model
        if card.topic not in counts:
            message = f"unknown topic {card.topic!r}; use one of {', '.join(CARD_TOPICS)}"
            checker.problems.append(item.problem(("topic",), message))
        else:
            counts[card.topic] += 1
            _in_file(checker, item, card.topic, "card")
        if card.process is not None:
            checker.ref(item, ("process",), card.process, known["processes"], "process")
        groups = known["function_groups"]
        checker.refs(item, ("function_groups",), card.function_groups, groups, "function group")
        _check_links(checker, item, known)
    for topic, count in counts.items():
        if count < MIN_CARDS_PER_TOPIC:
            message = f"topic {topic!r} has {count} cards, at least {MIN_CARDS_PER_TOPIC} needed"
            checker.problems.append(
                Problem(f"awareness/dilemmas/{topic}.yaml", None, "dilemmas", message)
            )
    total = sum(counts.values())
    if total < MIN_CARDS:
        message = f"{total} dilemma cards, at least {MIN_CARDS} needed"
        checker.problems.append(Problem("awareness/dilemmas", None, "dilemmas", message))


def check_lessons(checker: Checker) -> None:
    known = _known(checker)
    covered: set[str] = set()
    for item in checker.raw.of(Lesson):
        lesson: Lesson = item.model
        checker.ref(item, ("process",), lesson.process, known["processes"], "process")
        _in_file(checker, item, lesson.process, "lesson")
        if lesson.id != f"les-{lesson.process}":
            message = f"lesson of {lesson.process!r} must have id 'les-{lesson.process}'"
            checker.problems.append(item.problem(("id",), message))
        covered.add(lesson.process)
        _check_links(checker, item, known)
        if len({question.id for question in lesson.check}) != len(lesson.check):
            checker.problems.append(item.problem(("check",), "check question ids must differ"))
    for process in sorted(set(PROCESS_IDS) - covered - checker.raw.broken_ids):
        message = f"missing lesson for process {process!r}"
        checker.problems.append(Problem(f"awareness/lessons/{process}.yaml", None, "", message))


def check_pulse(checker: Checker) -> None:
    items = checker.raw.of(Pulse)
    if len(items) > 1:
        checker.problems.append(items[1].problem(("id",), "only one pulse may be defined"))
    known = _known(checker)["questions"]
    for item in items:
        ids = [statement.id for statement in item.model.statements]
        if len(set(ids)) != len(ids):
            checker.problems.append(item.problem(("statements",), "statement ids must differ"))
        for index, statement in enumerate(item.model.statements):
            loc = ("statements", index, "questions")
            checker.refs(item, loc, statement.questions, known, "scan question")


def check_awareness(checker: Checker) -> None:
    """All awareness checks (registered in :data:`weerbaar.knowledge.validation.CHECKS`)."""
    check_dilemmas(checker)
    check_lessons(checker)
    check_pulse(checker)
