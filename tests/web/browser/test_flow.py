"""End to end in a real browser: log in with TOTP, run a scan to the dashboard, make a plan.

Every page of the flow is checked with axe-core: zero WCAG 2.1 A/AA violations. With
``WEERBAAR_UPDATE_SCREENSHOTS=1`` the dashboard and the scan page are saved to
``docs/screenshots/``.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from screenshots import FINGERPRINT, SCREENSHOTS, ui_fingerprint

from weerbaar.web.scans.models import Answer, Scan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "b"  # GM0202: in the framework's reference data, so it can be scored


def totp_now(user: Any) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def log_in(page: Any, base: str, user: Any, password: str) -> None:
    page.goto(f"{base}/account/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/account/2fa/"))
    page.fill("input[name=token]", totp_now(user))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/account/$"))


def screenshot(page: Any, name: str) -> None:
    if os.environ.get("WEERBAAR_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
        FINGERPRINT.write_text(ui_fingerprint() + "\n", encoding="utf-8")


def start_workshop(page: Any, base: str, code: str, check: Any) -> Scan:
    page.goto(f"{base}/gemeente/{code}/")
    check(page)
    page.get_by_role("link", name="Nieuwe scan starten").click()
    check(page)
    page.get_by_role("button", name="Scan starten").click()  # empty form: errors first
    page.wait_for_selector("#foutmeldingen")
    check(page)
    page.fill("#id_title", "Workshop najaar 2026")
    page.check("input[name=mode][value=workshop]")
    page.fill("#id_participants", "8")
    page.fill("#id_moderator", "RIEC-adviseur")
    page.get_by_role("button", name="Scan starten").click()
    page.wait_for_url(re.compile(r"/scans/\d+/$"))
    check(page)
    return Scan.objects.get(title="Workshop najaar 2026")


def answer_first_part_by_clicking(page: Any, scan: Scan, check: Any) -> None:
    """Autosave: each click is stored at once, without submitting the form."""
    page.get_by_role("link", name="Invullen per proces").click()
    page.wait_for_selector("form[data-autosave-ready]")
    check(page)
    fieldsets = page.locator("fieldset[data-question]")
    for i in range(fieldsets.count()):
        fieldset = fieldsets.nth(i)
        fieldset.locator("input[type=radio]").nth(1).check()
        fieldset.locator("[data-save-state]").filter(has_text="Opgeslagen").wait_for()
    assert Answer.objects.filter(scan=scan).count() == fieldsets.count()
    count = page.locator("[aria-current=page] [data-part-count]").inner_text()
    assert count == f"{fieldsets.count()}/{fieldsets.count()}"
    screenshot(page, "scan.png")


def answer_remaining_parts(page: Any) -> None:
    """The other parts through the plain form submit (the path without JavaScript)."""
    pick_weak = (
        "document.querySelectorAll('fieldset[data-question]').forEach((f, i) => {"
        " const r = f.querySelectorAll('input[type=radio]'); r[(i * 7) % 4].checked = true; })"
    )
    while page.get_by_role("button", name="Opslaan en verder").count():
        page.evaluate(pick_weak)
        page.get_by_role("button", name="Opslaan en verder").click()
        page.wait_for_load_state()
    page.evaluate(pick_weak)
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_load_state()


def test_scan_to_dashboard_to_plan(
    page: Any, live_server: Any, world: Any, password: str, assert_accessible: Any
) -> None:
    base, code = live_server.url, world.code(KEY)
    coordinator = world.user(KEY, "coordinator")
    for public in (
        "/",
        "/kennisbank/",
        "/kennisbank/processen/inkoop/",
        "/kennisbank/rode-vlaggen/",
    ):
        page.goto(f"{base}{public}")
        assert_accessible(page)
    log_in(page, base, coordinator, password)
    assert_accessible(page)
    scan = start_workshop(page, base, code, assert_accessible)
    answer_first_part_by_clicking(page, scan, assert_accessible)
    answer_remaining_parts(page)
    assert Answer.objects.filter(scan=scan).count() > 100

    page.goto(f"{base}/gemeente/{code}/scans/{scan.pk}/workshop/?vraag=3")
    assert_accessible(page)

    page.goto(f"{base}/gemeente/{code}/scans/{scan.pk}/resultaten/")
    page.get_by_role("heading", name="Grootste kwetsbaarheden").wait_for()
    assert page.locator("svg.wb-heatmap rect").count() > 8
    assert_accessible(page)

    page.get_by_role("link", name="Actieplan maken").click()
    assert_accessible(page)
    page.fill("#id_hours", "300")
    page.fill("#id_budget_eur", "15000")
    page.get_by_role("button", name="Plan berekenen").click()
    page.get_by_role("heading", name="Gekozen maatregelen").wait_for()
    assert_accessible(page)
    page.get_by_role("button", name="Plan vaststellen en acties aanmaken").click()
    page.get_by_role("heading", name="Acties", exact=True).wait_for()
    assert_accessible(page)
    first = page.locator("section[id^=actie-]").first
    first.locator("summary").click()
    first.locator("select[name$=status]").select_option("done")
    first.get_by_role("button", name=re.compile("Actie bijwerken")).click()
    page.wait_for_load_state()
    page.goto(f"{base}/gemeente/{code}/scans/{scan.pk}/resultaten/")
    assert page.get_by_text(re.compile(r"1 van \d+ acties gereed")).count() == 1
    assert_accessible(page)
    screenshot(page, "dashboard.png")
    page.set_viewport_size({"width": 390, "height": 844})  # the dashboard on a phone
    assert_accessible(page)
    plan_url = page.get_by_role("link", name="Naar het actieplan").get_attribute("href")
    page.goto(f"{base}{plan_url}")
    assert_accessible(page)
    page.goto(f"{base}/kennisbank/maatregelen/?process=inkoop")
    assert_accessible(page)


def test_respondent_link_on_a_phone(
    browser: Any, live_server: Any, world: Any, assert_accessible: Any
) -> None:
    from ui_helpers import add_respondent, make_scan

    scan = make_scan(world.municipalities[KEY], mode="survey")
    _respondent, token = add_respondent(scan, "Inkoop 1", ["inkoop"])
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, locale="nl-NL"
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/s/{token}/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("inkoop")).click()
    page.wait_for_selector("form[data-autosave-ready]")
    assert_accessible(page)
    page.locator("fieldset[data-question] input[type=radio]").first.check()
    page.locator("[data-save-state]").first.filter(has_text="Opgeslagen").wait_for()
    assert Answer.objects.filter(scan=scan, respondent__isnull=False).count() == 1
    # A note typed just before leaving the page is still stored (sent as the page hides).
    first = page.locator("fieldset[data-question]").first
    first.locator("summary").click()
    first.locator("textarea").fill("Vier-ogen alleen bij grote bedragen")
    page.goto(f"{live_server.url}/kennisbank/")
    for _ in range(50):
        if Answer.objects.filter(note="Vier-ogen alleen bij grote bedragen").exists():
            break
        page.wait_for_timeout(100)
    assert Answer.objects.filter(scan=scan, note="Vier-ogen alleen bij grote bedragen").exists()
    context.close()


def test_survey_invitation_and_upload_pages(
    page: Any, live_server: Any, world: Any, password: str, assert_accessible: Any
) -> None:
    base, code = live_server.url, world.code(KEY)
    log_in(page, base, world.user(KEY, "coordinator"), password)
    page.goto(f"{base}/gemeente/{code}/scans/nieuw/")
    page.fill("#id_title", "Enquête 2026")
    page.check("input[name=mode][value=survey]")
    page.get_by_role("button", name="Scan starten").click()
    page.wait_for_url(re.compile(r"/respondenten/$"))
    assert_accessible(page)
    page.fill("#id_label", "Burgerzaken 1")
    page.get_by_label(re.compile("reisdocumenten")).check()
    page.get_by_role("button", name="Link maken").click()
    link = page.locator("#nieuwe-link").input_value()
    assert re.search(r"/s/[A-Za-z0-9_-]{40,}/$", link)
    assert_accessible(page)
    page.get_by_role("link", name="Terug naar de scan").click()
    page.get_by_role("rowheader", name="Burgerzaken 1").wait_for()
    assert_accessible(page)
    page.goto(f"{base}/gemeente/{code}/actieplannen/")
    assert_accessible(page)
    page.goto(f"{base}/gemeente/{code}/scans/importeren/")
    assert_accessible(page)
    page.get_by_role("button", name="Inlezen").click()
    page.wait_for_selector("#foutmeldingen")
    assert_accessible(page)


def test_long_form_says_it_is_busy_and_is_sent_once(
    page: Any, live_server: Any, world: Any, password: str, assert_accessible: Any
) -> None:
    """The signal upload shows a status message once submitted, blocks a second submit, and
    the page stays accessible in that state."""
    base, code = live_server.url, world.code(KEY)
    log_in(page, base, world.user(KEY, "coordinator"), password)
    page.goto(f"{base}/gemeente/{code}/signalen/nieuw/")
    status = page.locator("[data-busy-status]")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == ""
    # Registered after busy-form.js's listener: records whether that one let the submit
    # through, then holds every submit so that the busy page can be inspected.
    page.evaluate(
        """() => {
          window.submits = [];
          document.querySelector("form[data-busy-message]").addEventListener("submit", (e) => {
            window.submits.push(!e.defaultPrevented);
            e.preventDefault();
          });
        }"""
    )
    payments = b"payment_id,creditor_id,amount,date\np1,c1,not-an-amount,2026-01-05\n"
    page.set_input_files(
        "#id_payments",
        files=[{"name": "payments.csv", "mimeType": "text/csv", "buffer": payments}],
    )
    button = page.get_by_role("button", name="Controleren en signalen zoeken")
    button.click()
    assert status.inner_text().startswith("Bezig: de bestanden worden gecontroleerd")
    assert page.locator("form[aria-busy=true]").count() == 1
    assert button.get_attribute("aria-disabled") == "true"
    assert_accessible(page)
    button.click(force=True)  # a second submit is stopped by busy-form.js
    assert page.evaluate("window.submits") == [True, False]
    page.evaluate("document.querySelector('form[data-busy-message]').submit()")
    page.get_by_text("Er is niets opgeslagen").wait_for()
    assert page.locator("[data-busy-status]").inner_text() == ""
