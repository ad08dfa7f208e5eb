"""Action plan pages: the optimiser form, the explained plan, accepting it, following it up."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.measures import PlanInfeasible, UnknownMeasure
from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.plans import presentation
from weerbaar.web.plans.forms import ActionForm, PlanForm
from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.plans.services import accept_plan, core_plan, create_plan, problem_for
from weerbaar.web.results.services import NotScorable
from weerbaar.web.scans.views import scan_for
from weerbaar.web.tenancy.access import municipality_role_required


def plan_for(request: HttpRequest, pk: int) -> Plan:
    """Plan ``pk`` of the request's municipality; 404 for any other."""
    return get_object_or_404(
        Plan.objects.select_related("scan"),
        pk=pk,
        scan__municipality=request.municipality,  # type: ignore[attr-defined]
    )


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    scan = scan_for(request, pk)
    try:
        problem = problem_for(scan)
    except NotScorable as exc:
        messages.error(request, str(exc))
        return redirect("results:dashboard", code, scan.pk)
    if not problem.candidates:
        messages.info(
            request, _("De scan laat geen zwakke plekken zien waar maatregelen bij horen.")
        )
        return redirect("results:dashboard", code, scan.pk)
    form = PlanForm(request.POST if request.method == "POST" else None, problem=problem)
    infeasible = ""
    if request.method == "POST" and form.is_valid():
        try:
            plan = create_plan(scan, form.request_params(), request.user)
        except (PlanInfeasible, UnknownMeasure) as exc:
            infeasible = exc.en if language() == "en" else exc.nl
        else:
            log_event(request, "plan_created", plan, details={"scan": scan.pk})
            return redirect("plans:detail", code, plan.pk)
    log_event(request, "plan_form_viewed", scan)
    context = {"scan": scan, "form": form, "infeasible": infeasible, "gaps": len(problem.gaps)}
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/create.html", context, status=status)


@municipality_role_required("coordinator", "viewer")
def detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    result = core_plan(plan)
    actions = list(plan.actions.all())
    context: dict[str, Any] = {
        "plan": plan,
        "scan": plan.scan,
        "core": result,
        "chosen": presentation.chosen_rows(result),
        "rejected": presentation.rejected_rows(result),
        "processes": presentation.process_rows(result),
        "request_rows": presentation.request_rows(result),
        "actions": [
            (a, presentation.measure_title(a.measure_id), _action_form(a, result.request.quarters))
            for a in actions
        ],
    }
    log_event(request, "plan_viewed", plan)
    return render(request, "plans/detail.html", context)


def _action_form(action: Action, quarters: int, data: Any = None) -> ActionForm:
    return ActionForm(data, instance=action, prefix=f"a{action.pk}", quarters=quarters)


@municipality_role_required("coordinator")
@require_POST
def accept(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    actions = accept_plan(plan)
    log_event(request, "plan_accepted", plan, details={"actions": len(actions)})
    messages.success(
        request, _("Het plan is vastgesteld; de maatregelen staan nu als acties klaar.")
    )
    return redirect("plans:detail", code, plan.pk)


@municipality_role_required("coordinator")
@require_POST
def update_action(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    action = get_object_or_404(
        Action.objects.select_related("plan__scan"),
        pk=pk,
        plan__scan__municipality=request.municipality,  # type: ignore[attr-defined]
    )
    quarters = core_plan(action.plan).request.quarters
    form = _action_form(action, quarters, request.POST)
    if form.is_valid():
        form.save()
        log_event(request, "action_changed", action, details={"status": action.status})
        messages.success(request, _("De actie is bijgewerkt."))
    else:
        errors = "; ".join(f"{form[f].label}: {' '.join(e)}" for f, e in form.errors.items())
        messages.error(request, _("De actie is niet bijgewerkt: %(errors)s") % {"errors": errors})
    return redirect(f"{_detail_url(code, action.plan.pk)}#actie-{action.pk}")


def _detail_url(code: str, pk: int) -> str:
    from django.urls import reverse

    return reverse("plans:detail", args=[code, pk])


@municipality_role_required("coordinator", "viewer")
def index(request: HttpRequest, code: str) -> HttpResponse:
    plans = Plan.objects.filter(scan__municipality=request.municipality).select_related("scan")  # type: ignore[attr-defined]
    log_event(request, "plan_list_viewed")
    return render(request, "plans/index.html", {"plans": plans})
