"""Log in (password, then a TOTP code where required), enrol an authenticator, log out."""

from __future__ import annotations

import logging
from typing import Any

import qrcode
import qrcode.image.svg
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.web.accounts.forms import TokenForm
from weerbaar.web.accounts.oversight import oversight_roles
from weerbaar.web.audit.service import log_event
from weerbaar.web.tenancy.access import is_two_factor_satisfied, requires_two_factor
from weerbaar.web.tenancy.models import Membership

logger = logging.getLogger("weerbaar.accounts")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        if not is_two_factor_satisfied(self.request.user):
            return _with_next("accounts:two_factor", self.get_redirect_url())
        return super().get_success_url()


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


def _with_next(name: str, next_url: str) -> str:
    from django.urls import reverse
    from django.utils.http import urlencode

    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _safe_next(request: HttpRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def _pending_device(user: Any) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@never_cache
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify a TOTP code; a user without a confirmed authenticator enrols one first."""
    user = request.user
    if not requires_two_factor(user) and not TOTPDevice.objects.filter(user=user).exists():
        return redirect("accounts:home")
    confirmed = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    enrolling = not confirmed
    devices = [_pending_device(user)] if enrolling else confirmed
    form = TokenForm(request.POST or None, devices=devices)
    if request.method == "POST" and form.is_valid() and form.device is not None:
        if enrolling:
            form.device.confirmed = True
            form.device.save(update_fields=["confirmed"])
            log_event(request, "two_factor_enrolled", form.device, municipality=None)
        otp_login(request, form.device)
        logger.info("two_factor_verified", extra={"user_id": user.pk})
        return redirect(_safe_next(request) or "accounts:home")
    if request.method == "POST":
        logger.warning("two_factor_failed", extra={"user_id": user.pk})
    context = {"form": form, "enrolling": enrolling, "next": _safe_next(request)}
    if enrolling:
        context["secret"] = _base32_secret(devices[0])
    return render(request, "accounts/two_factor.html", context)


def _base32_secret(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode("ascii")


@never_cache
@login_required
def two_factor_qr(request: HttpRequest) -> HttpResponse:
    """The pending authenticator's otpauth:// URL as an SVG QR code (no inline image data)."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return HttpResponse(status=404)
    device = _pending_device(request.user)
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    response = HttpResponse(image.to_string(), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store"
    return response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The municipalities the user belongs to, with their role, and roles above them."""
    memberships = Membership.objects.filter(user=request.user).select_related("municipality")
    context = {"memberships": memberships, "oversight": oversight_roles(request.user)}
    return render(request, "accounts/home.html", context)
