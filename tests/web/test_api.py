"""The REST API: token authentication, tenant rules, scans, answers, plans and actions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from weerbaar.web.api.models import ApiToken, hash_key
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.scans.models import Scan
from weerbaar.web.tenancy.models import Role

V1 = "/api/v1"


def token_client(key: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


@pytest.fixture
def plan_a(scan_a: Scan) -> Plan:
    plan = Plan.objects.create(scan=scan_a, parameters={"quarters": 4}, result={"chosen": []})
    Action.objects.create(plan=plan, measure_id="vier-ogen-betaalbatch", due_quarter=2)
    return plan


def test_token_authentication(world: Any, api_token: Any) -> None:
    key = api_token(world.user("a", Role.VIEWER))
    response = token_client(key).get(f"{V1}/municipalities/")
    assert response.status_code == 200
    assert [m["code"] for m in response.json()] == [world.code("a")]
    assert response.json()[0]["role"] == "viewer"
    assert token_client(key + "x").get(f"{V1}/municipalities/").status_code == 401
    assert Client().get(f"{V1}/municipalities/").status_code in (401, 403)


def test_only_the_hash_of_a_token_is_stored(world: Any) -> None:
    token, key = ApiToken.issue(world.user("a", Role.VIEWER), "koppeling")
    assert token.key_hash == hash_key(key) and key not in token.key_hash
    assert not ApiToken.objects.filter(key_hash=key).exists()


def test_expired_token_and_inactive_user_are_refused(world: Any) -> None:
    user = world.user("a", Role.VIEWER)
    _token, key = ApiToken.issue(user, "oud", expires_at=timezone.now() - timedelta(days=1))
    assert token_client(key).get(f"{V1}/municipalities/").status_code == 401
    _token, fresh = ApiToken.issue(user, "nieuw")
    user.is_active = False
    user.save()
    assert token_client(fresh).get(f"{V1}/municipalities/").status_code == 401


def test_other_municipality_answers_404_not_403(world: Any, api_token: Any, scan_a: Scan) -> None:
    key = api_token(world.user("b", Role.COORDINATOR))
    client = token_client(key)
    assert client.get(f"{V1}/municipalities/{world.code('a')}/").status_code == 404
    assert client.get(f"{V1}/municipalities/{world.code('a')}/scans/").status_code == 404
    assert client.get(f"{V1}/municipalities/GM0999/scans/").status_code == 404
    # Asking for municipality a's scan through municipality b's URL finds nothing either.
    url = f"{V1}/municipalities/{world.code('b')}/scans/{scan_a.pk}/"
    assert client.get(url).status_code == 404


def test_coordinator_creates_a_scan_viewer_may_not(world: Any, api_token: Any) -> None:
    url = f"{V1}/municipalities/{world.code('a')}/scans/"
    body = {"title": "Vragenlijst 2026", "mode": "survey", "date": "2026-03-01"}
    viewer = token_client(api_token(world.user("a", Role.VIEWER)))
    assert viewer.post(url, body, content_type="application/json").status_code == 403
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    response = coordinator.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    scan = Scan.objects.get(pk=response.json()["id"])
    assert scan.municipality_id == world.code("a")
    assert AuditEvent.objects.filter(action="scan_created", object_id=str(scan.pk)).exists()


def test_workshop_scan_needs_participants(world: Any, api_token: Any) -> None:
    url = f"{V1}/municipalities/{world.code('a')}/scans/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    response = coordinator.post(
        url, {"title": "W", "mode": "workshop"}, content_type="application/json"
    )
    assert response.status_code == 400 and "participants" in response.json()


def test_respondent_accounts_have_no_api_access_to_municipality_data(
    world: Any, api_token: Any, scan_a: Scan
) -> None:
    client = token_client(api_token(world.user("a", Role.RESPONDENT)))
    assert client.get(f"{V1}/municipalities/{world.code('a')}/scans/").status_code == 403


def test_reading_a_scan_is_audited(world: Any, api_token: Any, scan_a: Scan) -> None:
    client = token_client(api_token(world.user("a", Role.VIEWER)))
    response = client.get(f"{V1}/municipalities/{world.code('a')}/scans/{scan_a.pk}/")
    assert response.status_code == 200 and response.json()["title"] == "Workshop 2026"
    event = AuditEvent.objects.get(action="scan_viewed")
    assert event.user == world.user("a", Role.VIEWER) and event.municipality_id == world.code("a")


def test_an_unknown_question_is_refused_with_its_id(
    world: Any, api_token: Any, scan_a: Scan
) -> None:
    client = token_client(api_token(world.user("a", Role.COORDINATOR)))
    url = f"{V1}/municipalities/{world.code('a')}/scans/{scan_a.pk}/answers/"
    response = client.put(
        url, {"question_id": "bestaat-niet", "value": 2}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "bestaat-niet" in response.json()["answer"][0]
    assert not scan_a.answers.exists()


def test_answers_to_a_closed_scan_are_refused(world: Any, api_token: Any, scan_a: Scan) -> None:
    scan_a.status = "closed"
    scan_a.save()
    client = token_client(api_token(world.user("a", Role.COORDINATOR)))
    url = f"{V1}/municipalities/{world.code('a')}/scans/{scan_a.pk}/answers/"
    response = client.put(url, {"question_id": "x", "value": 1}, content_type="application/json")
    assert response.status_code == 400 and "closed" in response.json()["scan"][0]


def test_action_follow_up(world: Any, api_token: Any, plan_a: Plan) -> None:
    action = plan_a.actions.get()
    url = f"{V1}/municipalities/{world.code('a')}/plans/{plan_a.pk}/actions/{action.pk}/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    body = {"owner": "Teamleider Financiën", "status": "doing", "evidence": "Werkinstructie v2"}
    response = coordinator.patch(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert (action.owner, action.status) == ("Teamleider Financiën", "doing")
    assert AuditEvent.objects.filter(action="action_changed", object_id=str(action.pk)).exists()
    late = coordinator.patch(url, {"due_quarter": 5}, content_type="application/json")
    assert late.status_code == 400 and "due_quarter" in late.json()
    viewer = token_client(api_token(world.user("a", Role.VIEWER)))
    assert viewer.patch(url, {"status": "done"}, content_type="application/json").status_code == 403
    assert viewer.get(url).json()["status"] == "doing"


def test_plans_of_another_municipality_are_invisible(
    world: Any, api_token: Any, plan_a: Plan
) -> None:
    client = token_client(api_token(world.user("b", Role.VIEWER)))
    own = client.get(f"{V1}/municipalities/{world.code('b')}/plans/")
    assert own.status_code == 200 and own.json()["count"] == 0
    foreign = f"{V1}/municipalities/{world.code('b')}/plans/{plan_a.pk}/"
    assert client.get(foreign).status_code == 404


def test_session_authentication_needs_csrf_for_writes(world: Any, client_for: Any) -> None:
    client = client_for(world.user("a", Role.COORDINATOR))
    client.handler.enforce_csrf_checks = True
    url = f"{V1}/municipalities/{world.code('a')}/scans/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "x", "mode": "survey"}, content_type="application/json")
    assert response.status_code == 403


@pytest.fixture
def scored_scan_a(world: Any) -> Scan:
    """The 2026 demo workshop, imported for municipality A through the ui's service."""
    from weerbaar.demo.scans import demo_scan_path
    from weerbaar.scan.io import load_scan
    from weerbaar.web.scans.services import import_scan

    return import_scan(world.municipalities["a"], load_scan(demo_scan_path("2026")))


