"""The municipality's audit log, read-only, for its coordinators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from weerbaar.web.audit.forms import AuditFilterForm
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.audit.presentation import event_rows
from weerbaar.web.audit.service import log_event
from weerbaar.web.tenancy.access import municipality_role_required


@municipality_role_required("coordinator")
def event_list(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    log_event(request, "audit_viewed", municipality)
    form = AuditFilterForm(request.GET or None, municipality=municipality)
    events = form.filter(AuditEvent.objects.filter(municipality=municipality))
    page = Paginator(events.select_related("user"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {
            "page": page,
            "rows": event_rows(list(page.object_list)),
            "form": form,
            "query": query.urlencode(),
            "municipality": municipality,
        },
    )
