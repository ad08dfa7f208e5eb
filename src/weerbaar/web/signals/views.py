"""Signal pages: the runs, one run (counts per rule; hits for coordinators), one hit + review.

Coordinators see everything and review hits. Viewers (e.g. the gemeentesecretaris) see runs and
counts per rule only, never a hit: hits point at payments, creditors and pseudonymised
employees, and belong with whoever reviews them. Respondents see nothing. Every page view is
written to the audit log.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.signals import presentation
from weerbaar.web.signals.forms import ReviewForm
from weerbaar.web.signals.models import ReviewStatus, SignalHit, SignalRun
from weerbaar.web.tenancy.access import municipality_role_required
from weerbaar.web.tenancy.models import Role

HITS_PER_PAGE = 100
RECORDS_SHOWN = 50  # the API gives all of a hit's record ids


def run_for(request: HttpRequest, pk: int) -> SignalRun:
    """Run ``pk`` of the request's municipality; 404 for any other."""
    return get_object_or_404(SignalRun, pk=pk, municipality=request.municipality)  # type: ignore[attr-defined]


def may_see_hits(request: HttpRequest) -> bool:
    return bool(request.membership.role == Role.COORDINATOR)  # type: ignore[attr-defined]


@municipality_role_required("coordinator", "viewer")
def index(request: HttpRequest, code: str) -> HttpResponse:
    runs = SignalRun.objects.filter(municipality=request.municipality)  # type: ignore[attr-defined]
    log_event(request, "signal_runs_listed")
    return render(
        request, "signals/index.html", {"runs": runs, "may_see_hits": may_see_hits(request)}
    )


def _filtered_hits(
    request: HttpRequest, run: SignalRun
) -> tuple[QuerySet[SignalHit], dict[str, str]]:
    hits = run.hits.all()
    chosen = {"regel": request.GET.get("regel", ""), "status": request.GET.get("status", "")}
    if chosen["regel"]:
        hits = hits.filter(rule_id=chosen["regel"])
    if chosen["status"] in ReviewStatus.values:
        hits = hits.filter(status=chosen["status"])
    else:
        chosen["status"] = ""
    return hits, chosen


@municipality_role_required("coordinator", "viewer")
def run_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    run = run_for(request, pk)
    context: dict[str, object] = {
        "run": run,
        "rules": presentation.rule_rows(run, language()),
        "inputs": presentation.input_rows(run, language()),
        "may_see_hits": may_see_hits(request),
        "statuses": ReviewStatus.choices,
    }
    details: dict[str, object] = {"hits_shown": False}
    if may_see_hits(request):
        hits, chosen = _filtered_hits(request, run)
        page = Paginator(hits, HITS_PER_PAGE).get_page(request.GET.get("pagina"))
        context.update(page=page, chosen=chosen)
        details = {
            "hits_shown": True,
            "rule": chosen["regel"],
            "status": chosen["status"],
            "page": page.number,
            "hits": [h.pk for h in page.object_list],
        }
    log_event(request, "signal_run_viewed", run, details=details)
    return render(request, "signals/run.html", context)


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def hit_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    hit = get_object_or_404(
        SignalHit.objects.select_related("run", "reviewed_by"),
        pk=pk,
        run__municipality=request.municipality,  # type: ignore[attr-defined]
    )
    form = ReviewForm(request.POST if request.method == "POST" else None, instance=hit)
    if request.method == "POST" and form.is_valid():
        reviewed = form.save(commit=False)
        reviewed.reviewed_by = request.user
        reviewed.reviewed_at = timezone.now()
        reviewed.save()
        log_event(request, "signal_hit_reviewed", hit, details={"status": hit.status})
        messages.success(request, _("De beoordeling is vastgelegd."))
        return redirect("signals:hit", code, hit.pk)
    lang = language()
    context = {
        "hit": hit,
        "run": hit.run,
        "explanation": hit.explanation(lang),
        "process": presentation.process_name(hit.process, lang),
        "records": hit.record_ids[:RECORDS_SHOWN],
        "more_records": max(0, len(hit.record_ids) - RECORDS_SHOWN),
        "rule": presentation.rule_context(hit, lang),
        "parameters": presentation.parameter_rows(hit, lang),
        "flagged": presentation.flagged(hit, lang),
        "fields": presentation.field_rows(hit, lang),
        "form": form,
    }
    log_event(request, "signal_hit_viewed", hit, municipality=request.municipality)  # type: ignore[attr-defined]
    status = 400 if request.method == "POST" else 200
    return render(request, "signals/hit.html", context, status=status)
