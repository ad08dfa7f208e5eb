"""Coordinators and administrators do nothing before their TOTP code is verified."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from weerbaar.web.tenancy.access import is_two_factor_satisfied

# Paths an unverified user may still reach: the two-factor pages themselves, login, logout,
# the language switch and static files. Not the password change: someone who knows only the
# password must not be able to change it.
EXEMPT_PREFIXES = (
    "/account/login/",
    "/account/logout/",
    "/account/2fa/",
    "/i18n/",
    "/static/",
    "/favicon.ico",
)


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.exempt = (*EXEMPT_PREFIXES, settings.STATIC_URL)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.exempt)
            and not is_two_factor_satisfied(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {"detail": "Two-factor verification required: log in with a TOTP code."},
                    status=403,
                )
            return redirect("accounts:two_factor")
        return self.get_response(request)
