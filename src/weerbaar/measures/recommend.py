"""From a scored scan to the optimiser's inputs: gaps, candidate measures and their effects.

A *gap* is a weak control answer (weakness at least ``threshold``) as it counts for one process;
it is worth the points it contributes to that process's vulnerability. A measure *addresses* the
gap when the question lists the measure and, for a general question that counts for every
process, when the measure also names that process. Exposure (risky locations and sectors) is not
something a measure of the municipality removes, so exposure points are never a gap.
Candidates are the measures that address at least one gap, plus every measure they need first.
A mandatory measure (the municipality does it anyway) is a candidate too, with its prerequisites,
even when it addresses no weak answer in this scan: it then has no gaps and no value of its own,
but it enters the plan and takes its hours and budget.
The problem records whether the scan uses the small-municipality profile; measures unsuited for a
small municipality stay candidates (and in the recommendation list) but the plan leaves them out
unless the request allows them (:mod:`weerbaar.measures.availability`).
"""

from __future__ import annotations

from collections.abc import Iterable

from weerbaar.knowledge.models import Framework, Measure
from weerbaar.measures.effect import reduction_by_process, weighted_value
from weerbaar.measures.models import Candidate, CandidateScore, Gap, PlanProblem, PlanRequest
from weerbaar.scan import ScanResult, WeakAnswer, weak_answers
from weerbaar.scan.service import process_name

WEAK_THRESHOLD = 0.5


def gap_id(process: str, question_id: str) -> str:
    return f"{process}:{question_id}"


def gaps_from_scan(result: ScanResult, framework: Framework, threshold: float) -> list[Gap]:
    gaps = []
    for weak in weak_answers(result, threshold):
        if weak.points <= 0:
            continue
        question = framework.questions.get(weak.question_id)
        gaps.append(
            Gap(
                id=gap_id(weak.process, weak.question_id),
                process=weak.process,
                question=weak.question_id,
                label=question.short.nl if question else "",
                label_en=question.short.en if question else "",
                process_label=process_name(framework, weak.process).nl,
                process_label_en=process_name(framework, weak.process).en,
                points=weak.points,
            )
        )
    return gaps


def addresses(measure: Measure, weak: WeakAnswer, framework: Framework) -> bool:
    """Whether ``measure`` addresses the weak answer ``weak`` in its process."""
    if measure.id not in weak.measures:
        return False
    question = framework.questions.get(weak.question_id)
    specific = question is not None and question.process == weak.process
    return specific or weak.process in measure.processes


def candidate(measure: Measure, gaps: Iterable[str]) -> Candidate:
    return Candidate(
        id=measure.id,
        title=measure.title.nl,
        title_en=measure.title.en,
        theme=measure.theme,
        effect=measure.effect,
        intro_hours=measure.effort_intro_hours,
        run_hours_per_year=measure.effort_run_hours_per_year,
        cost_eur=measure.cost_eur,
        delivered_by=tuple(str(d.value) for d in measure.delivered_by),
        shared_share=measure.shared_share,
        gaps=tuple(sorted(gaps)),
        prerequisites=tuple(measure.prerequisites),
        small_municipality=measure.small_municipality,
    )


def problem_from_scan(
    result: ScanResult,
    framework: Framework,
    *,
    in_place: Iterable[str] = (),
    mandatory: Iterable[str] = (),
    threshold: float = WEAK_THRESHOLD,
) -> PlanProblem:
    """The plan problem for a scored scan: its gaps and the measures that address them.

    ``mandatory`` measures of the knowledge base that are not in place become candidates (with
    their prerequisites) even when they address no gap; ids the knowledge base does not know are
    left to :func:`weerbaar.measures.feasibility.check_request`, which names them.
    """
    in_place_ids = frozenset(in_place)
    unknown = sorted(in_place_ids - set(framework.measures))
    if unknown:
        raise ValueError(f"unknown measure(s) marked as in place: {', '.join(unknown)}")
    gaps = gaps_from_scan(result, framework, threshold)
    weak = {gap_id(w.process, w.question_id): w for w in weak_answers(result, threshold)}
    addressed: dict[str, list[str]] = {}
    for gap in gaps:
        for mid in weak[gap.id].measures:
            measure = framework.measures.get(mid)
            if measure is not None and addresses(measure, weak[gap.id], framework):
                addressed.setdefault(mid, []).append(gap.id)
    forced = {mid for mid in mandatory if mid in framework.measures}
    wanted = _with_prerequisites((set(addressed) | forced) - in_place_ids, framework, in_place_ids)
    candidates = tuple(
        candidate(framework.measures[mid], addressed.get(mid, ())) for mid in sorted(wanted)
    )
    vulnerability = {pid: score.vulnerability for pid, score in result.processes.items()}
    return PlanProblem(
        gaps=tuple(gaps),
        candidates=candidates,
        vulnerability=vulnerability,
        in_place=in_place_ids,
        small_profile=result.scan.small_profile,
        catalogue=frozenset(framework.measures),
    )


def _with_prerequisites(ids: set[str], framework: Framework, in_place: frozenset[str]) -> set[str]:
    todo, wanted = list(ids), set(ids)
    while todo:
        measure = framework.measures.get(todo.pop())
        for prereq in measure.prerequisites if measure else ():
            if prereq not in wanted and prereq not in in_place and prereq in framework.measures:
                wanted.add(prereq)
                todo.append(prereq)
    return wanted


def rank_candidates(problem: PlanProblem, request: PlanRequest) -> list[CandidateScore]:
    """Every candidate with its expected reduction per process on its own, best value first.

    Hours and cost follow the request (quarters, cooperation partners). This is the
    recommendation list; the action plan then chooses among these within hours and budget.
    """
    scores = []
    for cand in problem.candidates:
        reduction = reduction_by_process(problem, [cand.id])
        hours = sum(cand.quarter_hours(1, request.quarters, request.partners))
        value = weighted_value(problem, [cand.id])
        scores.append(
            CandidateScore(
                id=cand.id,
                title=cand.title,
                theme=cand.theme,
                effect=cand.effect,
                gaps=list(cand.gaps),
                reduction={p: round(r, 4) for p, r in reduction.items() if r > 0},
                value=round(value, 6),
                hours=round(hours, 4),
                cost_eur=round(cand.cost(request.partners), 2),
                value_per_hour=round(value / hours, 6) if hours > 0 else 0.0,
            )
        )
    return sorted(scores, key=lambda s: (-s.value, s.id))
