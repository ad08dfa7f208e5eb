"""The results dashboard of a scan: scores, heatmap, top, disagreement, trend, plan progress."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from weerbaar.web.audit import log_event
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.plans.services import plan_progress
from weerbaar.web.results import presentation, report
from weerbaar.web.results.services import NotScorable, results_for
from weerbaar.web.scans.views import scan_for
from weerbaar.web.tenancy.access import municipality_role_required


def dashboard_context(results: Any) -> dict[str, Any]:
    result = results.result
    return {
        "result": result,
        "heatmap": presentation.heatmap_context(result),
        "processes": presentation.process_rows(results),
        "top": presentation.top_rows(result),
        "disagreements": presentation.disagreement_rows(result),
        "trend": presentation.trend_rows(results),
        "comparison": results.comparison,
        "previous": results.previous,
    }


@municipality_role_required("coordinator", "viewer")
def dashboard(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    scan = scan_for(request, pk)
    context: dict[str, Any] = {"scan": scan, "progress": plan_progress(scan)}
    try:
        context.update(dashboard_context(results_for(scan)))
    except NotScorable as exc:
        context["not_scorable"] = str(exc)
    log_event(request, "results_viewed", scan)
    return render(request, "results/dashboard.html", context)


@municipality_role_required("coordinator", "viewer")
def download_report(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The management report of the scan as PDF, Excel or HTML (``?formaat=``, attachment)."""
    scan = scan_for(request, pk)
    fmt = request.GET.get("formaat", "pdf")
    if fmt not in report.FORMATS:
        raise Http404("Onbekend formaat")
    try:
        rendered = report.render_report(scan, fmt, language())
    except NotScorable as exc:
        messages.error(request, str(exc))
        return redirect("results:dashboard", code, scan.pk)
    log_event(request, "report_downloaded", scan, details={"format": fmt})
    response = HttpResponse(rendered.data, content_type=rendered.media_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response
