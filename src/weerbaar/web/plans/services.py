"""Action plans of a stored scan: the core optimiser plans, this module stores and follows up.

``create_plan`` scores the scan (core), builds the plan problem (core ``problem_from_scan``),
solves it (core ``make_plan``) and stores request and result. ``accept_plan`` turns the chosen
measures into actions with owner, due quarter, status and evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from weerbaar.measures import Plan as CorePlan
from weerbaar.measures import PlanProblem, PlanRequest, make_plan, plan_to_json, problem_from_scan
from weerbaar.web.knowledgebase.framework import framework_for
from weerbaar.web.plans.models import Action, ActionStatus, Plan
from weerbaar.web.results.services import score
from weerbaar.web.scans.models import Scan


def problem_for(scan: Scan, mandatory: tuple[str, ...] = ()) -> PlanProblem:
    """The plan problem of a scan: its gaps and the measures that address them (core).

    ``mandatory`` measures become candidates even when they address no weak answer.
    """
    fw = framework_for(scan.framework_version)
    return problem_from_scan(score(scan), fw, mandatory=mandatory)


def request_from_params(params: dict[str, Any]) -> PlanRequest:
    """The core request from stored JSON parameters (validated by the core model)."""
    return PlanRequest.model_validate(params)


def create_plan(scan: Scan, request_params: dict[str, Any], user: Any = None) -> Plan:
    """Solve and store a plan. Raises the core's ``PlanInfeasible``/``UnknownMeasure`` as is."""
    request = request_from_params(request_params)
    core_plan = make_plan(
        problem_for(scan, request.mandatory),
        request,
        framework_version=scan.framework_version,
        scan=str(scan.pk),
    )
    return Plan.objects.create(
        scan=scan,
        parameters=request.model_dump(mode="json"),
        result=plan_to_json(core_plan),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def core_plan(plan: Plan) -> CorePlan:
    return CorePlan.model_validate(plan.result)


@transaction.atomic
def accept_plan(plan: Plan) -> list[Action]:
    """Turn the chosen measures into actions (idempotent: existing actions are kept)."""
    existing = set(plan.actions.values_list("measure_id", flat=True))
    new = [
        Action(plan=plan, measure_id=chosen.id, due_quarter=chosen.quarter)
        for chosen in core_plan(plan).chosen
        if chosen.id not in existing
    ]
    Action.objects.bulk_create(new)
    if plan.accepted_at is None:
        plan.accepted_at = timezone.now()
        plan.save(update_fields=["accepted_at"])
    return list(plan.actions.all())


@dataclass(frozen=True)
class Progress:
    plan: Plan
    total: int
    done: int
    doing: int


def plan_progress(scan: Scan) -> Progress | None:
    """Progress of the most recently accepted plan of ``scan``; None when none is accepted."""
    plan = scan.plans.filter(accepted_at__isnull=False).order_by("-accepted_at").first()
    if plan is None:
        return None
    statuses = list(plan.actions.values_list("status", flat=True))
    return Progress(
        plan=plan,
        total=len(statuses),
        done=statuses.count(ActionStatus.DONE),
        doing=statuses.count(ActionStatus.DOING),
    )
