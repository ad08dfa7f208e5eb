"""Filling in a scan while logged in: the consensus (workshop) or a respondent account."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.web.audit import log_event
from weerbaar.web.scans.answering import Answerer, autosave, part_context, save_page
from weerbaar.web.scans.models import Scan, ScanMode
from weerbaar.web.scans.questions import part_progress, question_views
from weerbaar.web.scans.views import own_respondent, scan_for
from weerbaar.web.tenancy.access import municipality_role_required

ANSWERING = ("coordinator", "respondent")


def answerer_for(request: HttpRequest, code: str, scan: Scan) -> Answerer:
    """Coordinator: the workshop consensus. Respondent account: its own assigned parts."""
    respondent = None
    if request.membership.role == "respondent":  # type: ignore[attr-defined]
        respondent = own_respondent(request, scan)
        if respondent is None:
            raise Http404("Geen toegewezen onderdelen")
    elif scan.mode != ScanMode.WORKSHOP:
        raise Http404("In een vragenlijst antwoorden de respondenten zelf")
    return Answerer(
        scan=scan,
        respondent=respondent,
        part_url=lambda part: reverse("scans:fill", args=[code, scan.pk, part]),
        autosave_url=reverse("scans:autosave", args=[code, scan.pk]),
    )


@municipality_role_required(*ANSWERING)
def fill_start(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    scan = scan_for(request, pk)
    answerer = answerer_for(request, code, scan)
    first = next(iter(answerer.parts), None)
    if first is None:
        raise Http404("Geen vragen")
    return redirect(answerer.part_url(first))


@municipality_role_required(*ANSWERING)
@require_http_methods(["GET", "POST"])
def fill(request: HttpRequest, code: str, pk: int, part: str) -> HttpResponse:
    scan = scan_for(request, pk)
    answerer = answerer_for(request, code, scan)
    if part not in answerer.parts:
        raise Http404("Onbekend onderdeel")
    errors: list[str] = []
    if request.method == "POST" and scan.is_open:
        errors = save_page(request, answerer, part)
        if not errors:
            messages.success(request, _("Uw antwoorden zijn opgeslagen."))
            context = part_context(answerer, part, readonly=False)
            return redirect(context["next_url"] or answerer.part_url(part))
    log_event(request, "answers_viewed", scan, details={"part": part})
    context = part_context(answerer, part, readonly=False)
    context["errors"] = errors
    context["back_url"] = reverse("scans:detail", args=[code, scan.pk])
    return render(request, "scans/answer_part.html", context, status=400 if errors else 200)


@municipality_role_required(*ANSWERING)
@require_POST
def autosave_answer(request: HttpRequest, code: str, pk: int) -> JsonResponse:
    scan = scan_for(request, pk)
    return autosave(request, answerer_for(request, code, scan))


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def workshop(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """Projector view: one question at a time in large type; the group agrees one answer."""
    scan = scan_for(request, pk)
    answerer = answerer_for(request, code, scan)
    questions = [q for qs in answerer.parts.values() for q in qs]
    try:
        index = min(max(int(request.GET.get("vraag", "1")), 1), len(questions))
    except ValueError:
        index = 1
    here = reverse("scans:workshop", args=[code, scan.pk])
    if request.method == "POST" and scan.is_open:
        part = questions[index - 1].process or "algemeen"
        errors = save_page(request, answerer, part)
        if not errors:
            step = -1 if "previous" in request.POST else 1
            target = min(max(index + step, 1), len(questions))
            return redirect(f"{here}?vraag={target}")
        messages.error(request, errors[0])
    view = question_views(scan, None, [questions[index - 1]])[0]
    view.number = index
    rows = part_progress(scan, None, answerer.parts)
    log_event(request, "answers_viewed", scan, details={"workshop_question": view.id})
    context = {
        "scan": scan,
        "q": view,
        "index": index,
        "count": len(questions),
        "here": here,
        "autosave_url": answerer.autosave_url,
        "answered": sum(int(str(r["answered"])) for r in rows),
        "total": sum(int(str(r["total"])) for r in rows),
        "readonly": not scan.is_open,
    }
    return render(request, "scans/workshop.html", context)
