"""Cross-reference checks over the whole knowledge base (shape is checked by the models).

Every check returns :class:`Problem` objects that name file, YAML path and line. References to
items that already failed their shape check are not reported again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from weerbaar.knowledge.awareness_checks import check_awareness
from weerbaar.knowledge.checks import check_legal, check_mirrors
from weerbaar.knowledge.errors import Problem
from weerbaar.knowledge.files import Item, RawData
from weerbaar.knowledge.models import (
    PROCESS_IDS,
    SAINT_RAISING_FACTORS,
    SMALL_MUNICIPALITY_FACTORS,
    THEME_IDS,
    Circumstance,
    Factor,
    Measure,
    Process,
    Question,
    Recommendation,
    SaintArea,
    Scale,
    SizeClass,
    Source,
    Strict,
    Theme,
)
from weerbaar.knowledge.yamlfile import Loc
from weerbaar.protected import PROTECTED_ATTRIBUTE

MIN_QUESTIONS_PER_PROCESS = 10
MIN_GENERAL_QUESTIONS = 15
GENERAL_QUESTIONS_FILE = "algemeen"
SIZE_CLASS_IDS = ("klein", "middelgroot", "groot")
SIGNAL_RULE_ID = re.compile(r"^[A-Z]{2,4}-\d{3}$")


class Checker:
    """Runs every check over one :class:`RawData` and collects the problems."""

    def __init__(
        self, raw: RawData, sbi_codes: set[str], signal_rules: Collection[str] | None = None
    ) -> None:
        self.raw = raw
        self.sbi_codes = sbi_codes
        self.signal_rules = None if signal_rules is None else set(signal_rules)
        self.problems: list[Problem] = []

    def ids(self, *models: type[Strict]) -> set[str]:
        return {item.model.id for model in models for item in self.raw.of(model)}

    def refs(self, item: Item, loc: Loc, values: Iterable[str], known: set[str], what: str) -> None:
        for index, value in enumerate(values):
            if value not in known and value not in self.raw.broken_ids:
                self.problems.append(item.problem((*loc, index), f"unknown {what} {value!r}"))

    def ref(self, item: Item, loc: Loc, value: str, known: set[str], what: str) -> None:
        if value not in known and value not in self.raw.broken_ids:
            self.problems.append(item.problem(loc, f"unknown {what} {value!r}"))

    def run(self) -> list[Problem]:
        for check in CHECKS:
            check(self)
        return self.problems


def sourced(raw: RawData) -> Iterator[tuple[Item, Loc, Any]]:
    """Every item that cites sources, including modus operandi and red flags of processes."""
    for items in raw.items.values():
        for item in items:
            if hasattr(item.model, "sources"):
                yield item, (), item.model
            if isinstance(item.model, Process):
                for index, mo in enumerate(item.model.modus_operandi):
                    yield item, ("modus_operandi", index), mo
                for index, flag in enumerate(item.model.red_flags):
                    yield item, ("red_flags", index), flag


def check_duplicates(checker: Checker) -> None:
    for items in checker.raw.items.values():
        seen: dict[str, Item] = {}
        for item in items:
            key = getattr(item.model, "id", None)
            if not isinstance(key, str):
                continue
            if key in seen:
                first = seen[key]
                where = f"{first.file.relative}:{first.file.line(first.loc)}"
                checker.problems.append(
                    item.problem(("id",), f"duplicate id {key!r} (first at {where})")
                )
            seen[key] = item
    _check_nested_duplicates(checker)


def _check_nested_duplicates(checker: Checker) -> None:
    seen: dict[str, str] = {}
    for item in checker.raw.of(Process):
        for field in ("modus_operandi", "red_flags"):
            for index, entry in enumerate(getattr(item.model, field)):
                if entry.id in seen:
                    message = f"duplicate id {entry.id!r} (also in {seen[entry.id]})"
                    checker.problems.append(item.problem((field, index, "id"), message))
                seen[entry.id] = item.file.relative


def check_sources(checker: Checker) -> None:
    known = checker.ids(Source)
    for item, loc, model in sourced(checker.raw):
        checker.refs(item, (*loc, "sources"), model.sources, known, "source")


def _require_all(
    checker: Checker, model: type[Strict], expected: Iterable[str], what: str, file: str
) -> None:
    """Every id in ``expected`` must be defined; ``file`` may contain ``{id}``."""
    present = checker.ids(model) | checker.raw.broken_ids
    for missing in sorted(set(expected) - present):
        message = f"missing {what} {missing!r}"
        checker.problems.append(Problem(file.format(id=missing), None, what, message))


def check_processes(checker: Checker) -> None:
    _require_all(checker, Process, PROCESS_IDS, "process", "processes/{id}.yaml")
    saint = checker.ids(SaintArea)
    for item in checker.raw.of(Process):
        stem = PurePosixPath(item.file.relative).stem
        if stem != item.model.id:
            message = f"process {item.model.id!r} must be in processes/{item.model.id}.yaml"
            checker.problems.append(item.problem(("id",), message))
        checker.refs(item, ("saint_areas",), item.model.saint_areas, saint, "SAINT area")
        for index, flag in enumerate(item.model.red_flags):
            _check_protected_attributes(checker, item, index)
            for rule_index, rule in enumerate(flag.signal_rules):
                loc = ("red_flags", index, "signal_rules", rule_index)
                if not SIGNAL_RULE_ID.match(rule):
                    checker.problems.append(item.problem(loc, f"malformed signal rule id {rule!r}"))
                elif checker.signal_rules is not None and rule not in checker.signal_rules:
                    message = (
                        f"signal rule {rule!r} does not exist in the rule registry; cite only "
                        "rules that exist (weerbaar signals rules)"
                    )
                    checker.problems.append(item.problem(loc, message))


def _check_protected_attributes(checker: Checker, item: Item, index: int) -> None:
    """A red flag may not single people out by nationality, origin, ethnicity or religion."""
    flag = item.model.red_flags[index]
    for field in ("title", "description"):
        for language in ("nl", "en"):
            found = PROTECTED_ATTRIBUTE.search(getattr(getattr(flag, field), language))
            if found:
                message = (
                    f"red flag refers to a protected attribute ({found.group(0)!r}); no rule may "
                    "use nationality, origin, ethnicity or religion (docs/signals/lawful-use.md)"
                )
                loc = ("red_flags", index, field, language)
                checker.problems.append(item.problem(loc, message))


def check_circumstances_and_factors(checker: Checker) -> None:
    for item in checker.raw.of(Circumstance):
        for index, sector in enumerate(item.model.sectors):
            if sector.sbi_code not in checker.sbi_codes:
                message = (
                    f"unknown SBI code {sector.sbi_code!r} (not in reference/sbi_risk_sectors.csv)"
                )
                checker.problems.append(item.problem(("sectors", index, "sbi_code"), message))
        if item.model.sectors and not item.model.sbi_version:
            checker.problems.append(item.problem(("sbi_version",), "sectors need an sbi_version"))
    groups = {
        "small_municipality": SMALL_MUNICIPALITY_FACTORS,
        "saint_raising": SAINT_RAISING_FACTORS,
    }
    for item in checker.raw.of(Factor):
        if item.model.id not in groups[item.model.group]:
            message = f"factor {item.model.id!r} is not a {item.model.group} factor"
            checker.problems.append(item.problem(("id",), message))
    _require_all(
        checker,
        Factor,
        SMALL_MUNICIPALITY_FACTORS + SAINT_RAISING_FACTORS,
        "factor",
        "factors.yaml",
    )
    _require_all(checker, Theme, THEME_IDS, "theme", "themes.yaml")
    _require_all(checker, SizeClass, SIZE_CLASS_IDS, "size class", "size_classes.yaml")
    themes = checker.ids(Theme)
    for item in checker.raw.of(Recommendation):
        checker.refs(item, ("themes",), item.model.themes, themes, "theme")


def check_measures(checker: Checker) -> None:
    processes = checker.ids(Process)
    targets = checker.ids(Circumstance, Factor)
    themes = checker.ids(Theme)
    measures = checker.ids(Measure)
    for item in checker.raw.of(Measure):
        checker.refs(item, ("processes",), item.model.processes, processes, "process")
        checker.refs(
            item, ("circumstances",), item.model.circumstances, targets, "circumstance or factor"
        )
        checker.ref(item, ("theme",), item.model.theme, themes, "theme")
        checker.refs(item, ("prerequisites",), item.model.prerequisites, measures, "measure")
    _check_cycles(checker)


def _check_cycles(checker: Checker) -> None:
    items = {item.model.id: item for item in checker.raw.of(Measure)}
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in items[node].model.prerequisites:
            if nxt not in items:
                continue
            if state.get(nxt) == 1:
                cycle = " -> ".join([*trail[trail.index(nxt) :], nxt])
                checker.problems.append(
                    items[node].problem(("prerequisites",), f"prerequisite cycle: {cycle}")
                )
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for node in sorted(items):
        if node not in state:
            visit(node, [node])


def check_questions(checker: Checker) -> None:
    processes = checker.ids(Process)
    targets = checker.ids(Circumstance, Factor)
    sizes = checker.ids(SizeClass)
    measures = checker.ids(Measure)
    scales = {item.model.id: item.model for item in checker.raw.of(Scale)}
    for item in checker.raw.of(Question):
        question: Question = item.model
        if question.process is not None:
            checker.ref(item, ("process",), question.process, processes, "process")
        _check_question_file(checker, item)
        checker.ref(item, ("target",), question.target, targets, "circumstance or factor")
        checker.ref(item, ("scale",), question.scale, set(scales), "scale")
        checker.refs(item, ("measures",), question.measures, measures, "measure")
        checker.refs(item, ("applies_to",), question.applies_to, sizes, "size class")
        scale = scales.get(question.scale)
        if (
            scale is not None
            and question.anchors is not None
            and len(question.anchors) != len(scale.levels)
        ):
            levels = len(scale.levels)
            message = f"{len(question.anchors)} anchors, but scale {scale.id!r} has {levels} levels"
            checker.problems.append(item.problem(("anchors",), message))


def _check_question_file(checker: Checker, item: Item) -> None:
    """`questions/<process>.yaml` holds that process's questions; `algemeen.yaml` the general."""
    stem = PurePosixPath(item.file.relative).stem
    expected = None if stem == GENERAL_QUESTIONS_FILE else stem
    if item.model.process != expected:
        where = (
            f"{GENERAL_QUESTIONS_FILE}.yaml"
            if item.model.process is None
            else f"{item.model.process}.yaml"
        )
        message = f"question of process {item.model.process!r} belongs in questions/{where}"
        checker.problems.append(item.problem(("process",), message))


