"""Summaries over a scored scan: heatmap rows, circumstance categories, top, disagreements,
and the weak answers the action plan starts from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction

from weerbaar.knowledge.models import Framework, Question
from weerbaar.scan import explain
from weerbaar.scan.models import (
    CategoryScore,
    Disagreement,
    ProcessScore,
    Scan,
    ScanResult,
    TopVulnerability,
    WeakAnswer,
)
from weerbaar.scan.scoring import (
    DISAGREEMENT_FLAG,
    QuestionStats,
    fraction_to_float,
    weighted_mean,
)

TOP_COUNT = 5
WEAK_THRESHOLD = 0.5


@dataclass(frozen=True)
class ScoredQuestion:
    """One question with its effective weight and aggregated answers."""

    question: Question
    weight: Fraction
    stats: QuestionStats
    scale_max: int


def heat_row(score: ProcessScore) -> dict[str, int]:
    row: dict[str, int] = defaultdict(int)
    for contribution in score.contributions:
        row[contribution.target] += round(contribution.points * 10)
    return dict(row)


def _group(framework: Framework, target: str) -> str:
    if target in framework.circumstances:
        return framework.circumstances[target].kind
    if target in framework.factors:
        return framework.factors[target].group
    return "other"


def categories(
    framework: Framework,
    scored: dict[str, ScoredQuestion],
    heatmap: dict[str, dict[str, int]],
    count: int,
) -> dict[str, CategoryScore]:
    by_target: dict[str, list[ScoredQuestion]] = defaultdict(list)
    for item in scored.values():
        by_target[item.question.target].append(item)
    categories = {}
    for target in sorted(by_target):
        items = by_target[target]
        weakness = weighted_mean([(i.weight, i.stats.weakness) for i in items])
        points = Fraction(sum(row.get(target, 0) for row in heatmap.values()), 10 * count)
        categories[target] = CategoryScore(
            target=target,
            group=_group(framework, target),
            weakness=fraction_to_float(100 * weakness),
            vulnerability=fraction_to_float(points),
            questions=len(items),
        )
    return categories


def top(processes: dict[str, ProcessScore]) -> list[TopVulnerability]:
    ranked = sorted(processes.values(), key=lambda p: (-p.vulnerability, p.process))
    return [
        TopVulnerability(
            process=p.process,
            vulnerability=p.vulnerability,
            drivers=[c.question_id for c in p.contributions[:3] if c.points > 0],
        )
        for p in ranked[:TOP_COUNT]
    ]


def disagreements(scan: Scan, scored: dict[str, ScoredQuestion]) -> list[Disagreement]:
    if scan.mode != "survey":
        return []
    by_question: dict[str, dict[str, int | None]] = defaultdict(dict)
    for answer in scan.answers:
        by_question[answer.question_id][answer.respondent or ""] = answer.value
    found = []
    for qid, item in scored.items():
        if item.stats.known_difference >= DISAGREEMENT_FLAG:
            spread = fraction_to_float(item.stats.spread, 3)
            found.append(
                Disagreement(
                    question_id=qid,
                    process=item.question.process,
                    target=item.question.target,
                    values=dict(sorted(by_question[qid].items())),
                    spread=spread,
                    mean_difference=fraction_to_float(item.stats.known_difference, 3),
                    explanation=explain.disagreement_text(item.question.short, spread),
                )
            )
    return sorted(found, key=lambda d: (-d.mean_difference, d.question_id))


def weak_answers(result: ScanResult, threshold: float = WEAK_THRESHOLD) -> list[WeakAnswer]:
    """Control questions whose weakness (gap, "weet niet" = 1) is at least ``threshold``.

    One entry per process the question counts for, largest contribution first.
    """
    weak = [
        WeakAnswer(
            question_id=c.question_id,
            process=pid,
            target=c.target,
            weakness=c.weakness,
            points=c.points,
            dont_know=c.dont_know > 0,
            measures=c.measures,
        )
        for pid, score in result.processes.items()
        for c in score.contributions
        if c.kind == "control" and c.weakness >= threshold
    ]
    return sorted(weak, key=lambda w: (-w.points, w.process, w.question_id))
