"""The municipality's consent page: the current level, what it means, and every change."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from weerbaar.web.audit import log_event
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.regional.consent import current_level, set_consent
from weerbaar.web.regional.forms import ConsentForm
from weerbaar.web.regional.models import ConsentChange, ConsentLevel
from weerbaar.web.tenancy.access import municipality_role_required
from weerbaar.web.tenancy.models import Role

# Audit actions by people outside the municipality that the municipality's own members see.
OUTSIDE_VIEWS = ("riec_overview_viewed", "riec_comparison_viewed", "riec_api_read")


@municipality_role_required(Role.COORDINATOR, Role.VIEWER)
def consent(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    level = current_level(municipality)
    form = ConsentForm(request.POST or None, initial={"level": level})
    if request.method == "POST":
        if request.membership.role != Role.COORDINATOR:  # type: ignore[attr-defined]
            raise PermissionDenied("Only the coordinator changes consent")
        if form.is_valid():
            change = set_consent(
                municipality,
                form.cleaned_data["level"],
                request=request,
                note=form.cleaned_data["note"],
            )
            if change is None:
                messages.info(request, _("De toestemming was al zo ingesteld."))
            else:
                messages.success(request, _("De toestemming is gewijzigd."))
            return redirect("regional:consent", code)
    log_event(request, "consent_viewed", municipality=municipality)
    context = {
        "form": form,
        "level": level,
        "level_label": ConsentLevel(level).label,
        "levels": ConsentLevel,
        "history": ConsentChange.objects.filter(municipality=municipality)[:50],
        "outside_views": AuditEvent.objects.filter(
            municipality=municipality, action__in=OUTSIDE_VIEWS
        )[:20],
    }
    return render(request, "regional/consent.html", context)
