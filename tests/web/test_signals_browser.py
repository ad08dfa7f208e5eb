"""The signal pages in a real browser: every page and the review form pass axe-core (WCAG 2.1 AA).

Uses the browser fixtures of ``tests/web/browser/conftest.py`` (Debian's chromium, axe-core);
skipped like those when chromium is missing.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
from test_signals_support import TEST_KEY, store

from weerbaar.web.signals.models import SignalHit

_spec = importlib.util.spec_from_file_location(
    "weerbaar_browser_fixtures", Path(__file__).parent / "browser" / "conftest.py"
)
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
browser = _fixtures.browser
page = _fixtures.page
assert_accessible = _fixtures.assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Any, base: str, user: Any, password: str) -> None:
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    page.goto(f"{base}/account/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/account/2fa/"))
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.fill("input[name=token]", f"{totp.token():0{device.digits}d}")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/account/$"))


def test_signal_pages_are_accessible(
    page: Any, live_server: Any, world: Any, password: str, assert_accessible: Any, settings: Any
) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY
    run = store(world.municipalities["a"])
    base, code = live_server.url, world.code("a")
    _log_in(page, base, world.user("a", "coordinator"), password)
    page.goto(f"{base}/gemeente/{code}/signalen/")
    assert_accessible(page)
    page.get_by_role("link", name="Signaalrun starten met exportbestanden").click()
    page.get_by_role("button", name="Controleren en signalen zoeken").click()
    page.wait_for_selector("#problemen")
    assert_accessible(page)
    page.goto(f"{base}/gemeente/{code}/signalen/{run.pk}/")
    assert_accessible(page)
    page.locator("#signalen ~ .wb-table-scroll a").first.click()
    page.wait_for_url(re.compile(r"/signaaltreffers/\d+/$"))
    assert_accessible(page)
    page.check("input[name=status][value=doorgezet]")
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    page.wait_for_selector(".wb-field-error")
    assert_accessible(page)
    page.fill("#id_reviewer_note", "Doorgegeven aan de controller.")
    page.get_by_role("button", name="Beoordeling vastleggen").click()
    page.wait_for_selector("text=De beoordeling is vastgelegd.")
    assert_accessible(page)
    assert SignalHit.objects.filter(status="doorgezet").count() == 1
