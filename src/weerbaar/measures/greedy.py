"""The baseline existing risk tools use: rank measures by value per hour and take them in order.

Mandatory measures go first, then the best-ranked measures needed for each theme minimum, then
the rest of the ranking. A measure is taken when its prerequisites are already taken (or in
place) and it fits the budget and hours in some quarter no earlier than its prerequisites.
Greedy runs twice, once taking the earliest such quarter and once the latest (fewest hours in the
plan: running hours after the plan do not count), and keeps the better plan, so the baseline has
the same freedom of start quarter as the optimiser. Every greedy plan
therefore satisfies the same constraints as the optimiser's, so the optimum is never worse.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from weerbaar.measures.availability import available_measures
from weerbaar.measures.effect import standalone_value, weighted_value
from weerbaar.measures.models import Candidate, PlanProblem, PlanRequest


def plan_hours(cand: Candidate, request: PlanRequest) -> float:
    """Hours of a measure over the plan when introduced in the first quarter."""
    return sum(cand.quarter_hours(1, request.quarters, request.partners))


def value_per_hour(value: float, hours: float) -> float:
    return value / hours if hours > 0 else float("inf") if value > 0 else 0.0


@dataclass
class GreedyState:
    problem: PlanProblem
    request: PlanRequest
    starts: dict[str, int] = field(default_factory=dict)
    cost: float = 0.0
    by_quarter: list[float] = field(default_factory=list)
    available: set[str] = field(default_factory=set)
    latest_first: bool = False

    def try_add(self, cand: Candidate) -> bool:
        if cand.id in self.starts:
            return True
        if cand.id not in self.available:
            return False
        earliest = 1
        for prereq in cand.prerequisites:
            if prereq in self.problem.in_place:
                continue
            if prereq not in self.starts:
                return False
            earliest = max(earliest, self.starts[prereq])
        cost = cand.cost(self.request.partners)
        if self.cost + cost > self.request.budget_eur + 1e-9:
            return False
        quarters = list(range(earliest, self.request.quarters + 1))
        for start in reversed(quarters) if self.latest_first else quarters:
            hours = cand.quarter_hours(start, self.request.quarters, self.request.partners)
            if self._fits(hours):
                self.starts[cand.id] = start
                self.cost += cost
                self.by_quarter = [a + b for a, b in zip(self.by_quarter, hours, strict=True)]
                return True
        return False

    def _fits(self, hours: list[float]) -> bool:
        new = [a + b for a, b in zip(self.by_quarter, hours, strict=True)]
        if sum(new) > self.request.hours + 1e-9:
            return False
        limit = self.request.hours_per_quarter
        return limit is None or all(h <= limit + 1e-9 for h in new)


def greedy_ranking(problem: PlanProblem, request: PlanRequest) -> list[Candidate]:
    """Available candidates by standalone value per hour, best first (ties by id)."""
    available = available_measures(problem, request)
    scored = [
        (value_per_hour(standalone_value(problem, c.id), plan_hours(c, request)), c)
        for c in problem.candidates
        if c.id in available
    ]
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    return [cand for _, cand in scored]


def greedy_plan(problem: PlanProblem, request: PlanRequest) -> tuple[dict[str, int], bool]:
    """Start quarter per chosen measure, and whether every hard constraint was met.

    The better of the earliest-quarter and the latest-quarter run (a plan that meets every
    constraint first, then the higher value).
    """
    runs = [_greedy_run(problem, request, latest_first) for latest_first in (False, True)]
    return max(runs, key=lambda run: (run[1], weighted_value(problem, run[0])))


def _greedy_run(
    problem: PlanProblem, request: PlanRequest, latest_first: bool
) -> tuple[dict[str, int], bool]:
    state = GreedyState(
        problem,
        request,
        by_quarter=[0.0] * request.quarters,
        available=available_measures(problem, request),
        latest_first=latest_first,
    )
    ranking = greedy_ranking(problem, request)
    ok = all(state.try_add(problem.candidate(mid)) for mid in _prerequisite_order(problem, request))
    for theme, minimum in request.min_theme.items():
        for cand in ranking:
            taken = sum(1 for m in state.starts if problem.candidate(m).theme == theme)
            if taken >= minimum:
                break
            if cand.theme == theme:
                state.try_add(cand)
        taken = sum(1 for m in state.starts if problem.candidate(m).theme == theme)
        ok = ok and taken >= minimum
    for cand in ranking:
        if standalone_value(problem, cand.id) > 0:
            state.try_add(cand)
    return state.starts, ok


def _prerequisite_order(problem: PlanProblem, request: PlanRequest) -> list[str]:
    """Mandatory measures with their prerequisites first."""
    order: list[str] = []

    def visit(mid: str, depth: int) -> None:
        if mid in order or mid in problem.in_place or depth > len(problem.candidates):
            return
        for prereq in problem.candidate(mid).prerequisites:
            if any(c.id == prereq for c in problem.candidates):
                visit(prereq, depth + 1)
        order.append(mid)

    for mid in request.mandatory:
        visit(mid, 0)
    return order
