"""The effect model: how much a set of measures reduces each process's vulnerability.

Each measure carries effect *units* by level (laag 1, middel 2, hoog 3). A gap worth ``points``
of a process's vulnerability addressed by measures with ``u`` units in total is closed by the
share ``1 - (1 - UNIT_EFFECT) ** u``: every unit closes ``UNIT_EFFECT`` of what is still open.
This is the same as measures acting independently (``1 - prod(1 - e_m)`` with ``e_m`` the
measure's own effect), so a second measure on the same gap adds less than the first did.

Because the closed share depends only on the integer number of units, the marginal value of the
k-th unit, ``points * UNIT_EFFECT * (1 - UNIT_EFFECT) ** (k - 1)``, is a decreasing sequence; the
MILP represents it exactly with one bounded continuous variable per unit slot.

The plan's value (:func:`weighted_value`, the selection's objective) is the weighted reduction
when every chosen measure is in force, at the end of the plan; the vulnerability *after* the
plan is that state. When each measure starts is decided afterwards
(:mod:`weerbaar.measures.schedule`).
"""

from __future__ import annotations

from collections.abc import Iterable

from weerbaar.measures.models import Candidate, EffectLevel, PlanProblem

EFFECT_UNITS: dict[EffectLevel, int] = {"laag": 1, "middel": 2, "hoog": 3}
UNIT_EFFECT = 0.25


def closed_share(units: int) -> float:
    """Share of a gap closed by measures with ``units`` effect units together."""
    return 1.0 - (1.0 - UNIT_EFFECT) ** units


def slot_values(points: float, max_units: int) -> list[float]:
    """Marginal reduction of the 1st, 2nd, ... unit on a gap worth ``points`` (decreasing)."""
    return [points * UNIT_EFFECT * (1.0 - UNIT_EFFECT) ** k for k in range(max_units)]


def process_weight(vulnerability: float) -> float:
    """Weight of a process in the objective: its vulnerability before, as a share of 100."""
    return max(vulnerability, 0.0) / 100.0


def units_by_gap(candidates: Iterable[Candidate]) -> dict[str, int]:
    units: dict[str, int] = {}
    for cand in candidates:
        for gap in cand.gaps:
            units[gap] = units.get(gap, 0) + EFFECT_UNITS[cand.effect]
    return units


def reduction_by_process(problem: PlanProblem, chosen: Iterable[str]) -> dict[str, float]:
    """Expected reduction (vulnerability points) per process when ``chosen`` are carried out."""
    ids = set(chosen)
    units = units_by_gap(c for c in problem.candidates if c.id in ids)
    reduction = dict.fromkeys(problem.vulnerability, 0.0)
    for gap in problem.gaps:
        reduction[gap.process] += gap.points * closed_share(units.get(gap.id, 0))
    return reduction


def vulnerability_after(problem: PlanProblem, chosen: Iterable[str]) -> dict[str, float]:
    reduction = reduction_by_process(problem, chosen)
    return {
        process: round(max(before - reduction[process], 0.0), 6)
        for process, before in problem.vulnerability.items()
    }


def weighted_value(problem: PlanProblem, chosen: Iterable[str]) -> float:
    """The objective: reduction per process weighted by how vulnerable the process is."""
    reduction = reduction_by_process(problem, chosen)
    return sum(
        process_weight(problem.vulnerability[process]) * points
        for process, points in reduction.items()
    )


def standalone_value(problem: PlanProblem, measure_id: str) -> float:
    return weighted_value(problem, [measure_id])


def marginal_value(problem: PlanProblem, measure_id: str, others: Iterable[str]) -> float:
    """What ``measure_id`` adds on top of ``others``."""
    base = set(others) - {measure_id}
    return weighted_value(problem, base | {measure_id}) - weighted_value(problem, base)
