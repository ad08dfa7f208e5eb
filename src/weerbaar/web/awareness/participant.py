"""Participants of a dilemma session: join by code on a phone, vote, no account, no identity.

Nothing about a participant is stored: no account, no session row, no audit event, no IP
address. Which cards this browser already voted on is kept in a signed cookie in the browser
itself, so that one tap counts once; the server keeps only the count per answer. (Someone who
deliberately clears cookies can vote twice; a dilemma session is a conversation, not an
election, and the count is never more than the number of taps.)
"""

from __future__ import annotations

import json

from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from weerbaar.awareness import SessionStatus, format_code, normalise_code
from weerbaar.web.awareness import sessions
from weerbaar.web.awareness.forms import JoinForm
from weerbaar.web.awareness.models import DilemmaSession

COOKIE = "wb_dilemma"
SALT = "weerbaar.dilemma.votes"
OPEN = (SessionStatus.PREPARED.value, SessionStatus.LIVE.value)


def _session(code: str) -> DilemmaSession:
    normal = normalise_code(code)
    found = (
        DilemmaSession.objects.filter(join_code=normal, status__in=OPEN).first() if normal else None
    )
    if found is None:
        raise Http404("Geen open sessie met deze code")
    return found


def _voted(request: HttpRequest) -> dict[str, list[int]]:
    try:
        raw = request.get_signed_cookie(COOKIE, default="{}", salt=SALT)
        data = json.loads(raw)
    except (BadSignature, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@never_cache
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    form = JoinForm(request.POST or request.GET or None)
    if form.is_bound and form.is_valid():
        normal = normalise_code(form.cleaned_data["code"])
        if normal and DilemmaSession.objects.filter(join_code=normal, status__in=OPEN).exists():
            return redirect("awareness:participant", normal)
        form.add_error("code", _not_found())
    status = 400 if form.errors else 200
    return render(request, "awareness/join.html", {"form": form}, status=status)


def _not_found() -> str:
    from django.utils.translation import gettext as _

    return _("Er is geen open sessie met deze code. Kijk nog eens op het scherm.")


@never_cache
def participant(request: HttpRequest, join_code: str) -> HttpResponse:
    session = _session(join_code)
    key = str(session.pk)
    voted = _voted(request)
    response_cookie = None
    if key not in voted:  # first visit of this browser: count one participant
        sessions.join(session)
        voted[key] = []
        response_cookie = voted
    round_ = sessions.current_round(session)
    view = sessions.round_view(round_) if round_ is not None else None
    context = {
        "session": session,
        "view": view,
        "code": format_code(session.join_code),
        "has_voted": view is not None and view.position in voted.get(key, []),
        "state_url": reverse("awareness:participant_state", args=[session.join_code]),
        "vote_url": reverse("awareness:vote", args=[session.join_code]),
    }
    response = render(request, "awareness/participant.html", context)
    if response_cookie is not None:
        _set_cookie(response, response_cookie)
    return response


def _set_cookie(response: HttpResponse, voted: dict[str, list[int]]) -> None:
    recent = dict(list(voted.items())[-20:])  # keep the cookie small
    response.set_signed_cookie(
        COOKIE,
        json.dumps(recent),
        salt=SALT,
        max_age=12 * 3600,
        httponly=True,
        samesite="Lax",
        secure=request_is_secure_default(),
    )


def request_is_secure_default() -> bool:
    from django.conf import settings

    return bool(getattr(settings, "SESSION_COOKIE_SECURE", False))


@never_cache
@require_POST
def vote(request: HttpRequest, join_code: str) -> HttpResponse:
    session = _session(join_code)
    key = str(session.pk)
    voted = _voted(request)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    try:
        position = int(request.POST.get("position", ""))
    except ValueError:
        position = -1
    option = request.POST.get("option", "")
    already = position in voted.get(key, [])
    counted = False if already else sessions.vote(session.pk, position, option)
    if counted:
        voted.setdefault(key, []).append(position)
    if wants_json:
        response: HttpResponse = JsonResponse(
            {"counted": counted, "already": already}, status=200 if counted or already else 409
        )
    else:
        response = redirect("awareness:participant", session.join_code)
    if counted:
        _set_cookie(response, voted)
    return response


@never_cache
def state(request: HttpRequest, join_code: str) -> JsonResponse:
    normal = normalise_code(join_code)
    session = DilemmaSession.objects.filter(join_code=normal).first() if normal else None
    if session is None:
        raise Http404("Onbekende sessie")
    return JsonResponse(sessions.participant_state(session))
