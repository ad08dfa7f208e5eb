"""What a question looks like on screen: its levels in words, the stored answer, the part."""

from __future__ import annotations

from dataclasses import dataclass, field

from weerbaar.knowledge.models import Framework, Question, Text
from weerbaar.web.knowledgebase.framework import GENERAL, framework, framework_for, question_parts
from weerbaar.web.scans.models import Answer, Respondent, Scan

DONT_KNOW = "weet-niet"


@dataclass(frozen=True)
class Level:
    value: str
    label: Text
    description: Text


@dataclass
class QuestionView:
    question: Question
    number: int
    levels: list[Level]
    answer: Answer | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def chosen(self) -> str:
        """The radio value of the stored answer: a level, ``weet-niet`` or "" (unanswered)."""
        if self.answer is None:
            return ""
        return DONT_KNOW if self.answer.value is None else str(self.answer.value)

    @property
    def field_prefix(self) -> str:
        return f"q-{self.question.id}"


def levels_for(question: Question, fw: Framework | None = None) -> list[Level]:
    scale = (fw or framework()).scales[question.scale]
    anchors = question.anchors or []
    return [
        Level(
            value=str(level.value),
            label=level.label,
            description=anchors[i] if i < len(anchors) else level.description,
        )
        for i, level in enumerate(scale.levels)
    ]


def parts_for(scan: Scan, respondent: Respondent | None) -> dict[str, list[Question]]:
    """The parts (processes + general) this respondent (or the consensus) answers."""
    parts = question_parts(scan.municipality_id, framework_for(scan.framework_version))
    if respondent is None:
        return parts
    return {part: qs for part, qs in parts.items() if part in respondent.processes}


def question_views(
    scan: Scan, respondent: Respondent | None, questions: list[Question]
) -> list[QuestionView]:
    stored = {
        a.question_id: a
        for a in Answer.objects.filter(
            scan=scan, respondent=respondent, question_id__in=[q.id for q in questions]
        )
    }
    fw = framework_for(scan.framework_version)
    return [
        QuestionView(question=q, number=i, levels=levels_for(q, fw), answer=stored.get(q.id))
        for i, q in enumerate(questions, start=1)
    ]


def part_progress(
    scan: Scan, respondent: Respondent | None, parts: dict[str, list[Question]]
) -> list[dict[str, object]]:
    """Per part: id, answered and total, for the progress overview."""
    answered = set(
        Answer.objects.filter(scan=scan, respondent=respondent).values_list(
            "question_id", flat=True
        )
    )
    return [
        {
            "part": part,
            "answered": sum(1 for q in qs if q.id in answered),
            "total": len(qs),
        }
        for part, qs in parts.items()
    ]


def part_name(part: str) -> str:
    """The name of a questionnaire part in the page language (a process name or "Algemeen").

    Always text: a knowledge-base ``Text`` printed as it is showed ``nl='…' en='…'``.
    """
    from weerbaar.web.knowledgebase.labels import PART_LABELS, language

    if part == GENERAL:
        return str(PART_LABELS[GENERAL])
    process = framework().processes.get(part)
    return process.name.get(language()) if process is not None else part
