"""Make an action plan: check the request, select and schedule, compare with greedy, explain.

The plan's ``objective`` is the weighted reduction of the chosen set at the end of the plan
(:func:`weerbaar.measures.effect.weighted_value`); ``greedy_objective`` is the same for the
greedy baseline. Should the greedy set be better than the selection HiGHS returned (possible only
within the proven gap), the greedy set is planned instead, so the optimum is never worse.
When greedy finds no plan that meets the constraints (a mandatory measure or theme minimum it
cannot fit), the plan says so (``greedy_feasible`` false) and reports greedy as no plan at all:
``greedy_chosen`` empty, ``greedy_after`` equal to ``before``, ``greedy_objective`` 0.
"""

from __future__ import annotations

import logging

from weerbaar.measures.availability import available_measures
from weerbaar.measures.effect import (
    marginal_value,
    standalone_value,
    vulnerability_after,
    weighted_value,
)
from weerbaar.measures.explain import why_chosen, why_rejected
from weerbaar.measures.feasibility import PlanInfeasible, check_request, diagnose
from weerbaar.measures.greedy import greedy_plan, value_per_hour
from weerbaar.measures.milp import SolverOptions
from weerbaar.measures.models import (
    ChosenMeasure,
    Plan,
    PlanProblem,
    PlanRequest,
    RejectedMeasure,
    SolverInfo,
)
from weerbaar.measures.optimiser import Solution, solve

log = logging.getLogger(__name__)


def make_plan(
    problem: PlanProblem,
    request: PlanRequest,
    *,
    framework_version: str | None = None,
    scan: str | None = None,
    options: SolverOptions = SolverOptions(),
) -> Plan:
    """The optimal plan for ``request``; raises ``PlanInfeasible`` naming the conflict."""
    check_request(problem, request)
    greedy_run, greedy_ok = greedy_plan(problem, request)
    greedy_starts = greedy_run if greedy_ok else {}  # no plan: nothing to show or compare
    solution = _solve_checked(problem, request, options, greedy_starts if greedy_ok else None)
    starts = solution.starts
    chosen = _chosen(problem, request, starts)
    total_cost = sum(c.cost_eur for c in chosen)
    by_quarter = [
        round(sum(c.hours_per_quarter[q] for c in chosen), 6) for q in range(request.quarters)
    ]
    objective = weighted_value(problem, starts)
    greedy_objective = weighted_value(problem, greedy_starts)
    used = (total_cost, sum(by_quarter))
    log.info(
        "plan_solved",
        extra={"measures": len(chosen), "seconds": solution.seconds, "objective": objective},
    )
    return Plan(
        request=request,
        chosen=chosen,
        rejected=_rejected(problem, request, set(starts), used),
        before=dict(problem.vulnerability),
        after=vulnerability_after(problem, starts),
        greedy_after=vulnerability_after(problem, greedy_starts)
        if greedy_ok
        else dict(problem.vulnerability),
        greedy_chosen=sorted(greedy_starts, key=lambda m: (greedy_starts[m], m)),
        objective=round(objective, 6),
        greedy_objective=round(greedy_objective, 6),
        greedy_feasible=greedy_ok,
        improvement_over_greedy=round(objective - greedy_objective, 6),
        total_hours=round(sum(by_quarter), 6),
        total_cost_eur=round(total_cost, 2),
        hours_by_quarter=by_quarter,
        solver=SolverInfo(
            method="scipy.optimize.milp (HiGHS)",
            status=solution.status,
            seconds=round(solution.seconds + solution.schedule_seconds, 4),
            gap=None if solution.gap is None else round(float(solution.gap), 8),
            variables=solution.variables,
            constraints=solution.constraints,
            selection_seconds=round(solution.seconds, 4),
            schedule_seconds=round(solution.schedule_seconds, 4),
            schedule_status=solution.schedule_status,
        ),
        framework_version=framework_version,
        scan=scan,
    )


def _solve_checked(
    problem: PlanProblem,
    request: PlanRequest,
    options: SolverOptions,
    greedy: dict[str, int] | None,
) -> Solution:
    """Select and schedule; turn every failure into a named ``PlanInfeasible``."""
    solution = solve(problem, request, options, fallback=greedy)
    if solution.status == "error":
        raise PlanInfeasible(
            "time_limit",
            f"Binnen {options.time_limit_s:g} s rekentijd is geen plan gevonden.",
            f"No plan was found within {options.time_limit_s:g} s of solver time.",
        )
    if not solution.feasible:
        raise diagnose(problem, request, options)
    return solution


def _chosen(
    problem: PlanProblem, request: PlanRequest, starts: dict[str, int]
) -> list[ChosenMeasure]:
    ids = set(starts)
    out = []
    for mid in sorted(starts, key=lambda m: (starts[m], m)):
        cand = problem.candidate(mid)
        per_q = cand.quarter_hours(starts[mid], request.quarters, request.partners)
        hours = sum(per_q)
        gain = marginal_value(problem, mid, ids)
        reason = why_chosen(problem, request, cand, ids, (gain, hours))
        out.append(
            ChosenMeasure(
                id=mid,
                title=cand.title,
                theme=cand.theme,
                quarter=starts[mid],
                hours=round(hours, 4),
                hours_per_quarter=[round(h, 4) for h in per_q],
                cost_eur=round(cand.cost(request.partners), 2),
                shared=cand.share(request.partners) < 1.0,
                value=round(gain, 6),
                value_per_hour=round(value_per_hour(gain, hours), 6) if hours > 0 else 0.0,
                reason=reason,
            )
        )
    return out


def _rejected(
    problem: PlanProblem, request: PlanRequest, chosen: set[str], used: tuple[float, float]
) -> list[RejectedMeasure]:
    available = available_measures(problem, request)
    out = []
    for cand in problem.candidates:
        if cand.id in chosen:
            continue
        alone = standalone_value(problem, cand.id)
        if alone <= 0:
            continue
        out.append(
            RejectedMeasure(
                id=cand.id,
                title=cand.title,
                value=round(alone, 6),
                reason=why_rejected(problem, request, cand, chosen, available, used),
            )
        )
    out.sort(key=lambda r: (-r.value, r.id))
    return out
