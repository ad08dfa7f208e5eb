"""Grading a lesson's three-question check.

A lesson counts as completed when every question of its check is answered correctly; the
participant sees which answers were wrong and why, and may try again. Only the completion is
counted (per department), never who took the lesson or what they answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from weerbaar.knowledge.awareness import Lesson


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    chosen: str | None
    correct: bool


@dataclass(frozen=True)
class CheckResult:
    results: tuple[QuestionResult, ...]

    @property
    def correct(self) -> int:
        return sum(result.correct for result in self.results)

    @property
    def passed(self) -> bool:
        return self.correct == len(self.results)


def grade(lesson: Lesson, answers: dict[str, str]) -> CheckResult:
    """Grade ``answers`` (question id -> option letter); unanswered questions are wrong."""
    results = []
    for question in lesson.check:
        chosen = answers.get(question.id)
        results.append(QuestionResult(question.id, chosen, chosen == question.answer))
    return CheckResult(tuple(results))