def check_coverage(checker: Checker) -> None:
    questions = checker.raw.of(Question)
    addressed = {measure for item in questions for measure in item.model.measures}
    for item in checker.raw.of(Measure):
        if item.model.id not in addressed:
            message = f"orphan measure {item.model.id!r}: no question refers to it"
            checker.problems.append(item.problem(("id",), message))
    for process in PROCESS_IDS:
        count = sum(1 for item in questions if item.model.process == process)
        if count < MIN_QUESTIONS_PER_PROCESS:
            needed = MIN_QUESTIONS_PER_PROCESS
            message = f"process {process!r} has {count} questions, at least {needed} needed"
            checker.problems.append(
                Problem(f"questions/{process}.yaml", None, "questions", message)
            )
    general = sum(1 for item in questions if item.model.process is None)
    if general < MIN_GENERAL_QUESTIONS:
        message = (
            f"{general} general questions (process: null), at least {MIN_GENERAL_QUESTIONS} needed"
        )
        checker.problems.append(Problem("questions/algemeen.yaml", None, "questions", message))


CHECKS: tuple[Callable[[Checker], None], ...] = (
    check_duplicates,
    check_sources,
    check_processes,
    check_circumstances_and_factors,
    check_measures,
    check_questions,
    check_coverage,
    check_legal,
    check_mirrors,
    check_awareness,
)


def cross_check(
    raw: RawData, sbi_codes: set[str], signal_rules: Collection[str] | None = None
) -> list[Problem]:
    """All cross-reference problems of ``raw`` (empty when the knowledge base is consistent).

    ``signal_rules``: the ids of the signal rule registry. The knowledge base does not import the
    signals engine (they are the same floor), so a caller that has both (``weerbaar knowledge
    validate``, the tests) passes the ids; red flags citing any other id are refused. Without it
    only the id pattern is checked.
    """
    return Checker(raw, sbi_codes, signal_rules).run()
