"""Checks a scan against the framework it was answered against; collects every problem."""

from __future__ import annotations

from collections import Counter

from weerbaar.knowledge.models import Framework
from weerbaar.scan.errors import ScanProblem
from weerbaar.scan.models import Scan


def scan_problems(scan: Scan, framework: Framework) -> list[ScanProblem]:
    """Every way ``scan`` does not fit ``framework``; an empty list means it fits."""
    problems: list[ScanProblem] = []
    declared = set(scan.respondents)
    seen = Counter((answer.question_id, answer.respondent) for answer in scan.answers)
    for index, answer in enumerate(scan.answers):
        where = f"answers[{index}]"
        qid, who = answer.question_id, answer.respondent
        question = framework.questions.get(qid)
        if question is None:
            problems.append(ScanProblem("unknown question id", qid, who, where))
        elif answer.value is not None:
            scale = framework.scales.get(question.scale)
            if scale is not None and answer.value > scale.max_value:
                problems.append(
                    ScanProblem(
                        f"value {answer.value} outside scale '{scale.id}' (0..{scale.max_value})",
                        qid,
                        who,
                        where,
                    )
                )
        if scan.mode == "workshop" and who is not None:
            problems.append(ScanProblem("a workshop answer has no respondent", qid, who, where))
        if scan.mode == "survey":
            if who is None:
                problems.append(ScanProblem("a survey answer needs a respondent", qid, None, where))
            elif who not in declared:
                problems.append(ScanProblem("respondent not declared", qid, who, where))
        if seen[(qid, who)] > 1:
            problems.append(ScanProblem("duplicate answer", qid, who, where))
    return problems
