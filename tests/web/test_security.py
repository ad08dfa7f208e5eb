"""Security: headers and CSP, login lockout, two-factor for coordinators and admins, audit log."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.tenancy.models import Role

World = Any


def test_security_headers_and_csp_on_every_page(world: World) -> None:
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_login_page_has_no_inline_script_or_style(world: World) -> None:
    html = Client().get(reverse("accounts:login")).content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def _fail_login(client: Client, username: str) -> Any:
    return client.post(reverse("accounts:login"), {"username": username, "password": "fout"})


def test_lockout_after_the_failure_limit(world: World, settings: Any, password: str) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail_login(client, "viewer-a").status_code == 200
    assert _fail_login(client, "viewer-a").status_code == 429
    # Even the right password is refused while locked out.
    response = client.post(
        reverse("accounts:login"), {"username": "viewer-a", "password": password}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_failed_login_is_logged_as_an_event_without_the_user_name(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="weerbaar.accounts"):
        _fail_login(Client(), "viewer-a")
    events = [r for r in caplog.records if r.getMessage() == "login_failed"]
    assert events and "viewer-a" not in str(vars(events[0]))


def test_viewer_logs_in_with_password_only(world: World, password: str) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "viewer-a", "password": password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).status_code == 200


def test_coordinator_must_enter_a_totp_code_before_anything_else(
    world: World, password: str, client_for: Any, totp_code: Any
) -> None:
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "coordinator-a", "password": password}
    )
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    audit = reverse("audit:event_list", args=[world.code("a")])
    assert client.get(audit)["Location"] == reverse("accounts:two_factor")
    assert client.get(reverse("accounts:home"))["Location"] == reverse("accounts:two_factor")
    password_change = client.get(reverse("accounts:password_change"))
    assert password_change["Location"] == reverse("accounts:two_factor")
    wrong = client.post(reverse("accounts:two_factor"), {"token": "000000"})
    assert wrong.status_code == 200 and client.get(audit).status_code == 302
    device = TOTPDevice.objects.get(user=world.user("a", Role.COORDINATOR))
    assert device.throttling_failure_count == 1  # a wrong code slows the next attempts down
    device.throttle_reset()
    ok = client.post(reverse("accounts:two_factor"), {"token": totp_code(device)})
    assert ok.status_code == 302
    assert client.get(audit).status_code == 200


def test_unverified_session_cannot_use_the_api(world: World, client_for: Any) -> None:
    client = client_for(world.user("a", Role.COORDINATOR), verified=False)
    response = client.get("/api/v1/municipalities/")
    assert response.status_code == 403


def test_new_coordinator_enrols_an_authenticator_with_a_qr_code(
    world: World, client_for: Any, totp_code: Any
) -> None:
    user = world.user("b", Role.COORDINATOR)
    TOTPDevice.objects.filter(user=user).delete()
    client = client_for(user, verified=False)
    page = client.get(reverse("accounts:two_factor"))
    assert page.status_code == 200 and page.context["enrolling"]
    qr = client.get(reverse("accounts:two_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"token": totp_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(user=user, action="two_factor_enrolled").exists()
    assert client.get(reverse("accounts:two_factor_qr")).status_code == 404


def test_admin_site_requires_two_factor(world: World, client_for: Any) -> None:
    unverified = client_for(world.admin, verified=False)
    assert unverified.get("/admin/")["Location"] == reverse("accounts:two_factor")
    assert client_for(world.admin).get("/admin/").status_code == 200


def test_open_redirect_after_two_factor_is_refused(
    world: World, client_for: Any, totp_code: Any
) -> None:
    user = world.user("a", Role.COORDINATOR)
    client = client_for(user, verified=False)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        reverse("accounts:two_factor"),
        {"token": totp_code(device), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("accounts:home")


def test_logout_requires_post_and_ends_the_session(world: World, client_for: Any) -> None:
    client = client_for(world.user("a", Role.VIEWER))
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:home")).status_code == 302


def test_viewing_the_audit_log_is_itself_audited(world: World, client_for: Any) -> None:
    client = client_for(world.user("a", Role.COORDINATOR))
    client.get(reverse("audit:event_list", args=[world.code("a")]))
    event = AuditEvent.objects.get(action="audit_viewed")
    assert event.municipality_id == world.code("a")
    assert event.user == world.user("a", Role.COORDINATOR)
    assert event.ip_hash and "127.0.0.1" not in event.ip_hash


def test_audit_page_shows_only_own_municipality(world: World, client_for: Any) -> None:
    AuditEvent.objects.create(municipality=world.municipalities["b"], action="scan_viewed_b")
    AuditEvent.objects.create(municipality=world.municipalities["a"], action="scan_viewed_a")
    html = (
        client_for(world.user("a", Role.COORDINATOR))
        .get(reverse("audit:event_list", args=[world.code("a")]))
        .content.decode()
    )
    assert "scan_viewed_a" in html and "scan_viewed_b" not in html


def test_admin_pages_load_for_a_verified_administrator(world: World, client_for: Any) -> None:
    admin = client_for(world.admin)
    user = world.user("a", Role.VIEWER)
    for url in (
        f"/admin/auth/user/{user.pk}/change/",
        "/admin/tenancy/municipality/",
        "/admin/audit/auditevent/",
        "/admin/api/apitoken/",
    ):
        assert admin.get(url).status_code == 200, url
    assert admin.get("/admin/audit/auditevent/add/").status_code == 403


def test_password_change_enforces_the_validators(
    world: World, client_for: Any, password: str
) -> None:
    client = client_for(world.user("a", Role.VIEWER))
    url = reverse("accounts:password_change")
    weak = {"old_password": password, "new_password1": "12345678", "new_password2": "12345678"}
    response = client.post(url, weak)
    assert response.status_code == 200 and response.context["form"].errors
    strong = "Vier-Ogen-Principe-2026!"
    body = {"old_password": password, "new_password1": strong, "new_password2": strong}
    assert client.post(url, body)["Location"] == reverse("accounts:password_change_done")
    user = world.user("a", Role.VIEWER)
    user.refresh_from_db()
    assert user.check_password(strong)
