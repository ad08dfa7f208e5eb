"""Survey respondents: invited by the coordinator, answering through a personal link.

The link ``/s/<token>/`` is the only municipality data URL without an account. The token is
unguessable (``secrets.token_urlsafe``), only its hash is stored, and it reaches nothing but the
respondent's own assigned parts of its own scan.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.web.audit import log_event
from weerbaar.web.scans.answering import (
    Answerer,
    autosave,
    overall_progress,
    part_context,
    save_page,
)
from weerbaar.web.scans.forms import RespondentForm
from weerbaar.web.scans.models import Respondent, ScanMode
from weerbaar.web.scans.questions import part_name, part_progress
from weerbaar.web.scans.services import mark_completed
from weerbaar.web.scans.views import scan_for
from weerbaar.web.tenancy.access import municipality_role_required


@municipality_role_required("coordinator")
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """List respondents and add one; the new personal link is shown once, never again."""
    scan = scan_for(request, pk)
    if scan.mode != ScanMode.SURVEY:
        raise Http404("Alleen een vragenlijst heeft respondenten")
    municipality = request.municipality  # type: ignore[attr-defined]
    data = request.POST if request.method == "POST" else None
    form = RespondentForm(data, municipality=municipality)
    link = ""
    if request.method == "POST" and form.is_valid():
        respondent = form.save(commit=False)
        respondent.scan = scan
        token = respondent.issue_token()
        respondent.save()
        link = request.build_absolute_uri(reverse("scans:respondent:start", args=[token]))
        log_event(request, "respondent_invited", scan, details={"respondent": respondent.pk})
        form = RespondentForm(municipality=municipality)
    else:
        log_event(request, "respondents_viewed", scan)
    respondents = scan.respondents.select_related("user")
    context = {"scan": scan, "form": form, "link": link, "respondents": respondents}
    return render(request, "scans/respondents.html", context)


def _respondent(request: HttpRequest, token: str) -> Respondent:
    respondent = Respondent.for_token(token)
    if respondent is None or respondent.scan.mode != ScanMode.SURVEY:
        raise Http404("Onbekende link")
    request.audit_actor = "respondent"  # type: ignore[attr-defined]
    request.municipality = respondent.scan.municipality  # type: ignore[attr-defined]
    return respondent


def _answerer(respondent: Respondent, token: str) -> Answerer:
    return Answerer(
        scan=respondent.scan,
        respondent=respondent,
        part_url=lambda part: reverse("scans:respondent:part", args=[token, part]),
        autosave_url=reverse("scans:respondent:autosave", args=[token]),
    )


def start(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(request, token)
    answerer = _answerer(respondent, token)
    rows = part_progress(respondent.scan, respondent, answerer.parts)
    for row in rows:
        row["name"] = part_name(str(row["part"]))
        row["url"] = answerer.part_url(row["part"])
    answered, total = overall_progress(answerer)
    log_event(request, "respondent_start_viewed", respondent.scan)
    context = {
        "scan": respondent.scan,
        "respondent": respondent,
        "rows": rows,
        "answered": answered,
        "total": total,
        "token": token,
    }
    return render(request, "scans/respondent_start.html", context)


@require_http_methods(["GET", "POST"])
def part(request: HttpRequest, token: str, part: str) -> HttpResponse:
    respondent = _respondent(request, token)
    answerer = _answerer(respondent, token)
    if part not in answerer.parts:
        raise Http404("Onbekend onderdeel")
    errors: list[str] = []
    if request.method == "POST" and respondent.scan.is_open:
        errors = save_page(request, answerer, part)
        if not errors:
            messages.success(request, _("Uw antwoorden zijn opgeslagen."))
            next_url = part_context(answerer, part, readonly=False)["next_url"]
            return redirect(next_url or reverse("scans:respondent:start", args=[token]))
    log_event(request, "answers_viewed", respondent.scan, details={"part": part})
    context = part_context(answerer, part, readonly=respondent.completed_at is not None)
    context.update(errors=errors, back_url=reverse("scans:respondent:start", args=[token]))
    return render(request, "scans/answer_part.html", context, status=400 if errors else 200)


@require_POST
def autosave_answer(request: HttpRequest, token: str) -> JsonResponse:
    respondent = _respondent(request, token)
    if respondent.completed_at is not None:
        return JsonResponse({"error": _("U heeft de vragenlijst al ingeleverd.")}, status=409)
    return autosave(request, _answerer(respondent, token))


@require_POST
def complete(request: HttpRequest, token: str) -> HttpResponse:
    respondent = _respondent(request, token)
    if respondent.completed_at is None:
        mark_completed(respondent)
        log_event(request, "respondent_completed", respondent.scan)
    messages.success(request, _("Dank u wel. Uw antwoorden zijn ingeleverd."))
    return redirect("scans:respondent:start", token)
