"""Which candidate measures may enter a plan at all.

A measure is *available* unless it is excluded, it is unsuited for a small municipality (the
scan uses the small-municipality profile, the measure is marked ``small_municipality: false``
and the request does not set ``allow_unsuited``), one of its prerequisites is unavailable and
not in place, or it lies on a prerequisite cycle.
"""

from __future__ import annotations

from weerbaar.measures.models import PlanProblem, PlanRequest


def unsuited(problem: PlanProblem, request: PlanRequest) -> set[str]:
    """Measures left out because they do not suit a small municipality (unless allowed)."""
    if not problem.small_profile or request.allow_unsuited:
        return set()
    return {c.id for c in problem.candidates if not c.small_municipality}


def available_measures(problem: PlanProblem, request: PlanRequest) -> set[str]:
    """Measures that can enter a plan: not excluded or unsuited, prerequisites available."""
    ids = {c.id for c in problem.candidates} - set(request.excluded) - unsuited(problem, request)
    changed = True
    while changed:
        changed = False
        for cand in problem.candidates:
            if cand.id in ids and any(
                p not in ids and p not in problem.in_place for p in cand.prerequisites
            ):
                ids.discard(cand.id)
                changed = True
    return ids - in_cycles(problem)


def in_cycles(problem: PlanProblem) -> set[str]:
    """Measures on a prerequisite cycle (they could never be started)."""
    prereqs = {c.id: set(c.prerequisites) - problem.in_place for c in problem.candidates}
    cyclic: set[str] = set()
    for start in prereqs:
        stack, seen = list(prereqs[start]), set()
        while stack:
            node = stack.pop()
            if node == start:
                cyclic.add(start)
                break
            if node not in seen:
                seen.add(node)
                stack.extend(prereqs.get(node, ()))
    return cyclic
