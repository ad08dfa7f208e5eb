"""Columns and constraint rows shared by the selection and the scheduling MILP.

Columns: binary ``x[i, s]`` = measure ``i`` starts in quarter ``s`` (0-based here), optionally
binary ``y[i]`` = measure ``i`` is in the plan (selection only), then continuous effect slots in
[0, 1]. The hours rows (total and per quarter) and the prerequisite rows depend on the start
quarters and are the same in both programmes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from weerbaar.measures.milp import Row
from weerbaar.measures.models import Candidate, PlanRequest


@dataclass
class Layout:
    """Column layout: ``x[i, s]``, then ``y[i]`` (when ``with_y``), then the effect slots."""

    n_measures: int
    quarters: int
    with_y: bool = True
    slots: list[float] = field(default_factory=list)  # objective value of each slot

    def x(self, i: int, s: int) -> int:
        return i * self.quarters + s

    def y(self, i: int) -> int:
        return self.n_measures * self.quarters + i

    @property
    def n_integer(self) -> int:
        return self.n_measures * (self.quarters + (1 if self.with_y else 0))

    @property
    def size(self) -> int:
        return self.n_integer + len(self.slots)

    def new_slot(self, value: float) -> int:
        """Add an effect slot worth ``value``; returns its column."""
        self.slots.append(value)
        return self.n_integer + len(self.slots) - 1


def over_x(layout: Layout, coef: Callable[[int, int], float]) -> dict[int, float]:
    out: dict[int, float] = {}
    for i in range(layout.n_measures):
        for s in range(layout.quarters):
            value = float(coef(i, s))
            if value:
                out[layout.x(i, s)] = value
    return out


def capacity_rows(
    cands: Sequence[Candidate], request: PlanRequest, layout: Layout, in_place: frozenset[str]
) -> list[Row]:
    """Hours in total, hours per quarter and prerequisites (a prerequisite starts no later)."""
    q_count, partners = request.quarters, request.partners
    table = [[c.quarter_hours(s + 1, q_count, partners) for s in range(q_count)] for c in cands]
    rows = [Row("hours", over_x(layout, lambda i, s: sum(table[i][s])), ub=request.hours)]
    if request.hours_per_quarter is not None:
        for q in range(q_count):
            per_q = over_x(layout, lambda i, s, q=q: table[i][s][q])  # type: ignore[misc]
            rows.append(Row("hours_per_quarter", per_q, ub=request.hours_per_quarter))
    index = {c.id: i for i, c in enumerate(cands)}
    for i, cand in enumerate(cands):
        for prereq in cand.prerequisites:
            if prereq in in_place or prereq not in index:
                continue  # in place: no constraint; unknown: the measure is unavailable
            p = index[prereq]
            for s in range(q_count):
                coefs = {layout.x(p, t): -1.0 for t in range(s + 1)}
                coefs[layout.x(i, s)] = 1.0
                rows.append(Row("prerequisite", coefs, ub=0.0))
    return rows
