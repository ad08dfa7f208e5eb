"""Shared plumbing for the plan's mixed-integer programmes (``scipy.optimize.milp``, HiGHS).

Constraint rows are built as :class:`Row` objects tagged with the constraint group they belong
to, so that :func:`weerbaar.measures.feasibility.diagnose` can drop one group at a time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, OptimizeResult, milp
from scipy.sparse import coo_array

from weerbaar.measures.models import RequestFieldError

STATUS = {0: "optimal", 1: "time_limit", 2: "infeasible", 3: "unbounded"}
MAX_GAP = 0.1
MIN_TIME_LIMIT_S = 0.1


class SolverOptionError(RequestFieldError):
    """A solver option out of range (or NaN, infinite)."""

    def __str__(self) -> str:
        return f"{self.field}: {super().__str__()}"


@dataclass(frozen=True)
class SolverOptions:
    """HiGHS stopping rules for the selection MILP: proven relative gap and time limit.

    The formulation is exact; these only say when HiGHS may stop proving. The default gap
    (5e-3) means no plan can be more than 0.5 % better than the one returned; see
    ``docs/action-plan.md`` (Performance) for why it is not HiGHS's own 1e-4. At the time limit
    the best plan found is returned with its proven gap (``Plan.solver.gap``). The scheduling
    MILP gets what is left of the time limit. Tests use a gap of 1e-9.
    """

    mip_rel_gap: float = 5e-3
    time_limit_s: float = 10.0

    def __post_init__(self) -> None:
        gap, limit = self.mip_rel_gap, self.time_limit_s
        if not (math.isfinite(gap) and 0 <= gap <= MAX_GAP):
            raise SolverOptionError(
                "mip_rel_gap",
                f"moet een getal van 0 tot en met {_nl(MAX_GAP)} zijn, geen {_nl(gap)}",
                f"must be a number from 0 to {MAX_GAP:g}, not {gap:g}",
            )
        if not (math.isfinite(limit) and limit >= MIN_TIME_LIMIT_S):
            raise SolverOptionError(
                "time_limit_s",
                f"moet minstens {_nl(MIN_TIME_LIMIT_S)} seconden zijn (eindig), geen {_nl(limit)}",
                f"must be at least {MIN_TIME_LIMIT_S:g} seconds (finite), not {limit:g}",
            )


def _nl(number: float) -> str:
    return f"{number:g}".replace(".", ",")


@dataclass
class Row:
    group: str
    coefs: dict[int, float]
    lb: float = -np.inf
    ub: float = np.inf


@dataclass
class Outcome:
    """What HiGHS returned: status name, column values (None without a solution), time, gap."""

    status: str
    x: np.ndarray | None
    seconds: float
    gap: float | None


def relaxed(group: str, relax: Iterable[str]) -> bool:
    return any(group == name or group.startswith(name + ":") for name in relax)


def as_constraint(rows: list[Row], size: int) -> list[LinearConstraint]:
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


def run_milp(
    cost: np.ndarray,
    n_integer: int,
    upper: np.ndarray,
    rows: list[Row],
    options: SolverOptions,
) -> Outcome:
    """Minimise ``cost`` over columns in [0, upper]; the first ``n_integer`` are integer.

    Without columns (a scan without weak answers has no candidates) HiGHS is not asked: the
    empty solution is optimal when every row admits 0, otherwise the programme is infeasible.
    """
    if cost.size == 0:
        empty = all(row.lb <= 0.0 <= row.ub for row in rows)
        return Outcome("optimal" if empty else "infeasible", np.zeros(0), 0.0, 0.0)
    integrality = np.zeros(cost.size)
    integrality[:n_integer] = 1
    started = time.perf_counter()
    result: OptimizeResult = milp(
        cost,
        integrality=integrality,
        bounds=Bounds(np.zeros(cost.size), upper),
        constraints=as_constraint(rows, cost.size),
        options={
            "mip_rel_gap": options.mip_rel_gap,
            "time_limit": max(options.time_limit_s, 0.01),
        },
    )
    seconds = time.perf_counter() - started
    status = STATUS.get(int(result.status), "error")
    x = None if result.x is None else np.asarray(result.x)
    if x is None and status == "time_limit":
        status = "error"
    gap = getattr(result, "mip_gap", None)
    return Outcome(status, x, seconds, None if gap is None else float(gap))
