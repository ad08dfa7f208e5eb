"""The municipality's own communication plan: list, add, edit, seed, iCalendar export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.awareness.commplan import (
    Channel,
    CommItem,
    ItemStatus,
    may_change,
    seed_items,
    to_ical,
)
from weerbaar.web.audit import log_event
from weerbaar.web.awareness.forms import CommunicationItemForm
from weerbaar.web.awareness.models import CommunicationItem
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.plans.models import Plan
from weerbaar.web.tenancy.access import municipality_role_required


def _plan_measures(municipality: Any) -> list[tuple[str, int]]:
    plan = (
        Plan.objects.filter(scan__municipality=municipality, accepted_at__isnull=False)
        .order_by("-accepted_at")
        .first()
    )
    if plan is None:
        return []
    return [(action.measure_id, action.due_quarter) for action in plan.actions.all()]


def seed(municipality: Any, lang: str) -> int:
    """Add the proposed items that are not in the plan yet (by source); the number added."""
    existing = set(
        CommunicationItem.objects.filter(municipality=municipality).values_list("source", flat=True)
    )
    items = seed_items(framework(), _plan_measures(municipality), timezone.localdate(), lang)
    new = [
        CommunicationItem(
            municipality=municipality,
            message=item.message,
            audience=item.audience,
            channel=item.channel.value,
            moment=item.moment,
            owner=item.owner,
            source=item.source,
        )
        for item in items
        if item.source not in existing
    ]
    CommunicationItem.objects.bulk_create(new)
    return len(new)


def core_items(municipality: Any) -> list[CommItem]:
    return [
        CommItem(
            message=i.message,
            audience=i.audience,
            channel=Channel(i.channel),
            moment=i.moment,
            owner=i.owner,
            status=ItemStatus(i.status),
            source=i.source,
            uid=f"commplan-{municipality.pk}-{i.pk}@weerbaar",
        )
        for i in CommunicationItem.objects.filter(municipality=municipality)
    ]


@municipality_role_required("coordinator", "viewer")
@require_http_methods(["GET", "POST"])
def plan(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    coordinator = request.membership.role == "coordinator"  # type: ignore[attr-defined]
    form = CommunicationItemForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        if not coordinator:
            raise PermissionDenied("Only the coordinator edits the plan")
        if request.POST.get("action") == "seed":
            added = seed(municipality, language())
            log_event(request, "commplan_seeded", details={"added": added})
            messages.success(request, _("%(n)s voorstellen toegevoegd.") % {"n": added})
            return redirect("awareness:commplan", code)
        if form.is_valid():
            item = form.save(commit=False)
            item.municipality = municipality
            item.save()
            log_event(request, "commplan_item_added", item)
            return redirect("awareness:commplan", code)
    log_event(request, "commplan_viewed")
    items = CommunicationItem.objects.filter(municipality=municipality)
    context = {"items": items, "form": form if coordinator else None, "can_edit": coordinator}
    return render(request, "awareness/commplan.html", context, status=400 if form.errors else 200)


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def edit_item(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    item = get_object_or_404(CommunicationItem, pk=pk, municipality=request.municipality)  # type: ignore[attr-defined]
    old = ItemStatus(item.status)
    if request.method == "POST" and request.POST.get("action") == "delete":
        log_event(request, "commplan_item_deleted", item)
        item.delete()
        return redirect("awareness:commplan", code)
    form = CommunicationItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        if not may_change(old, ItemStatus(form.cleaned_data["status"])):
            form.add_error(
                "status", _("Deze statuswijziging kan niet; zet de actie eerst terug op gepland.")
            )
        else:
            form.save()
            log_event(request, "commplan_item_changed", item, details={"status": item.status})
            return redirect("awareness:commplan", code)
    log_event(request, "commplan_item_viewed", item)
    status = 400 if form.errors else 200
    return render(
        request, "awareness/commplan_item.html", {"form": form, "item": item}, status=status
    )


@municipality_role_required("coordinator", "viewer")
def ical(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    name = _("Communicatieplan %(name)s") % {"name": municipality.name}
    data = to_ical(core_items(municipality), name, language())
    log_event(request, "commplan_ical_downloaded")
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    stamp = dt.date.today().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="communicatieplan-{municipality.pk}-{stamp}.ics"'
    )
    return response
