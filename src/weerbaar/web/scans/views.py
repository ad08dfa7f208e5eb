"""Coordinator pages of a scan: list, start, overview with progress, close."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.scans.forms import ScanForm
from weerbaar.web.scans.models import Respondent, Scan, ScanMode, ScanStatus
from weerbaar.web.scans.questions import part_name, part_progress, parts_for
from weerbaar.web.tenancy.access import municipality_role_required

ALL = ("coordinator", "viewer", "respondent")


def scan_for(request: HttpRequest, pk: int) -> Scan:
    """The scan ``pk`` of the request's municipality; 404 for any other (no existence leaks)."""
    scan = get_object_or_404(Scan, pk=pk, municipality=request.municipality)  # type: ignore[attr-defined]
    if request.membership.role == "respondent" and not own_respondent(request, scan):  # type: ignore[attr-defined]
        raise Http404("Geen toegang tot deze scan")
    return scan


def own_respondent(request: HttpRequest, scan: Scan) -> Respondent | None:
    """The respondent row of a logged-in user with the respondent role, if assigned."""
    return Respondent.objects.filter(scan=scan, user=request.user).first()


@municipality_role_required(*ALL)
def index(request: HttpRequest, code: str) -> HttpResponse:
    scans = Scan.objects.filter(municipality=request.municipality)  # type: ignore[attr-defined]
    if request.membership.role == "respondent":  # type: ignore[attr-defined]
        scans = scans.filter(respondents__user=request.user)
    scans = scans.annotate(
        answer_count=Count("answers", distinct=True),
        respondent_count=Count("respondents", distinct=True),
        done_count=Count(
            "respondents", filter=Q(respondents__completed_at__isnull=False), distinct=True
        ),
    )
    scans = scans.order_by("-date", "-pk")  # Meta.ordering does not apply to GROUP BY queries
    log_event(request, "scan_list_viewed")
    return render(request, "scans/index.html", {"scans": scans})


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, code: str) -> HttpResponse:
    form = ScanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        scan = form.save(commit=False)
        scan.municipality = request.municipality  # type: ignore[attr-defined]
        scan.framework_version = framework().version
        scan.created_by = request.user
        scan.save()
        log_event(request, "scan_created", scan, details={"mode": scan.mode})
        messages.success(request, _("De scan is aangemaakt."))
        if scan.mode == ScanMode.SURVEY:
            return redirect("scans:respondents", code, scan.pk)
        return redirect("scans:detail", code, scan.pk)
    return render(request, "scans/create.html", {"form": form})


def _overview(scan: Scan) -> dict[str, Any]:
    parts = parts_for(scan, None)
    context: dict[str, Any] = {"scan": scan, "parts": parts}
    if scan.mode == ScanMode.WORKSHOP:
        progress = part_progress(scan, None, parts)
        for row in progress:
            row["name"] = part_name(str(row["part"]))
        context["progress"] = progress
        context["answered"] = sum(int(str(r["answered"])) for r in progress)
        context["total"] = sum(int(str(r["total"])) for r in progress)
    else:
        respondents = list(scan.respondents.annotate(answer_count=Count("answers")).order_by("pk"))
        context["respondents"] = respondents
        context["completed"] = sum(1 for r in respondents if r.completed_at)
    return context


@municipality_role_required(*ALL)
def detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    scan = scan_for(request, pk)
    if request.membership.role == "respondent":  # type: ignore[attr-defined]
        return redirect("scans:fill_start", code, scan.pk)
    log_event(request, "scan_viewed", scan)
    return render(request, "scans/detail.html", _overview(scan))


@municipality_role_required("coordinator")
@require_POST
def set_status(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    scan = scan_for(request, pk)
    status = request.POST.get("status", "")
    if status not in ScanStatus.values:
        raise Http404("Onbekende status")
    scan.status = status
    scan.save(update_fields=["status"])
    log_event(request, "scan_status_changed", scan, details={"status": status})
    messages.success(request, _("De status van de scan is bijgewerkt."))
    return redirect("scans:detail", code, scan.pk)
