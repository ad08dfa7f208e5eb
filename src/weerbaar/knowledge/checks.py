"""Content checks beyond references: legal duties, law citations, scales, anchors, mirrors.

Each check takes the :class:`~weerbaar.knowledge.validation.Checker` and adds problems naming
file, YAML path and line. The rules (see docs/adr/0001-knowledge-format.md and
docs/action-plan.md):

- a legal duty (``legal_duty: true``) names its ``legal_basis`` and the ``duty_question`` whose
  answer shows whether it is met; that question lists the measure;
- every ``legal_basis`` cites a source that is primary law (``law:`` a BWB or CELEX id);
- a measure that ``verifies_controls`` is detective;
- a control question of section ``cultuur`` uses a culture scale, no other question does;
- every question has its own anchors, one per level of its scale;
- an item citing a mirror (a secondary copy) also cites an original source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from weerbaar.knowledge.files import Item
from weerbaar.knowledge.models import Measure, Question, Scale, Source

if TYPE_CHECKING:
    from weerbaar.knowledge.validation import Checker

CULTURE_SECTION = "cultuur"


def check_legal(checker: Checker) -> None:
    laws = {item.model.id for item in checker.raw.of(Source) if item.model.law is not None}
    sources = {item.model.id for item in checker.raw.of(Source)}
    questions = {item.model.id: item.model for item in checker.raw.of(Question)}
    for item in checker.raw.of(Measure):
        measure: Measure = item.model
        for index, basis in enumerate(measure.legal_basis):
            if basis.law not in laws and basis.law in sources:
                message = f"legal_basis cites {basis.law!r}, which is not primary law (no law id)"
                checker.problems.append(item.problem(("legal_basis", index, "law"), message))
            elif basis.law not in sources:
                checker.ref(item, ("legal_basis", index, "law"), basis.law, laws, "law")
        if measure.legal_duty and not measure.legal_basis:
            message = "a legal duty needs a legal_basis (law, article, who is bound)"
            checker.problems.append(item.problem(("legal_duty",), message))
        if measure.legal_duty and measure.duty_question is None:
            message = "a legal duty needs a duty_question (the answer that shows it is met)"
            checker.problems.append(item.problem(("legal_duty",), message))
        if measure.duty_question is not None:
            _check_duty_question(checker, item, measure, questions)
        if measure.verifies_controls and measure.type != "detective":
            message = "a measure that verifies controls is detective"
            checker.problems.append(item.problem(("verifies_controls",), message))


def _check_duty_question(
    checker: Checker, item: Item, measure: Measure, questions: dict[str, Question]
) -> None:
    question = questions.get(measure.duty_question or "")
    where = item.problem
    if question is None:
        if measure.duty_question not in checker.raw.broken_ids:
            message = f"unknown question {measure.duty_question!r}"
            checker.problems.append(where(("duty_question",), message))
        return
    if not measure.legal_duty:
        checker.problems.append(where(("duty_question",), "duty_question without legal_duty"))
    if measure.id not in question.measures:
        message = f"question {question.id} does not list {measure.id} among its measures"
        checker.problems.append(where(("duty_question",), message))
    if question.kind != "control":
        checker.problems.append(where(("duty_question",), "a duty_question is a control question"))


def check_scales_and_anchors(checker: Checker) -> None:
    scales = {item.model.id: item.model for item in checker.raw.of(Scale)}
    for item in checker.raw.of(Question):
        question: Question = item.model
        scale = scales.get(question.scale)
        if scale is None:
            continue  # an unknown scale is reported by check_questions
        culture_question = question.section == CULTURE_SECTION and question.kind == "control"
        if culture_question and not scale.culture:
            message = f"a culture question uses a culture scale, not {scale.id!r}"
            checker.problems.append(item.problem(("scale",), message))
        if scale.culture and not culture_question:
            message = f"culture scale {scale.id!r} is only for control questions of section cultuur"
            checker.problems.append(item.problem(("scale",), message))
        if question.anchors is None:
            message = "no anchors: describe every level of the scale for this question"
            checker.problems.append(item.problem(("anchors",), message))


def check_mirrors(checker: Checker) -> None:
    from weerbaar.knowledge.validation import sourced

    mirrors = {item.model.id for item in checker.raw.of(Source) if item.model.mirror}
    if not mirrors:
        return
    for item, loc, model in sourced(checker.raw):
        cited = list(model.sources)
        if cited and all(source in mirrors for source in cited):
            message = (
                f"cites only mirror source(s) {cited}: also cite the original (a publisher's or "
                "official address)"
            )
            checker.problems.append(item.problem((*loc, "sources"), message))
