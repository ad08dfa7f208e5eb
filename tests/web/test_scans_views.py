"""Scan pages: start, autosave, page submit without JavaScript, roles, closed scans."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import SCORED, make_scan

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.knowledgebase.framework import framework, question_parts
from weerbaar.web.scans.models import Answer, Scan, ScanStatus


def scan_url(scan: Scan, rest: str = "") -> str:
    return f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/{rest}"


@pytest.fixture
def scan(world: Any) -> Scan:
    return make_scan(world.municipalities[SCORED])


@pytest.fixture
def coordinator(world: Any, client_for: Any) -> Any:
    return client_for(world.user(SCORED, "coordinator"))


@pytest.fixture
def viewer(world: Any, client_for: Any) -> Any:
    return client_for(world.user(SCORED, "viewer"))


def first_question(scan: Scan) -> Any:
    return next(iter(question_parts(scan.municipality_id).values()))[0]


def test_coordinator_starts_a_workshop_scan(world: Any, coordinator: Any) -> None:
    code = world.code(SCORED)
    response = coordinator.post(
        f"/gemeente/{code}/scans/nieuw/",
        {"title": "Najaar", "date": "2026-10-01", "mode": "workshop", "participants": "7",
         "moderator": "RIEC"},
    )  # fmt: skip
    scan = Scan.objects.get(title="Najaar")
    assert response.status_code == 302
    assert response["Location"] == scan_url(scan)
    assert scan.municipality_id == code
    assert scan.framework_version == framework().version
    assert AuditEvent.objects.filter(action="scan_created", object_id=str(scan.pk)).exists()


def test_workshop_without_participants_is_refused_and_nothing_stored(
    world: Any, coordinator: Any
) -> None:
    response = coordinator.post(
        f"/gemeente/{world.code(SCORED)}/scans/nieuw/",
        {"title": "Leeg", "date": "2026-10-01", "mode": "workshop"},
    )
    assert response.status_code == 200
    assert b"foutmeldingen" in response.content
    assert b"aantal deelnemers" in response.content
    assert not Scan.objects.filter(title="Leeg").exists()


def test_autosave_stores_one_answer_and_reports_progress(scan: Scan, coordinator: Any) -> None:
    question = first_question(scan)
    response = coordinator.post(
        scan_url(scan, "antwoord/"),
        {"question_id": question.id, "value": "1", "note": "besproken", "evidence": "notulen"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True
    assert body["answered"] == 1
    parts = question_parts(scan.municipality_id)
    assert body["total"] == sum(len(q) for q in parts.values())
    part = question.process or "algemeen"
    assert body["parts"][part] == [1, len(parts[part])]
    answer = Answer.objects.get(scan=scan, question_id=question.id)
    assert (answer.value, answer.note, answer.evidence, answer.respondent) == (
        1, "besproken", "notulen", None
    )  # fmt: skip


def test_autosave_replaces_the_answer_and_stores_dont_know_as_none(
    scan: Scan, coordinator: Any
) -> None:
    question = first_question(scan)
    url = scan_url(scan, "antwoord/")
    coordinator.post(url, {"question_id": question.id, "value": "2"})
    coordinator.post(url, {"question_id": question.id, "value": "weet-niet"})
    answers = Answer.objects.filter(scan=scan, question_id=question.id)
    assert answers.count() == 1
    assert answers.get().value is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"question_id": "bestaat.niet", "value": "1"}, "onbekende vraag"),
        ({"value": "1"}, "Geen vraag"),
        ({"question_id": "FIRST", "value": "99"}, "buiten de schaal"),
        ({"question_id": "FIRST", "value": "veel"}, "weet niet"),
    ],
)
def test_autosave_refuses_bad_answers(
    scan: Scan, coordinator: Any, data: dict[str, str], message: str
) -> None:
    if data.get("question_id") == "FIRST":
        data = {**data, "question_id": first_question(scan).id}
    response = coordinator.post(scan_url(scan, "antwoord/"), data)
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Answer.objects.filter(scan=scan).exists()


def test_autosave_on_a_closed_scan_is_refused(scan: Scan, coordinator: Any) -> None:
    scan.status = ScanStatus.CLOSED
    scan.save()
    response = coordinator.post(
        scan_url(scan, "antwoord/"), {"question_id": first_question(scan).id, "value": "1"}
    )
    assert response.status_code == 409
    assert not Answer.objects.filter(scan=scan).exists()


def test_page_submit_without_javascript_stores_every_answer(scan: Scan, coordinator: Any) -> None:
    parts = question_parts(scan.municipality_id)
    part, questions = next(iter(parts.items()))
    data = {f"q-{q.id}-value": "0" for q in questions}
    data[f"q-{questions[0].id}-note"] = "toelichting"
    response = coordinator.post(scan_url(scan, f"invullen/{part}/"), data)
    assert response.status_code == 302
    second = list(parts)[1]
    assert response["Location"] == scan_url(scan, f"invullen/{second}/")
    stored = Answer.objects.filter(scan=scan)
    assert stored.count() == len(questions)
    assert stored.get(question_id=questions[0].id).note == "toelichting"


def test_page_submit_with_one_bad_value_stores_nothing(scan: Scan, coordinator: Any) -> None:
    part, questions = next(iter(question_parts(scan.municipality_id).items()))
    data = {f"q-{q.id}-value": "0" for q in questions}
    data[f"q-{questions[-1].id}-value"] = "42"
    response = coordinator.post(scan_url(scan, f"invullen/{part}/"), data)
    assert response.status_code == 400
    assert "buiten de schaal" in response.content.decode()
    assert not Answer.objects.filter(scan=scan).exists()


def test_fill_page_shows_progress_and_stored_answer(scan: Scan, coordinator: Any) -> None:
    question = first_question(scan)
    coordinator.post(scan_url(scan, "antwoord/"), {"question_id": question.id, "value": "2"})
    part = question.process or "algemeen"
    html = coordinator.get(scan_url(scan, f"invullen/{part}/")).content.decode()
    assert f'id="q-{question.id}-2" value="2" checked' in html
    assert '<progress class="wb-progress" id="voortgang"' in html
    assert 'value="1"' in html


def test_workshop_view_shows_one_question_and_moves_on(scan: Scan, coordinator: Any) -> None:
    questions = [q for qs in question_parts(scan.municipality_id).values() for q in qs]
    response = coordinator.get(scan_url(scan, "workshop/?vraag=2"))
    html = response.content.decode()
    assert html.count('data-question="') == 1
    assert f'data-question="{questions[1].id}"' in html
    response = coordinator.post(
        scan_url(scan, "workshop/?vraag=2"), {f"q-{questions[1].id}-value": "3", "next": "1"}
    )
    assert response["Location"].endswith("?vraag=3")
    assert Answer.objects.get(scan=scan, question_id=questions[1].id).value == 3


@pytest.mark.parametrize(
    ("method", "rest"),
    [
        ("post", "antwoord/"),
        ("get", "invullen/financien/"),
        ("get", "workshop/"),
        ("post", "status/"),
        ("get", "respondenten/"),
    ],
)
def test_viewer_is_read_only(scan: Scan, viewer: Any, method: str, rest: str) -> None:
    response = getattr(viewer, method)(scan_url(scan, rest), {"question_id": "x", "value": "1"})
    assert response.status_code == 403
    assert not Answer.objects.filter(scan=scan).exists()


def test_viewer_sees_the_scan_without_edit_links(scan: Scan, viewer: Any) -> None:
    html = viewer.get(scan_url(scan)).content.decode()
    assert "Naar de resultaten" in html
    assert "invullen/" not in html
    assert "Scan afsluiten" not in html


def test_viewer_cannot_start_a_scan(world: Any, viewer: Any) -> None:
    response = viewer.post(f"/gemeente/{world.code(SCORED)}/scans/nieuw/", {"title": "x"})
    assert response.status_code == 403


def test_coordinator_closes_and_reopens(scan: Scan, coordinator: Any) -> None:
    coordinator.post(scan_url(scan, "status/"), {"status": "closed"})
    scan.refresh_from_db()
    assert scan.status == ScanStatus.CLOSED
    html = coordinator.get(scan_url(scan)).content.decode()
    assert "Scan heropenen" in html
    coordinator.post(scan_url(scan, "status/"), {"status": "open"})
    scan.refresh_from_db()
    assert scan.status == ScanStatus.OPEN


def test_scan_index_lists_only_own_municipality(world: Any, coordinator: Any) -> None:
    make_scan(world.municipalities[SCORED], title="Eigen scan")
    other = "a" if SCORED == "b" else "b"
    make_scan(world.municipalities[other], title="Andermans scan")
    html = coordinator.get(f"/gemeente/{world.code(SCORED)}/").content.decode()
    assert "Eigen scan" in html
    assert "Andermans scan" not in html


def test_municipality_outside_the_reference_data_still_works(world: Any, client_for: Any) -> None:
    from weerbaar.web.tenancy.models import Membership, Municipality

    municipality = Municipality.objects.create(code="GM9990", name="Nieuwgemeente")
    user = world.user(SCORED, "coordinator")
    Membership.objects.create(user=user, municipality=municipality, role="coordinator")
    scan = make_scan(municipality)
    client = client_for(user)
    assert client.get(scan_url(scan, "invullen/financien/")).status_code == 200
    html = client.get(scan_url(scan, "resultaten/")).content.decode()
    assert "Er zijn nog geen resultaten" in html
    assert "GM9990" in html
    response = client.get("/gemeente/GM9990/scans/sjabloon.xlsx")
    assert response.status_code == 302


def test_scan_pages_use_the_framework_version_the_scan_was_started_on() -> None:
    from weerbaar.knowledge import UnknownVersionError
    from weerbaar.web.knowledgebase.framework import framework_for

    current = framework()
    assert framework_for(f"{current.info.version}+0123456789ab") is current
    with pytest.raises(UnknownVersionError):
        framework_for("99.0.0+0123456789ab")


def test_views_and_changes_are_audited(
    world: Any, scan: Scan, coordinator: Any, viewer: Any
) -> None:
    from weerbaar.web.audit.models import AuditEvent

    coordinator_name = world.user(SCORED, "coordinator").username
    viewer_name = world.user(SCORED, "viewer").username
    question = first_question(scan)
    coordinator.post(scan_url(scan, "antwoord/"), {"question_id": question.id, "value": "1"})
    viewer.get(scan_url(scan))
    viewer.get(scan_url(scan, "resultaten/"))
    events = AuditEvent.objects.filter(object_id=str(scan.pk))
    actions = set(events.values_list("action", "actor"))
    assert ("answer_changed", coordinator_name) in actions
    assert ("scan_viewed", viewer_name) in actions
    assert ("results_viewed", viewer_name) in actions
    assert set(events.values_list("municipality_id", flat=True)) == {scan.municipality_id}


def test_scan_index_lists_the_newest_scan_first(world: Any, coordinator: Any) -> None:
    import datetime as dt

    municipality = world.municipalities[SCORED]
    make_scan(municipality, title="Oudste", date=dt.date(2024, 1, 1))
    make_scan(municipality, title="Nieuwste", date=dt.date(2026, 1, 1))
    make_scan(municipality, title="Middelste", date=dt.date(2025, 1, 1))
    html = coordinator.get(f"/gemeente/{world.code(SCORED)}/").content.decode()
    assert html.index("Nieuwste") < html.index("Middelste") < html.index("Oudste")
