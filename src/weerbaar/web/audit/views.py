"""The municipality's audit log, read-only, for its coordinators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.audit.service import log_event
from weerbaar.web.tenancy.access import municipality_role_required


@municipality_role_required("coordinator")
def event_list(request: HttpRequest, code: str) -> HttpResponse:
    log_event(request, "audit_viewed", request.municipality)  # type: ignore[attr-defined]
    events = AuditEvent.objects.filter(municipality_id=code).select_related("user")
    action = request.GET.get("action", "")
    if action:
        events = events.filter(action=action)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/event_list.html",
        {"page": page, "action": action, "municipality": request.municipality},  # type: ignore[attr-defined]
    )
