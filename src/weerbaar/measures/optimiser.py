"""The action plan as one mixed-integer programme, solved by ``scipy.optimize.milp`` (HiGHS).

Variables: binary ``x[m, s]`` = measure ``m`` is introduced in quarter ``s``; continuous
``z[g, q, k]`` in [0, 1] = the k-th effect unit on gap ``g`` is in force in quarter ``q``.
Maximise ``sum w_p(g) * d[g, k] * z[g, q, k] / Q`` (see :mod:`weerbaar.measures.effect`) minus a
tiny penalty per quarter of delay, subject to the constraint groups built in :func:`build_rows`.
Because ``d[g, k]`` decreases in ``k``, the slots fill in order and the objective equals
:func:`weerbaar.measures.effect.plan_value` exactly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

from weerbaar.measures.effect import EFFECT_UNITS, process_weight, slot_values, units_by_gap
from weerbaar.measures.models import PlanProblem, PlanRequest

DELAY_PENALTY = 1e-7


@dataclass(frozen=True)
class SolverOptions:
    """HiGHS stopping rules: proven relative gap and wall-clock limit.

    The formulation is exact; these only say when HiGHS may stop proving. The default gap (1e-4,
    HiGHS's own) means no plan can be more than 0.01 % better; at the time limit the best plan
    found is returned with its proven gap (``Plan.solver.gap``). Tests use a gap of 1e-9.
    """

    mip_rel_gap: float = 1e-4
    time_limit_s: float = 10.0


@dataclass
class Row:
    group: str
    coefs: dict[int, float]
    lb: float = -np.inf
    ub: float = np.inf


@dataclass
class Layout:
    """Column layout: ``x[i, s]`` first, then the unit slots of every gap."""

    n_measures: int
    quarters: int
    slots: list[tuple[int, float]] = field(default_factory=list)  # (gap index, objective coef)

    def x(self, i: int, s: int) -> int:
        return i * self.quarters + s

    @property
    def n_x(self) -> int:
        return self.n_measures * self.quarters

    @property
    def size(self) -> int:
        return self.n_x + len(self.slots)


@dataclass
class Solution:
    status: str
    starts: dict[str, int]
    seconds: float
    variables: int
    constraints: int
    gap: float | None = None

    @property
    def feasible(self) -> bool:
        return self.status in ("optimal", "time_limit")


def available_measures(problem: PlanProblem, request: PlanRequest) -> set[str]:
    """Measures that can enter a plan: not excluded, prerequisites available or in place."""
    ids = {c.id for c in problem.candidates} - set(request.excluded)
    changed = True
    while changed:
        changed = False
        for cand in problem.candidates:
            if cand.id in ids and any(
                p not in ids and p not in problem.in_place for p in cand.prerequisites
            ):
                ids.discard(cand.id)
                changed = True
    return ids - _in_cycles(problem)


def _in_cycles(problem: PlanProblem) -> set[str]:
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


def build_rows(problem: PlanProblem, request: PlanRequest, layout: Layout) -> list[Row]:
    """All constraint rows, each tagged with the group a diagnosis may relax."""
    q_count, partners = request.quarters, request.partners
    cands = problem.candidates
    index = {c.id: i for i, c in enumerate(cands)}
    rows = [
        Row("once", {layout.x(i, s): 1.0 for s in range(q_count)}, ub=1.0) for i in index.values()
    ]
    for mid in request.mandatory:
        i = index[mid]
        rows.append(Row(f"mandatory:{mid}", {layout.x(i, s): 1.0 for s in range(q_count)}, lb=1.0))
    rows.append(
        Row("budget", _over_x(layout, lambda i, s: cands[i].cost(partners)), ub=request.budget_eur)
    )
    table = [[c.quarter_hours(s + 1, q_count, partners) for s in range(q_count)] for c in cands]
    rows.append(Row("hours", _over_x(layout, lambda i, s: sum(table[i][s])), ub=request.hours))
    if request.hours_per_quarter is not None:
        for q in range(q_count):
            per_q = _over_x(layout, lambda i, s, q=q: table[i][s][q])  # type: ignore[misc]
            rows.append(Row("hours_per_quarter", per_q, ub=request.hours_per_quarter))
    rows.extend(_prerequisite_rows(problem, layout, index))
    for theme, minimum in request.min_theme.items():
        members = [i for i, c in enumerate(cands) if c.theme == theme]
        coefs = {layout.x(i, s): 1.0 for i in members for s in range(q_count)}
        rows.append(Row(f"theme:{theme}", coefs, lb=float(minimum)))
    rows.extend(_slot_rows(problem, layout))
    return rows


def _over_x(layout: Layout, coef: Callable[[int, int], float]) -> dict[int, float]:
    out: dict[int, float] = {}
    for i in range(layout.n_measures):
        for s in range(layout.quarters):
            value = float(coef(i, s))
            if value:
                out[layout.x(i, s)] = value
    return out


def _prerequisite_rows(problem: PlanProblem, layout: Layout, index: dict[str, int]) -> list[Row]:
    rows = []
    for i, cand in enumerate(problem.candidates):
        for prereq in cand.prerequisites:
            if prereq in problem.in_place or prereq not in index:
                continue  # in place: no constraint; unknown: the measure is not available
            p = index[prereq]
            for s in range(layout.quarters):
                coefs = {layout.x(p, t): -1.0 for t in range(s + 1)}
                coefs[layout.x(i, s)] = 1.0
                rows.append(Row("prerequisite", coefs, ub=0.0))
    return rows


def _slot_rows(problem: PlanProblem, layout: Layout) -> list[Row]:
    """Per gap and quarter: sum_k z[g, q, k] <= effect units in force in quarter q."""
    rows = []
    all_units = units_by_gap(problem.candidates)
    q_count = layout.quarters
    for g, gap in enumerate(problem.gaps):
        addressing = [
            (i, float(EFFECT_UNITS[c.effect]))
            for i, c in enumerate(problem.candidates)
            if gap.id in c.gaps
        ]
        if not addressing:
            continue
        weight = process_weight(problem.vulnerability[gap.process]) / q_count
        values = slot_values(gap.points, all_units.get(gap.id, 0))
        for q in range(q_count):
            coefs = {layout.x(i, s): -u for i, u in addressing for s in range(q + 1)}
            for value in values:
                coefs[layout.n_x + len(layout.slots)] = 1.0
                layout.slots.append((g, weight * value))
            rows.append(Row("effect", coefs, ub=0.0))
    return rows


def solve(
    problem: PlanProblem,
    request: PlanRequest,
    relax: Iterable[str] = (),
    options: SolverOptions = SolverOptions(),
) -> Solution:
    """Solve the plan MILP, optionally without the constraint groups named in ``relax``."""
    layout = Layout(len(problem.candidates), request.quarters)
    rows = [r for r in build_rows(problem, request, layout) if not _relaxed(r.group, relax)]
    c = _objective(layout)
    upper = np.ones(layout.size)
    available = available_measures(problem, request)
    for i, cand in enumerate(problem.candidates):
        if cand.id not in available:
            upper[layout.x(i, 0) : layout.x(i, 0) + layout.quarters] = 0.0
    integrality = np.zeros(layout.size)
    integrality[: layout.n_x] = 1
    constraints = _as_constraint(rows, layout.size)
    started = time.perf_counter()
    result = milp(
        c,
        integrality=integrality,
        bounds=Bounds(np.zeros(layout.size), upper),
        constraints=constraints,
        options={"mip_rel_gap": options.mip_rel_gap, "time_limit": options.time_limit_s},
    )
    seconds = time.perf_counter() - started
    status = {0: "optimal", 1: "time_limit", 2: "infeasible", 3: "unbounded"}.get(
        result.status, "error"
    )
    starts: dict[str, int] = {}
    if result.x is not None:
        for i, cand in enumerate(problem.candidates):
            for s in range(layout.quarters):
                if result.x[layout.x(i, s)] > 0.5:
                    starts[cand.id] = s + 1
    elif status == "time_limit":
        status = "error"
    gap = getattr(result, "mip_gap", None)
    return Solution(status, starts, seconds, layout.size, len(rows), gap)


def _objective(layout: Layout) -> np.ndarray:
    """Coefficients to minimise: minus the slot values, plus the delay penalty."""
    c = np.zeros(layout.size)
    for i in range(layout.n_measures):
        for s in range(layout.quarters):
            c[layout.x(i, s)] = DELAY_PENALTY * (s + 1)
    for k, (_, coef) in enumerate(layout.slots):
        c[layout.n_x + k] = -coef
    return c


def _relaxed(group: str, relax: Iterable[str]) -> bool:
    return any(group == name or group.startswith(name + ":") for name in relax)


def _as_constraint(rows: list[Row], size: int) -> list[LinearConstraint]:
    if not rows:
        return []
    data, ri, ci = [], [], []
    for r, row in enumerate(rows):
        for col, value in row.coefs.items():
            ri.append(r)
            ci.append(col)
            data.append(value)
    matrix = coo_array((data, (ri, ci)), shape=(len(rows), size)).tocsr()
    lb = np.array([row.lb for row in rows])
    ub = np.array([row.ub for row in rows])
    return [LinearConstraint(matrix, lb, ub)]
