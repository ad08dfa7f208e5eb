"""The awareness overview, the lessons and the pulse (coordinator pages and the employee link).

Employees open the municipality's kit link (``/k/<token>/``) without an account: they read a
lesson and take its check, or answer the open pulse. Only counts are stored: completions per
lesson and department, answers per pulse statement and scale value. Which lessons and waves this
browser finished is kept in a signed cookie, so a tap counts once.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.signing import BadSignature
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from weerbaar.awareness.lessons import grade
from weerbaar.web.audit import log_event
from weerbaar.web.awareness import figures
from weerbaar.web.awareness.forms import DepartmentsForm
from weerbaar.web.awareness.models import KitLink, PulseWave, new_link_token
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.tenancy.access import municipality_role_required

COOKIE = "wb_kit"
SALT = "weerbaar.kit.done"
UNKNOWN_DEPARTMENT = "onbekend"


def kit_link(municipality: Any) -> KitLink:
    link, _created = KitLink.objects.get_or_create(
        municipality=municipality, defaults={"departments": list(figures.DEFAULT_DEPARTMENTS)}
    )
    return link


@municipality_role_required("coordinator", "viewer")
def overview(request: HttpRequest, code: str) -> HttpResponse:
    municipality = request.municipality  # type: ignore[attr-defined]
    log_event(request, "awareness_viewed")
    context = {"panel": figures.panel(municipality), "kit_url": _kit_url(request, municipality)}
    return render(request, "awareness/overview.html", context)


def _kit_url(request: HttpRequest, municipality: Any) -> str:
    link = kit_link(municipality)
    return request.build_absolute_uri(reverse("awareness:kit", args=[link.token]))


def _coordinator_only(request: HttpRequest) -> None:
    if request.method == "POST" and request.membership.role != "coordinator":  # type: ignore[attr-defined]
        raise PermissionDenied("Only the coordinator changes this")


@municipality_role_required("coordinator", "viewer")
@require_http_methods(["GET", "POST"])
def lessons_admin(request: HttpRequest, code: str) -> HttpResponse:
    _coordinator_only(request)
    municipality = request.municipality  # type: ignore[attr-defined]
    link = kit_link(municipality)
    initial = {"departments": "\n".join(link.departments)}
    form = DepartmentsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and request.POST.get("action") == "new-link":
        link.token = new_link_token()
        link.save(update_fields=["token"])
        log_event(request, "kit_link_renewed")
        messages.success(request, _("Er is een nieuwe link; de oude werkt niet meer."))
        return redirect("awareness:lessons_admin", code)
    if request.method == "POST" and form.is_valid():
        link.departments = form.cleaned_data["departments"]
        link.save(update_fields=["departments"])
        log_event(request, "kit_departments_changed")
        messages.success(request, _("De afdelingen zijn opgeslagen."))
        return redirect("awareness:lessons_admin", code)
    log_event(request, "lesson_completions_viewed")
    context = {
        "form": form,
        "kit_url": _kit_url(request, municipality),
        "table": figures.completion_table(municipality),
        "can_edit": request.membership.role == "coordinator",  # type: ignore[attr-defined]
    }
    return render(
        request, "awareness/lessons_admin.html", context, status=400 if form.errors else 200
    )


@municipality_role_required("coordinator", "viewer")
@require_http_methods(["GET", "POST"])
def pulse_admin(request: HttpRequest, code: str) -> HttpResponse:
    _coordinator_only(request)
    municipality = request.municipality  # type: ignore[attr-defined]
    if request.method == "POST":
        message = figures.pulse_action(municipality, request.POST)
        log_event(request, "pulse_wave_changed", details={"action": request.POST.get("action")})
        messages.info(request, message)
        return redirect("awareness:pulse_admin", code)
    log_event(request, "pulse_viewed")
    context = {
        "waves": figures.pulse_waves(municipality),
        "open": PulseWave.objects.filter(municipality=municipality, closed_at__isnull=True).first(),
        "kit_url": _kit_url(request, municipality),
        "suggested": figures.next_wave_label(municipality),
        "can_edit": request.membership.role == "coordinator",  # type: ignore[attr-defined]
    }
    return render(request, "awareness/pulse_admin.html", context)


def _link(token: str) -> KitLink:
    link = KitLink.objects.select_related("municipality").filter(token=token).first()
    if link is None:
        raise Http404("Onbekende link")
    return link


def _done(request: HttpRequest) -> list[str]:
    try:
        data = json.loads(request.get_signed_cookie(COOKIE, default="[]", salt=SALT))
    except (BadSignature, ValueError):
        return []
    return [str(item) for item in data] if isinstance(data, list) else []


def _remember(response: HttpResponse, done: list[str], item: str) -> None:
    from django.conf import settings

    items = [*dict.fromkeys([*done, item])][-40:]
    response.set_signed_cookie(
        COOKIE,
        json.dumps(items),
        salt=SALT,
        max_age=400 * 86400,
        httponly=True,
        samesite="Lax",
        secure=bool(getattr(settings, "SESSION_COOKIE_SECURE", False)),
    )


@never_cache
def kit_home(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    done = _done(request)
    wave = PulseWave.objects.filter(municipality=link.municipality, closed_at__isnull=True).first()
    context = {
        "link": link,
        "lessons": framework().lessons.values(),
        "done": done,
        "wave": wave,
        "wave_done": wave is not None and f"wave-{wave.pk}" in done,
    }
    return render(request, "awareness/kit_home.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def lesson(request: HttpRequest, token: str, lesson: str) -> HttpResponse:
    link = _link(token)
    found = framework().lessons.get(lesson)
    if found is None:
        raise Http404("Onbekende les")
    done = _done(request)
    context: dict[str, Any] = {"link": link, "lesson": found, "done": lesson in done}
    if request.method == "POST":
        answers = {q.id: request.POST.get(q.id, "") for q in found.check}
        result = grade(found, answers)
        context.update(result=result, answers=answers)
        department = request.POST.get("department", UNKNOWN_DEPARTMENT)
        if department not in link.departments:
            department = UNKNOWN_DEPARTMENT
        if result.passed and lesson not in done:
            figures.count_completion(link.municipality, lesson, department)
            response = render(request, "awareness/lesson.html", context)
            _remember(response, done, lesson)
            return response
    return render(request, "awareness/lesson.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def pulse(request: HttpRequest, token: str) -> HttpResponse:
    link = _link(token)
    wave = get_object_or_404(PulseWave, municipality=link.municipality, closed_at__isnull=True)
    done = _done(request)
    key = f"wave-{wave.pk}"
    pulse_content = framework().pulse
    statements = list(pulse_content.statements) if pulse_content else []
    scale = list(enumerate(pulse_content.scale, 1)) if pulse_content else []
    context: dict[str, Any] = {
        "link": link,
        "wave": wave,
        "statements": statements,
        "scale": scale,
    }
    if key in done:
        context["thanks"] = True
        return render(request, "awareness/pulse.html", context)
    if request.method == "POST":
        answers = figures.pulse_answers(request.POST, statements)
        if answers:
            figures.count_pulse(wave, answers)
            response = render(request, "awareness/pulse.html", {**context, "thanks": True})
            _remember(response, done, key)
            return response
        context["error"] = _("Beantwoord minstens één stelling.")
        return render(request, "awareness/pulse.html", context, status=400)
    return render(request, "awareness/pulse.html", context)
