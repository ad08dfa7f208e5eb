"""A dilemma session in real browsers: one facilitator, five participant phones.

Participants join by code without an account and vote; the facilitator's screen shows the
distribution within 2 seconds of the fifth vote (the first four keep it hidden); the database
holds counts only. Facilitator, participant and lesson pages pass axe, also at 320 px wide.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.contrib.sessions.models import Session as DjangoSession
from test_flow import log_in

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.awareness.models import DilemmaSession, Tally

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEY = "a"
NARROW = {"width": 320, "height": 640}


def _check_both_widths(page: Any, check: Any) -> None:
    size = page.viewport_size
    check(page)
    page.set_viewport_size(NARROW)
    check(page)
    page.set_viewport_size(size)


def _phone(browser: Any) -> tuple[Any, Any]:
    context = browser.new_context(viewport=NARROW, is_mobile=True, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


def _prepare(page: Any, base: str, code: str, check: Any) -> DilemmaSession:
    page.goto(f"{base}/gemeente/{code}/bewustwording/")
    _check_both_widths(page, check)
    page.get_by_role("link", name="Naar de sessies").click()
    page.fill("#id_title", "Team Burgerzaken")
    page.get_by_label(re.compile("Een bekende aan de balie")).check()
    page.get_by_label(re.compile("Een collega vraagt een adres")).check()
    page.get_by_role("button", name="Sessie voorbereiden").click()
    page.wait_for_url(re.compile(r"/sessies/\d+/$"))
    _check_both_widths(page, check)
    return DilemmaSession.objects.get(title="Team Burgerzaken")


def test_facilitator_and_five_phones_vote_and_the_screen_follows_within_two_seconds(
    browser: Any, page: Any, live_server: Any, world: Any, password: str, assert_accessible: Any
) -> None:
    base, code = live_server.url, world.code(KEY)
    log_in(page, base, world.user(KEY, "coordinator"), password)
    session = _prepare(page, base, code, assert_accessible)
    page.get_by_role("link", name="Scherm openen").click()
    page.wait_for_selector("[data-live-screen]")
    _check_both_widths(page, assert_accessible)
    shown_code = page.locator("[data-join-code]").inner_text()

    phones = []
    for _ in range(5):
        context, phone = _phone(browser)
        phone.goto(f"{base}/d/")
        phone.fill("#id_code", shown_code.lower())
        phone.get_by_role("button", name="Meedoen").click()
        phone.wait_for_selector("[data-participant]")
        phones.append((context, phone))
    assert_accessible(phones[0][1])
    page.locator("[data-participants]").filter(has_text="5 deelnemers").wait_for()

    page.get_by_role("button", name="Sessie starten").click()
    page.wait_for_selector("[data-live-screen][data-phase=voting]")
    _check_both_widths(page, assert_accessible)
    for _context, phone in phones:  # each phone notices the open vote by itself (polling)
        phone.locator("button.wb-vote").first.wait_for()
    assert_accessible(phones[0][1])

    choices = ["b", "b", "c", "b", "a"]
    for (_context, phone), choice in zip(phones[:4], choices, strict=False):
        phone.locator(f"button.wb-vote[value={choice}]").click()
        phone.locator("[data-voted]").wait_for()
    assert_accessible(phones[0][1])
    page.locator("[data-vote-count]").filter(has_text="4 stemmen").wait_for()
    assert page.locator("[data-bars]").is_hidden()  # below five votes: hidden

    started = time.monotonic()
    phones[4][1].locator("button.wb-vote[value=a]").click()
    page.locator("[data-bars]").wait_for(state="visible", timeout=2000)
    delay = time.monotonic() - started
    assert delay < 2.0, f"the screen showed the fifth vote after {delay:.2f} s"
    assert page.locator('[data-option="b"] [data-percent]').inner_text() == "60%"
    _check_both_widths(page, assert_accessible)

    # The database holds counts only, and nothing that identifies a participant.
    counts = dict(
        Tally.objects.filter(round__session=session, round__position=0).values_list(
            "option", "count"
        )
    )
    assert counts == {"a": 1, "b": 3, "c": 1}
    session.refresh_from_db()
    assert session.participants == 5
    anonymous_events = AuditEvent.objects.filter(user__isnull=True)
    assert not anonymous_events.exists(), list(anonymous_events.values("action", "actor"))
    assert DjangoSession.objects.count() == 1  # the facilitator's login only
    columns = {f.name for f in Tally._meta.get_fields()} | {
        f.name for f in DilemmaSession._meta.get_fields()
    }
    assert not columns & {"ip", "ip_hash", "user_agent", "voter", "participant_id"}

    page.get_by_role("button", name="Stemmen sluiten").click()
    page.wait_for_selector("[data-live-screen][data-phase=results]")
    page.get_by_role("button", name="Gesprekspunten tonen").click()
    page.get_by_role("heading", name="Om over te praten").wait_for()
    _check_both_widths(page, assert_accessible)
    for context, _phone_page in phones:
        context.close()


def test_a_lesson_on_a_phone_and_on_a_desk_is_accessible(
    browser: Any, live_server: Any, world: Any, assert_accessible: Any
) -> None:
    from weerbaar.web.awareness.kit import kit_link
    from weerbaar.web.knowledgebase.framework import framework

    token = kit_link(world.municipalities[KEY]).token
    context, phone = _phone(browser)
    phone.goto(f"{live_server.url}/k/{token}/")
    _check_both_widths(phone, assert_accessible)
    phone.get_by_role("link", name=re.compile("Reisdocumenten")).click()
    _check_both_widths(phone, assert_accessible)
    lesson = framework().lessons["les-reisdocumenten"]
    for question in lesson.check:
        phone.check(f"#{question.id}-{question.answer}")
    phone.get_by_role("button", name="Antwoorden nakijken").click()
    phone.get_by_text("de les is afgerond").wait_for()
    _check_both_widths(phone, assert_accessible)
    context.close()
