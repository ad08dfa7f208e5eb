"""Which measures: the selection MILP, solved by ``scipy.optimize.milp`` (HiGHS).

Columns (:class:`~weerbaar.measures.formulation.Layout`): binary ``x[m, s]`` = measure ``m``
starts in quarter ``s``, binary ``y[m] = sum_s x[m, s]`` = ``m`` is in the plan, continuous
``z[g, k]`` in [0, 1] = the k-th effect unit on gap ``g`` is in force at the end of the plan.

Maximise ``sum w_p(g) * d[g, k] * z[g, k]`` (see :mod:`weerbaar.measures.effect`): the weighted
reduction of the chosen set. It depends only on ``y``; the start quarters ``x`` are there so
that the hours per quarter and the prerequisites stay hard constraints. Because ``d[g, k]``
decreases in ``k`` the slots fill in order and the objective equals
:func:`weerbaar.measures.effect.weighted_value` exactly. Two valid rows per gap,
``z[g, 1] <= sum y`` and ``z[g, 1] + z[g, 2] <= sum min(2, u_m) y``, stop a fractional measure
from filling the most valuable slots in the LP relaxation (a tighter bound, fewer nodes).
:mod:`weerbaar.measures.schedule` then chooses the start quarters of the chosen set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np

from weerbaar.measures.availability import available_measures
from weerbaar.measures.effect import (
    EFFECT_UNITS,
    marginal_value,
    process_weight,
    slot_values,
    weighted_value,
)
from weerbaar.measures.formulation import Layout, capacity_rows
from weerbaar.measures.milp import Row, SolverOptions, relaxed, run_milp
from weerbaar.measures.models import PlanProblem, PlanRequest

__all__ = ["Solution", "SolverOptions", "available_measures", "select", "solve"]

CHOICE_PENALTY = 1e-7  # among equal plans, fewer measures


@dataclass
class Solution:
    status: str
    starts: dict[str, int]
    seconds: float
    variables: int
    constraints: int
    gap: float | None = None
    schedule_status: str | None = None
    schedule_seconds: float = 0.0

    @property
    def feasible(self) -> bool:
        return self.status in ("optimal", "time_limit")


def build_rows(problem: PlanProblem, request: PlanRequest, layout: Layout) -> list[Row]:
    """All selection rows, each tagged with the group a diagnosis may relax."""
    cands = problem.candidates
    index = {c.id: i for i, c in enumerate(cands)}
    rows = []
    for i in range(len(cands)):
        coefs = {layout.x(i, s): 1.0 for s in range(layout.quarters)}
        coefs[layout.y(i)] = -1.0
        rows.append(Row("once", coefs, lb=0.0, ub=0.0))
    for mid in request.mandatory:
        rows.append(Row(f"mandatory:{mid}", {layout.y(index[mid]): 1.0}, lb=1.0))
    budget = {layout.y(i): c.cost(request.partners) for i, c in enumerate(cands)}
    rows.append(Row("budget", {k: v for k, v in budget.items() if v}, ub=request.budget_eur))
    rows.extend(capacity_rows(cands, request, layout, problem.in_place))
    for theme, minimum in request.min_theme.items():
        coefs = {layout.y(i): 1.0 for i, c in enumerate(cands) if c.theme == theme}
        rows.append(Row(f"theme:{theme}", coefs, lb=float(minimum)))
    rows.extend(effect_rows(problem, layout))
    return rows


def effect_rows(problem: PlanProblem, layout: Layout) -> list[Row]:
    """Per gap: filled slots <= units chosen, plus the two strengthening rows."""
    rows = []
    for gap in problem.gaps:
        addressing = [
            (i, EFFECT_UNITS[c.effect])
            for i, c in enumerate(problem.candidates)
            if gap.id in c.gaps
        ]
        total = sum(u for _, u in addressing)
        if not addressing or gap.points <= 0:
            continue
        weight = process_weight(problem.vulnerability[gap.process])
        slots = [layout.new_slot(weight * v) for v in slot_values(gap.points, total)]
        coefs = {layout.y(i): -float(u) for i, u in addressing}
        rows.append(Row("effect", coefs | dict.fromkeys(slots, 1.0), ub=0.0))
        for k in (1, 2):
            if k < total:
                first = {layout.y(i): -float(min(k, u)) for i, u in addressing}
                rows.append(Row("effect", first | dict.fromkeys(slots[:k], 1.0), ub=0.0))
    return rows


def select(
    problem: PlanProblem,
    request: PlanRequest,
    relax: Iterable[str] = (),
    options: SolverOptions = SolverOptions(),
) -> Solution:
    """Solve the selection MILP, optionally without the constraint groups named in ``relax``.

    ``starts`` is a feasible start quarter for every chosen measure (not yet the schedule).
    """
    layout = Layout(len(problem.candidates), request.quarters)
    rows = [r for r in build_rows(problem, request, layout) if not relaxed(r.group, relax)]
    cost = np.zeros(layout.size)
    cost[layout.y(0) : layout.y(0) + layout.n_measures] = CHOICE_PENALTY
    cost[layout.n_integer :] = -np.array(layout.slots)
    upper = np.ones(layout.size)
    available = available_measures(problem, request)
    for i, cand in enumerate(problem.candidates):
        if cand.id not in available:
            upper[layout.x(i, 0) : layout.x(i, 0) + layout.quarters] = 0.0
            upper[layout.y(i)] = 0.0
    outcome = run_milp(cost, layout.n_integer, upper, rows, options)
    starts: dict[str, int] = {}
    if outcome.x is not None:
        for i, cand in enumerate(problem.candidates):
            for s in range(layout.quarters):
                if outcome.x[layout.x(i, s)] > 0.5:
                    starts[cand.id] = s + 1
    return Solution(outcome.status, starts, outcome.seconds, layout.size, len(rows), outcome.gap)


def without_idle(
    problem: PlanProblem, request: PlanRequest, starts: dict[str, int]
) -> dict[str, int]:
    """Drop chosen measures that add nothing and that no constraint needs.

    Within the proven gap HiGHS may keep a measure without value; leaving it out only frees
    hours and budget, so the plan stays feasible. Mandatory measures, prerequisites of chosen
    measures and members of a theme at its minimum stay.
    """
    kept = dict(starts)
    while (idle := _first_idle(problem, request, kept)) is not None:
        del kept[idle]
    return kept


def _first_idle(problem: PlanProblem, request: PlanRequest, kept: dict[str, int]) -> str | None:
    for mid in sorted(kept):
        cand = problem.candidate(mid)
        needed = mid in request.mandatory or any(
            mid in problem.candidate(other).prerequisites for other in kept if other != mid
        )
        minimum = request.min_theme.get(cand.theme, 0)
        members = sum(1 for m in kept if problem.candidate(m).theme == cand.theme)
        if not needed and members > minimum and marginal_value(problem, mid, kept) <= 1e-9:
            return mid
    return None


def solve(
    problem: PlanProblem,
    request: PlanRequest,
    options: SolverOptions = SolverOptions(),
    fallback: Mapping[str, int] | None = None,
) -> Solution:
    """Select the measures, then schedule them (:func:`weerbaar.measures.schedule.schedule`).

    ``fallback`` is a feasible plan (the greedy one): should it be worth more than the selection
    HiGHS returned (possible only within the proven gap), its measures are scheduled instead.
    """
    from weerbaar.measures.schedule import schedule

    selection = select(problem, request, options=options)
    if not selection.feasible:
        return selection
    starts = without_idle(problem, request, selection.starts)
    if fallback is not None and weighted_value(problem, fallback) > weighted_value(problem, starts):
        starts = dict(fallback)
    left = replace(options, time_limit_s=max(options.time_limit_s - selection.seconds, 0.5))
    timed = schedule(problem, request, starts, left)
    return replace(
        selection,
        starts=timed.starts,
        schedule_status=timed.status,
        schedule_seconds=timed.seconds,
    )
