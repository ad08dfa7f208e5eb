"""Independent re-implementations of the plan constraints and objective, for the tests."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from weerbaar.measures.models import PlanProblem, PlanRequest

EFFECT = {"laag": 0.25, "middel": 1 - 0.75**2, "hoog": 1 - 0.75**3}
TOL = 1e-6


def violations(problem: PlanProblem, request: PlanRequest, starts: dict[str, int]) -> list[str]:
    """Every constraint the plan ``starts`` (measure -> quarter) breaks."""
    out = []
    by_id = {c.id: c for c in problem.candidates}
    share = {
        c.id: c.shared_share
        if c.shared_share is not None and set(c.delivered_by) & set(request.partners)
        else 1.0
        for c in problem.candidates
    }
    cost = sum(by_id[m].cost_eur * share[m] for m in starts)
    if cost > request.budget_eur + TOL:
        out.append(f"budget {cost} > {request.budget_eur}")
    per_q = [0.0] * request.quarters
    for m, s in starts.items():
        if not 1 <= s <= request.quarters:
            out.append(f"{m} starts in quarter {s}")
            continue
        per_q[s - 1] += by_id[m].intro_hours * share[m]
        for q in range(s, request.quarters):
            per_q[q] += by_id[m].run_hours_per_year / 4 * share[m]
    if sum(per_q) > request.hours + TOL:
        out.append(f"hours {sum(per_q)} > {request.hours}")
    if request.hours_per_quarter is not None:
        out += [
            f"quarter {q + 1}: {h}"
            for q, h in enumerate(per_q)
            if h > request.hours_per_quarter + TOL
        ]
    for m, s in starts.items():
        for p in by_id[m].prerequisites:
            if p not in problem.in_place and (p not in starts or starts[p] > s):
                out.append(f"{m} before its prerequisite {p}")
    out += [f"{m} excluded" for m in request.excluded if m in starts]
    if problem.small_profile and not request.allow_unsuited:
        out += [f"{m} unsuited" for m in starts if not by_id[m].small_municipality]
    out += [f"{m} mandatory" for m in request.mandatory if m not in starts]
    for theme, n in request.min_theme.items():
        if sum(1 for m in starts if by_id[m].theme == theme) < n:
            out.append(f"theme {theme} below {n}")
    return out


def end_value(problem: PlanProblem, chosen: set[str]) -> float:
    """Weighted reduction with independent measure effects: 1 - prod(1 - e_m) per gap."""
    total = 0.0
    for gap in problem.gaps:
        effects = [
            EFFECT[c.effect] for c in problem.candidates if c.id in chosen and gap.id in c.gaps
        ]
        closed = 1 - math.prod(1 - e for e in effects)
        total += problem.vulnerability[gap.process] / 100 * gap.points * closed
    return total


def all_plans(
    problem: PlanProblem, request: PlanRequest, ids: list[str] | None = None, start: int = 0
) -> Iterator[dict[str, int]]:
    """Every assignment of ``ids`` (default: all candidates) to a quarter, or to none (0)."""
    ids = [c.id for c in problem.candidates] if ids is None else ids
    for combo in itertools.product(range(start, request.quarters + 1), repeat=len(ids)):
        yield {m: s for m, s in zip(ids, combo, strict=True) if s}


def brute_force(problem: PlanProblem, request: PlanRequest) -> float | None:
    """The best objective (end value of the chosen set) over every feasible assignment of
    measures to start quarters; None if no assignment is feasible."""
    best = None
    for plan in all_plans(problem, request):
        if not violations(problem, request, plan):
            value = end_value(problem, set(plan))
            best = value if best is None else max(best, value)
    return best


def schedule_value(problem: PlanProblem, starts: dict[str, int], quarters: int) -> float:
    """Each measure's gain (what the set loses without it) times its share of quarters in force."""
    chosen = set(starts)
    total = end_value(problem, chosen)
    return sum(
        (total - end_value(problem, chosen - {m})) * (quarters - s + 1) / quarters
        for m, s in starts.items()
    )


def best_schedule(problem: PlanProblem, request: PlanRequest, chosen: set[str]) -> float:
    """The best schedule value over every feasible start-quarter assignment of ``chosen``."""
    return max(
        schedule_value(problem, plan, request.quarters)
        for plan in all_plans(problem, request, sorted(chosen), start=1)
        if not violations(problem, request, plan)
    )
