"""Facilitator pages of dilemma sessions: list and prepare, the projector screen, the steps."""

from __future__ import annotations

import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.awareness import Event, TransitionError, format_code
from weerbaar.web.audit import log_event
from weerbaar.web.awareness import sessions
from weerbaar.web.awareness.events import step_action
from weerbaar.web.awareness.forms import NotesForm, SessionForm
from weerbaar.web.awareness.models import DilemmaSession
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.tenancy.access import municipality_role_required


def session_for(request: HttpRequest, pk: int) -> DilemmaSession:
    """Session ``pk`` of the request's municipality; 404 for any other."""
    return get_object_or_404(
        DilemmaSession,
        pk=pk,
        municipality=request.municipality,  # type: ignore[attr-defined]
    )


@municipality_role_required("coordinator", "viewer")
@require_http_methods(["GET", "POST"])
def session_list(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    is_coordinator = request.membership.role == "coordinator"  # type: ignore[attr-defined]
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not is_coordinator:
            raise PermissionDenied("Only the coordinator creates sessions")
        if form.is_valid():
            session = sessions.create_session(
                municipality,
                form.cleaned_data["title"],
                form.cleaned_data["group"],
                form.cleaned_data["cards"],
                request.user,
            )
            log_event(request, "dilemma_session_created", session)
            return redirect("awareness:session", code, session.pk)
    log_event(request, "dilemma_sessions_viewed")
    context = {
        "sessions": DilemmaSession.objects.filter(municipality=municipality),
        "form": form if is_coordinator else None,
    }
    return render(
        request, "awareness/session_list.html", context, status=400 if form.errors else 200
    )


def _rounds(session: DilemmaSession) -> list[sessions.RoundView]:
    return [sessions.round_view(r) for r in session.rounds.prefetch_related("tallies")]


@municipality_role_required("coordinator", "viewer")
def session_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    log_event(request, "dilemma_session_viewed", session)
    context = {
        "session": session,
        "rounds": _rounds(session),
        "code": format_code(session.join_code),
        "join_url": request.build_absolute_uri(reverse("awareness:join")),
    }
    return render(request, "awareness/session_detail.html", context)


@municipality_role_required("coordinator")
def screen(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The projector layout: join code and QR code, the card, the live vote, then discussion."""
    session = session_for(request, pk)
    round_ = sessions.current_round(session)
    view = sessions.round_view(round_) if round_ is not None else None
    log_event(request, "dilemma_screen_viewed", session)
    context: dict[str, Any] = {
        "session": session,
        "view": view,
        "code": format_code(session.join_code),
        "join_url": request.build_absolute_uri(
            reverse("awareness:participant", args=[session.join_code])
        ),
        "state_url": reverse("awareness:state", args=[code, session.pk]),
        "notes_form": NotesForm(initial={"notes": round_.notes if round_ else ""}),
        "red_flags": _red_flags(view.card.red_flags if view and view.card else []),
        "measures": [
            framework().measures[m] for m in (view.card.measures if view and view.card else [])
        ],
        "count": session.rounds.count(),
    }
    return render(request, "awareness/screen.html", context)


def _red_flags(ids: list[str]) -> list[Any]:
    fw = framework()
    return [fw.red_flag(flag_id) for flag_id in ids]


@municipality_role_required("coordinator")
@require_POST
def step(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    try:
        event = Event(request.POST.get("event", ""))
    except ValueError:
        raise Http404("Onbekende stap") from None
    try:
        session = sessions.apply(session, event)
    except TransitionError as exc:
        messages.error(request, exc.en if language() == "en" else exc.nl)
    else:
        log_event(request, step_action(event), session)
    target = "awareness:session" if session.status in ("done", "cancelled") else "awareness:screen"
    return redirect(target, code, session.pk)


@municipality_role_required("coordinator")
@require_POST
def notes(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    form = NotesForm(request.POST)
    round_ = sessions.current_round(session)
    if round_ is not None and form.is_valid():
        round_.notes = form.cleaned_data["notes"]
        round_.save(update_fields=["notes"])
        log_event(request, "dilemma_notes_saved", session, details={"position": round_.position})
        messages.success(request, "Notities opgeslagen." if language() == "nl" else "Notes saved.")
    return redirect("awareness:screen", code, session.pk)


@municipality_role_required("coordinator")
def state(request: HttpRequest, code: str, pk: int) -> JsonResponse:
    """The projector's live state, polled every second (no audit event per poll: the screen
    view itself is audited, and a poll shows counts only)."""
    session = session_for(request, pk)
    return JsonResponse(sessions.screen_state(session, language()))


@municipality_role_required("coordinator")
def qr(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    session = session_for(request, pk)
    url = request.build_absolute_uri(reverse("awareness:participant", args=[session.join_code]))
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