def test_result_is_the_core_score_with_explanations(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    from weerbaar.web.results.services import score

    client = token_client(api_token(world.user("a", Role.VIEWER)))
    url = f"{V1}/municipalities/{world.code('a')}/scans/{scored_scan_a.pk}/result/"
    data = client.get(url).json()
    expected = score(scored_scan_a).model_dump(mode="json")
    assert data == expected
    assert set(data["processes"]) >= {"financien", "inkoop", "toezicht"}
    assert data["processes"]["inkoop"]["explanation"]["nl"]
    assert AuditEvent.objects.filter(action="result_viewed").count() == 1


def test_plan_from_the_optimiser_then_accepted_into_actions(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    base = f"{V1}/municipalities/{world.code('a')}/plans/"
    body = {"scan": scored_scan_a.pk, "hours": 300, "budget_eur": 10000, "quarters": 4}
    viewer = token_client(api_token(world.user("a", Role.VIEWER)))
    assert viewer.post(base, body, content_type="application/json").status_code == 403
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    response = coordinator.post(base, body, content_type="application/json")
    assert response.status_code == 201, response.content
    plan = response.json()
    assert plan["parameters"]["hours"] == 300 and plan["result"]["chosen"]
    assert plan["result"]["total_cost_eur"] <= 10000
    accepted = coordinator.post(f"{base}{plan['id']}/accept/").json()
    chosen = {item["id"] for item in plan["result"]["chosen"]}
    assert {action["measure_id"] for action in accepted["actions"]} == chosen
    assert accepted["accepted_at"]


def test_an_impossible_plan_request_is_refused_with_the_reason(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    base = f"{V1}/municipalities/{world.code('a')}/plans/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    body = {"scan": scored_scan_a.pk, "hours": 10, "budget_eur": 0, "mandatory": ["bestaat-niet"]}
    response = coordinator.post(base, body, content_type="application/json")
    assert response.status_code == 400
    assert "bestaat-niet" in response.json()["plan"][0]
    assert not Plan.objects.exists()
    foreign = {**body, "scan": 999999, "mandatory": []}
    assert coordinator.post(base, foreign, content_type="application/json").status_code == 404


def test_a_workshop_answer_is_stored_and_audited(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    answer = scored_scan_a.answers.filter(respondent__isnull=True).first()
    assert answer is not None
    client = token_client(api_token(world.user("a", Role.COORDINATOR)))
    url = f"{V1}/municipalities/{world.code('a')}/scans/{scored_scan_a.pk}/answers/"
    body = {"question_id": answer.question_id, "value": 0, "note": "Geen vier-ogen"}
    response = client.put(url, body, content_type="application/json")
    assert response.status_code == 200, response.content
    answer.refresh_from_db()
    assert (answer.value, answer.note) == (0, "Geen vier-ogen")
    assert AuditEvent.objects.filter(action="answer_changed").exists()
    listed = client.get(url).json()
    assert any(item["question_id"] == answer.question_id and item["value"] == 0 for item in listed)


def test_plan_inputs_the_core_rejects_are_a_400_not_a_crash(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    base = f"{V1}/municipalities/{world.code('a')}/plans/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    body = {"scan": scored_scan_a.pk, "hours": 100, "budget_eur": 5000, "min_theme": {"x": 1}}
    response = coordinator.post(base, body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert "plan" in response.json()


def test_measures_outside_the_scan_may_be_mandatory_or_excluded(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    """A mandatory measure that addresses no weak answer enters the plan with its prerequisites;
    excluding one has no effect; an id the knowledge base does not know is refused."""
    from weerbaar.web.knowledgebase.framework import framework_for
    from weerbaar.web.plans.services import problem_for

    candidates = {c.id for c in problem_for(scored_scan_a).candidates}
    measures = framework_for(scored_scan_a.framework_version).measures
    outside = [m for m in measures.values() if m.id not in candidates and m.small_municipality]
    forced = next(m for m in outside if m.prerequisites and set(m.prerequisites) - candidates)
    excluded = next(m.id for m in outside if m.id != forced.id and m.id not in forced.prerequisites)
    base = f"{V1}/municipalities/{world.code('a')}/plans/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    body = {"scan": scored_scan_a.pk, "hours": 1000, "budget_eur": 100000, "quarters": 4,
            "mandatory": [forced.id], "excluded": [excluded]}  # fmt: skip
    response = coordinator.post(base, body, content_type="application/json")
    assert response.status_code == 201, response.content
    chosen = {c["id"]: c for c in response.json()["result"]["chosen"]}
    assert chosen[forced.id]["reason"]["code"] == "mandatory"
    assert "no weak answer" in chosen[forced.id]["reason"]["en"]
    assert set(forced.prerequisites) <= set(chosen)
    assert excluded not in chosen
    unknown = {**body, "mandatory": [], "excluded": ["bestaat-niet"]}
    response = coordinator.post(base, unknown, content_type="application/json")
    assert response.status_code == 400
    message = str(response.json()["plan"])
    assert "bestaat-niet" in message and "kennisbank" in message and "knowledge base" in message


def test_non_finite_plan_numbers_are_refused(
    world: Any, api_token: Any, scored_scan_a: Scan
) -> None:
    base = f"{V1}/municipalities/{world.code('a')}/plans/"
    coordinator = token_client(api_token(world.user("a", Role.COORDINATOR)))
    for field in ("hours", "budget_eur", "hours_per_quarter"):
        body = {"scan": scored_scan_a.pk, "hours": 100, "budget_eur": 5000, field: "inf"}
        response = coordinator.post(base, body, content_type="application/json")
        assert response.status_code == 400, response.content
        assert field in response.json()
    assert not Plan.objects.exists()
