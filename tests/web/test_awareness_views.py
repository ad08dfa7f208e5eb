"""The awareness kit in the web app: sessions, counted votes, lessons, pulse, plan, evidence."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sessions.models import Session as DjangoSession
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.awareness import sessions as service
from weerbaar.web.awareness.models import (
    CommunicationItem,
    DilemmaSession,
    LessonCompletion,
    PulseTally,
    PulseWave,
    Tally,
)
from weerbaar.web.plans.models import Action, ActionStatus, Plan
from weerbaar.web.scans.models import Scan

CARDS = ["rd-bekende-aan-de-balie", "brp-collega-vraagt-adres"]


@pytest.fixture
def session(world: Any) -> DilemmaSession:
    return service.create_session(
        world.municipalities["a"], "Team Burgerzaken", "team", CARDS, world.user("a", "coordinator")
    )


def _step(client: Client, session: DilemmaSession, event: str) -> Any:
    url = reverse("awareness:step", args=[session.municipality_id, session.pk])
    return client.post(url, {"event": event})


def _vote(client: Client, session: DilemmaSession, option: str, position: int = 0) -> Any:
    url = reverse("awareness:vote", args=[session.join_code])
    return client.post(
        url, {"position": position, "option": option}, HTTP_ACCEPT="application/json"
    )


def test_coordinator_prepares_a_session_with_cards(world: Any, coordinator_client: Client) -> None:
    url = reverse("awareness:sessions", args=[world.code("a")])
    response = coordinator_client.post(url, {"title": "Raad", "group": "council", "cards": CARDS})
    assert response.status_code == 302
    created = DilemmaSession.objects.get(title="Raad")
    assert [r.card_id for r in created.rounds.all()] == CARDS and len(created.join_code) == 6
    assert coordinator_client.post(url, {"title": "", "group": "team"}).status_code == 400


def test_a_viewer_sees_sessions_but_cannot_create_or_run_them(
    world: Any, viewer_client: Client, session: DilemmaSession
) -> None:
    url = reverse("awareness:sessions", args=[world.code("a")])
    assert viewer_client.get(url).status_code == 200
    assert (
        viewer_client.post(url, {"title": "X", "group": "team", "cards": CARDS}).status_code == 403
    )
    assert _step(viewer_client, session, "start").status_code == 403


def test_participants_join_by_code_vote_once_and_only_counts_are_stored(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    join = Client().post(reverse("awareness:join"), {"code": session.join_code.lower()})
    assert join.status_code == 302
    assert Client().post(reverse("awareness:join"), {"code": "ZZZZZZ"}).status_code == 400
    _step(coordinator_client, session, "start")
    events_before = AuditEvent.objects.count()
    sessions_before = DjangoSession.objects.count()
    phones = [Client() for _ in range(6)]
    for i, phone in enumerate(phones):
        assert (
            phone.get(reverse("awareness:participant", args=[session.join_code])).status_code == 200
        )
        assert _vote(phone, session, "b" if i < 4 else "c").json()["counted"] is True
    assert _vote(phones[0], session, "a").json() == {"counted": False, "already": True}
    counts = dict(
        Tally.objects.filter(round__session=session, round__position=0).values_list(
            "option", "count"
        )
    )
    assert counts == {"a": 0, "b": 4, "c": 2}
    session.refresh_from_db()
    assert session.participants == 6
    # Nothing identifies a participant: no audit event, no server session, no per-vote row.
    assert AuditEvent.objects.count() == events_before
    assert DjangoSession.objects.count() == sessions_before
    state = coordinator_client.get(
        reverse("awareness:state", args=[world.code("a"), session.pk])
    ).json()
    assert state["votes"] == 6 and state["shown"] is True
    assert [s["percent"] for s in state["shares"]] == [0, 67, 33]


def test_below_five_votes_the_distribution_is_hidden(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    _step(coordinator_client, session, "start")
    for _ in range(4):
        _vote(Client(), session, "a")
    state = coordinator_client.get(
        reverse("awareness:state", args=[world.code("a"), session.pk])
    ).json()
    assert state == {**state, "votes": 4, "shown": False, "missing": 1, "shares": []}
    page = coordinator_client.get(reverse("awareness:screen", args=[world.code("a"), session.pk]))
    assert b"data-bars hidden" in page.content


def test_a_vote_for_a_closed_card_is_refused_never_counted_elsewhere(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    assert _vote(Client(), session, "a").status_code == 409  # not started
    _step(coordinator_client, session, "start")
    _step(coordinator_client, session, "reveal")
    assert _vote(Client(), session, "a").status_code == 409
    _step(coordinator_client, session, "next")
    assert _vote(Client(), session, "a", position=0).status_code == 409
    assert _vote(Client(), session, "a", position=1).status_code == 200
    assert _vote(Client(), session, "z", position=1).status_code == 409
    assert sum(Tally.objects.filter(round__session=session).values_list("count", flat=True)) == 1


def test_a_held_session_completes_the_dilemma_training_action(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    scan = Scan.objects.create(
        municipality=world.municipalities["a"],
        title="S",
        mode="workshop",
        framework_version="1.0.0+t",
    )
    plan = Plan.objects.create(scan=scan, accepted_at="2026-01-01T00:00:00+00:00")
    action = Action.objects.create(plan=plan, measure_id="dilemmatraining", due_quarter=2)
    other = Action.objects.create(plan=plan, measure_id="vier-ogen-betaalbatch", due_quarter=1)
    for event in ("start", "reveal", "discuss", "next", "reveal", "finish"):
        assert _step(coordinator_client, session, event).status_code == 302
    session.refresh_from_db()
    assert session.status == "done"
    action.refresh_from_db()
    other.refresh_from_db()
    assert action.status == ActionStatus.DONE and "Team Burgerzaken" in action.evidence
    assert other.status == ActionStatus.TODO
    # A refused step says why and changes nothing.
    response = _step(coordinator_client, session, "start")
    assert response.status_code == 302
    assert (
        Client().get(reverse("awareness:participant", args=[session.join_code])).status_code == 404
    )


def _kit(coordinator_client: Client, world: Any) -> str:
    page = coordinator_client.get(reverse("awareness:overview", args=[world.code("a")]))
    assert page.status_code == 200
    from weerbaar.web.awareness.models import KitLink

    return KitLink.objects.get(municipality=world.municipalities["a"]).token


def test_a_lesson_counts_a_completion_per_department_without_names(
    world: Any, coordinator_client: Client
) -> None:
    token = _kit(coordinator_client, world)
    from weerbaar.web.knowledgebase.framework import framework

    lesson = framework().lessons["les-brp"]
    url = reverse("awareness:lesson", args=[token, "les-brp"])
    employee = Client()
    assert employee.get(url).status_code == 200
    wrong = {q.id: "z" for q in lesson.check} | {"department": "Burgerzaken"}
    assert b"0 van de 3 goed" in employee.post(url, wrong).content
    right = {q.id: q.answer for q in lesson.check} | {"department": "Burgerzaken"}
    assert b"de les is afgerond" in employee.post(url, right).content
    employee.post(url, right)  # the same browser again: counted once
    Client().post(url, right | {"department": "Bestaat niet"})
    rows = {(c.department, c.count) for c in LessonCompletion.objects.all()}
    assert rows == {("Burgerzaken", 1), ("onbekend", 1)}
    assert Client().get(reverse("awareness:lesson", args=["x" * 32, "les-brp"])).status_code == 404


def test_the_pulse_is_anonymous_and_shown_from_five_respondents(
    world: Any, coordinator_client: Client
) -> None:
    token = _kit(coordinator_client, world)
    admin = reverse("awareness:pulse_admin", args=[world.code("a")])
    coordinator_client.post(admin, {"action": "open", "label": "2026-K1"})
    wave = PulseWave.objects.get(label="2026-K1")
    url = reverse("awareness:pulse", args=[token])
    for i in range(5):
        phone = Client()
        answers = {"p-weet-waar": "4" if i < 4 else "2", "p-durf": "5"}
        assert phone.post(url, answers).status_code == 200
        assert b"anoniem geteld" in phone.post(url, answers).content  # once per browser
    assert Client().post(url, {}).status_code == 400
    wave.refresh_from_db()
    assert wave.respondents == 5
    assert PulseTally.objects.get(wave=wave, statement="p-weet-waar", value=4).count == 4
    page = coordinator_client.get(admin).content.decode()
    assert "80%" in page  # 4 of 5 agree with p-weet-waar
    coordinator_client.post(admin, {"action": "close"})
    assert Client().post(url, {"p-durf": "5"}).status_code == 404


def test_the_communication_plan_is_seeded_edited_and_exported(
    world: Any, coordinator_client: Client, viewer_client: Client
) -> None:
    url = reverse("awareness:commplan", args=[world.code("a")])
    coordinator_client.post(url, {"action": "seed"})
    coordinator_client.post(url, {"action": "seed"})  # idempotent
    items = CommunicationItem.objects.filter(municipality=world.municipalities["a"])
    assert items.count() == 5 and items.filter(owner="Gemeentesecretaris").exists()
    item = items.first()
    assert item is not None
    edit = reverse("awareness:commplan_item", args=[world.code("a"), item.pk])
    data = {
        "moment": "2026-04-01",
        "audience": "MT",
        "message": "Uitkomsten",
        "channel": "meeting",
        "owner": "Gemeentesecretaris",
        "status": "done",
    }
    assert coordinator_client.post(edit, data).status_code == 302
    assert coordinator_client.post(edit, data | {"status": "dropped"}).status_code == 400
    assert viewer_client.post(url, {"action": "seed"}).status_code == 403
    ics = viewer_client.get(reverse("awareness:commplan_ical", args=[world.code("a")]))
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert len(events) == 5 and ics["Content-Type"].startswith("text/calendar")


def test_sessions_lessons_and_pulse_show_as_evidence_on_scan_questions(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    for event in ("start", "reveal", "finish"):
        _step(coordinator_client, session, event)
    scan = Scan.objects.create(
        municipality=world.municipalities["a"],
        title="W",
        mode="workshop",
        framework_version="1.0.0+t",
    )
    page = coordinator_client.get(
        reverse("scans:fill", args=[world.code("a"), scan.pk, "reisdocumenten"])
    )
    html = page.content.decode()
    assert "Uit de bewustwordingskit" in html and "Team Burgerzaken" in html
    # Evidence does not answer: the scan has no answers.
    assert not scan.answers.exists()


def test_the_management_report_holds_the_own_plan_and_the_awareness_figures(
    world: Any, coordinator_client: Client, session: DilemmaSession
) -> None:
    import io

    from openpyxl import load_workbook
    from ui_helpers import answer_all, make_scan

    scan = make_scan(world.municipalities["a"])
    answer_all(scan)
    for event in ("start", "reveal", "finish"):
        _step(coordinator_client, session, event)
    coordinator_client.post(
        reverse("awareness:commplan", args=[world.code("a")]), {"action": "seed"}
    )
    base = f"/gemeente/{world.code('a')}/scans/{scan.pk}/rapport/?formaat="
    html = coordinator_client.get(base + "html").content.decode()
    assert "zoals het in weerbaar is bijgehouden" in html
    assert "Dilemmasessies gehouden: 1" in html and "Gepland" in html
    workbook = load_workbook(io.BytesIO(coordinator_client.get(base + "xlsx").content))
    assert workbook["Bewustwording"]["B2"].value == 1
    assert workbook["Communicatie"]["E1"].value == "Kanaal"


def test_the_demo_awareness_kit_is_filled_once_and_shows_on_the_panel(world: Any) -> None:
    from weerbaar.web.awareness.demo import ensure_demo_awareness
    from weerbaar.web.awareness.figures import panel

    municipality = world.municipalities["a"]
    token = ensure_demo_awareness(municipality)
    assert ensure_demo_awareness(municipality) == token
    shown = panel(municipality)
    assert shown.sessions_held == 1 and shown.participants == 9
    assert shown.lessons_completed > 0 and [w.wave for w in shown.waves] == ["2026-K2", "2026-K3"]
    assert all(value is not None for row in shown.trend for value in row["values"])
    assert CommunicationItem.objects.filter(municipality=municipality).count() == 5
