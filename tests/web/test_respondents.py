"""Survey respondents: personal links shown once, only assigned parts, anonymous in results."""

from __future__ import annotations

import re
from typing import Any

import pytest
from ui_helpers import SCORED, add_respondent, answer_all, make_scan

from weerbaar.web.knowledgebase.framework import question_parts
from weerbaar.web.scans.models import Answer, Respondent, Scan, hash_token
from weerbaar.web.scans.services import to_core_scan


@pytest.fixture
def survey(world: Any) -> Scan:
    return make_scan(world.municipalities[SCORED], mode="survey", title="Enquête")


def invite_url(scan: Scan) -> str:
    return f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/respondenten/"


def test_invite_shows_the_link_once_and_stores_only_its_hash(
    world: Any, client_for: Any, survey: Scan
) -> None:
    client = client_for(world.user(SCORED, "coordinator"))
    response = client.post(invite_url(survey), {"label": "Inkoop 1", "processes": ["inkoop"]})
    html = response.content.decode()
    token = re.search(r"/s/([A-Za-z0-9_-]{30,})/", html).group(1)  # type: ignore[union-attr]
    respondent = Respondent.objects.get(scan=survey)
    assert respondent.token_hash == hash_token(token)
    assert token not in respondent.token_hash
    assert respondent.processes == ["inkoop"]
    again = client.get(invite_url(survey)).content.decode()
    assert token not in again
    assert "Inkoop 1" in again


def test_invite_needs_at_least_one_part(world: Any, client_for: Any, survey: Scan) -> None:
    client = client_for(world.user(SCORED, "coordinator"))
    response = client.post(invite_url(survey), {"label": "Zonder onderdelen"})
    assert "foutmeldingen" in response.content.decode()
    assert not Respondent.objects.exists()


def test_respondent_sees_only_assigned_parts(survey: Scan, client: Any) -> None:
    _respondent, token = add_respondent(survey, "Inkoop 1", ["inkoop"])
    html = client.get(f"/s/{token}/").content.decode()
    assert f"/s/{token}/inkoop/" in html
    assert f"/s/{token}/financien/" not in html
    assert client.get(f"/s/{token}/inkoop/").status_code == 200
    assert client.get(f"/s/{token}/financien/").status_code == 404


def test_respondent_cannot_answer_a_question_of_another_part(survey: Scan, client: Any) -> None:
    _respondent, token = add_respondent(survey, "Inkoop 1", ["inkoop"])
    other = question_parts(survey.municipality_id)["financien"][0]
    response = client.post(f"/s/{token}/antwoord/", {"question_id": other.id, "value": "1"})
    assert response.status_code == 400
    assert not Answer.objects.exists()
    own = question_parts(survey.municipality_id)["inkoop"][0]
    response = client.post(f"/s/{token}/antwoord/", {"question_id": own.id, "value": "1"})
    assert response.status_code == 200
    assert Answer.objects.get().respondent is not None


@pytest.mark.parametrize("path", ["", "inkoop/", "antwoord/", "klaar/"])
def test_unknown_token_is_not_found(survey: Scan, client: Any, path: str) -> None:
    add_respondent(survey, "Inkoop 1", ["inkoop"])
    response = client.post(f"/s/not-a-real-token-0123456789abcdef/{path}")
    assert response.status_code in (404, 405)
    assert client.get(f"/s/not-a-real-token-0123456789abcdef/{path}").status_code in (404, 405)


def test_completed_respondent_can_no_longer_change_answers(survey: Scan, client: Any) -> None:
    _respondent, token = add_respondent(survey, "Inkoop 1", ["inkoop"])
    own = question_parts(survey.municipality_id)["inkoop"][0]
    client.post(f"/s/{token}/klaar/")
    response = client.post(f"/s/{token}/antwoord/", {"question_id": own.id, "value": "1"})
    assert response.status_code == 409
    assert not Answer.objects.exists()


def test_results_are_anonymous(world: Any, client_for: Any, survey: Scan) -> None:
    parts = list(question_parts(survey.municipality_id))
    respondent, _token = add_respondent(survey, "Jan Jansen", parts)
    other, _ = add_respondent(survey, "Piet Pietersen", parts)
    answer_all(survey, respondent, value=0)
    answer_all(survey, other, value=3)
    core = to_core_scan(survey)
    assert all("Jansen" not in token for token in core.respondents)
    client = client_for(world.user(SCORED, "viewer"))
    html = client.get(
        f"/gemeente/{survey.municipality_id}/scans/{survey.pk}/resultaten/"
    ).content.decode()
    assert "Om te bespreken" in html
    assert "Jansen" not in html and "Pietersen" not in html


def test_respondent_account_answers_only_its_assignment(
    world: Any, client_for: Any, survey: Scan
) -> None:
    user = world.user(SCORED, "respondent")
    respondent, _token = add_respondent(survey, "Account", ["brp"])
    respondent.user = user
    respondent.save()
    client = client_for(user)
    base = f"/gemeente/{survey.municipality_id}/scans/{survey.pk}/"
    assert client.get(base + "invullen/brp/").status_code == 200
    assert client.get(base + "invullen/inkoop/").status_code == 404
    assert client.get(base + "resultaten/").status_code == 403
    not_assigned = make_scan(world.municipalities[SCORED], mode="survey", title="Andere")
    assert (
        client.get(
            f"/gemeente/{survey.municipality_id}/scans/{not_assigned.pk}/invullen/"
        ).status_code
        == 404
    )


def test_coordinator_links_a_respondent_account_of_the_own_municipality_only(
    world: Any, client_for: Any, survey: Scan
) -> None:
    client = client_for(world.user(SCORED, "coordinator"))
    own = world.user(SCORED, "respondent")
    other = world.user("a" if SCORED == "b" else "b", "respondent")
    response = client.post(
        invite_url(survey), {"label": "Vreemd", "processes": ["brp"], "user": other.pk}
    )
    assert "foutmeldingen" in response.content.decode()
    assert not Respondent.objects.exists()
    client.post(invite_url(survey), {"label": "Eigen", "processes": ["brp"], "user": own.pk})
    assert Respondent.objects.get().user == own
    answer = client_for(own).get(
        f"/gemeente/{survey.municipality_id}/scans/{survey.pk}/invullen/brp/"
    )
    assert answer.status_code == 200


def test_scan_page_shows_progress_per_respondent_not_answers(
    world: Any, client_for: Any, survey: Scan
) -> None:
    respondent, _ = add_respondent(survey, "Burgerzaken 1", ["reisdocumenten"])
    count = answer_all(survey, respondent, value=2)
    html = (
        client_for(world.user(SCORED, "coordinator"))
        .get(f"/gemeente/{survey.municipality_id}/scans/{survey.pk}/")
        .content.decode()
    )
    assert "Burgerzaken 1" in html
    assert f'<td class="utrecht-table__cell">{count}</td>' in html
