"""When: the start quarter of every chosen measure, a second small MILP.

The selection (:mod:`weerbaar.measures.optimiser`) fixed *which* measures; it also found start
quarters that keep every hours and prerequisite constraint, so a schedule always exists. This
programme places the same measures again, now maximising the reduction *in force*, averaged over
the quarters of the plan (:func:`weerbaar.measures.effect.plan_value`): measures with much value
start as early as the hours per quarter, the total hours and the prerequisites allow.

Columns: binary ``x[m, s]`` for the chosen measures only, and continuous ``z[g, q, k]`` = the
k-th effect unit on gap ``g`` is in force in quarter ``q``. Every chosen measure starts exactly
once. A tiny penalty per quarter of delay starts measures without value of their own (e.g.
prerequisites) early too. Should HiGHS return no schedule in the time left, the start quarters
of the selection are kept (status ``kept``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from weerbaar.measures.effect import EFFECT_UNITS, process_weight, slot_values
from weerbaar.measures.formulation import Layout, capacity_rows
from weerbaar.measures.milp import Row, SolverOptions, run_milp
from weerbaar.measures.models import Candidate, PlanProblem, PlanRequest

DELAY_PENALTY = 1e-7


@dataclass
class Schedule:
    starts: dict[str, int]
    status: str
    seconds: float


def schedule(
    problem: PlanProblem,
    request: PlanRequest,
    chosen: Mapping[str, int],
    options: SolverOptions = SolverOptions(),
) -> Schedule:
    """Start quarters for ``chosen`` (a feasible assignment) that maximise the plan value."""
    if not chosen:
        return Schedule({}, "optimal", 0.0)
    cands = [problem.candidate(mid) for mid in sorted(chosen)]
    layout = Layout(len(cands), request.quarters, with_y=False)
    rows = [
        Row("once", {layout.x(i, s): 1.0 for s in range(layout.quarters)}, lb=1.0, ub=1.0)
        for i in range(len(cands))
    ]
    rows.extend(capacity_rows(cands, request, layout, problem.in_place))
    rows.extend(_in_force_rows(problem, cands, layout))
    cost = np.zeros(layout.size)
    for i in range(layout.n_measures):
        for s in range(layout.quarters):
            cost[layout.x(i, s)] = DELAY_PENALTY * (s + 1)
    cost[layout.n_integer :] = -np.array(layout.slots)
    exact = SolverOptions(min(options.mip_rel_gap, 1e-4), options.time_limit_s)
    outcome = run_milp(cost, layout.n_integer, np.ones(layout.size), rows, exact)
    if outcome.x is None or outcome.status not in ("optimal", "time_limit"):
        return Schedule(dict(chosen), "kept", outcome.seconds)
    starts = {
        cand.id: s + 1
        for i, cand in enumerate(cands)
        for s in range(layout.quarters)
        if outcome.x[layout.x(i, s)] > 0.5
    }
    return Schedule(starts, outcome.status, outcome.seconds)


def _in_force_rows(problem: PlanProblem, cands: list[Candidate], layout: Layout) -> list[Row]:
    """Per gap and quarter: filled slots <= effect units of the measures started by then."""
    rows = []
    q_count = layout.quarters
    for gap in problem.gaps:
        addressing = [(i, EFFECT_UNITS[c.effect]) for i, c in enumerate(cands) if gap.id in c.gaps]
        if not addressing or gap.points <= 0:
            continue
        weight = process_weight(problem.vulnerability[gap.process]) / q_count
        values = slot_values(gap.points, sum(u for _, u in addressing))
        for q in range(q_count):
            coefs = {layout.x(i, s): -float(u) for i, u in addressing for s in range(q + 1)}
            slots = [layout.new_slot(weight * value) for value in values]
            rows.append(Row("effect", coefs | dict.fromkeys(slots, 1.0), ub=0.0))
    return rows
