"""Bad input to the API: every refusal is a JSON 400 naming the field, and nothing is written."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from weerbaar.web.plans.models import Action, Plan
from weerbaar.web.scans.models import Scan
from weerbaar.web.tenancy.models import Role

V1 = "/api/v1"


@pytest.fixture
def coordinator(world: Any, api_token: Any) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {api_token(world.user('a', Role.COORDINATOR))}")


def test_a_huge_page_size_is_capped_not_a_crash(
    world: Any, coordinator: Client, scan_a: Scan
) -> None:
    url = f"{V1}/municipalities/{world.code('a')}/scans/?limit=99999999999999999999"
    response = coordinator.get(url)
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [scan_a.pk]


def test_unknown_fields_are_refused_by_name(world: Any, coordinator: Client, scan_a: Scan) -> None:
    code = world.code("a")
    scans = f"{V1}/municipalities/{code}/scans/"
    response = coordinator.post(
        scans,
        json.dumps({"title": "x", "mode": "survey", "participant": 5}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["participant"]
    assert Scan.objects.count() == 1

    plan = Plan.objects.create(scan=scan_a, parameters={"quarters": 4}, result={"chosen": []})
    action = Action.objects.create(plan=plan, measure_id="vier-ogen-betaalbatch", due_quarter=2)
    url = f"{V1}/municipalities/{code}/plans/{plan.pk}/actions/{action.pk}/"
    response = coordinator.patch(
        url, json.dumps({"owner": "Team Inkoop", "stauts": "done"}), content_type="application/json"
    )
    assert response.status_code == 400 and "stauts" in response.json()
    action.refresh_from_db()
    assert action.owner == "" and action.status == "todo"

    # Read-only fields of a representation read from the API may be sent back.
    echoed = {**coordinator.get(url).json(), "owner": "Team Inkoop"}
    response = coordinator.patch(url, json.dumps(echoed), content_type="application/json")
    assert response.status_code == 200 and response.json()["owner"] == "Team Inkoop"

    response = coordinator.post(
        f"{V1}/municipalities/{code}/plans/",
        json.dumps({"scan": scan_a.pk, "hours": 40, "budget_eur": 0, "hours_per_quater": 5}),
        content_type="application/json",
    )
    assert response.status_code == 400 and list(response.json()) == ["hours_per_quater"]
    assert Plan.objects.count() == 1

    response = coordinator.put(
        f"{scans}{scan_a.pk}/answers/",
        json.dumps({"question_id": "x", "value": 1, "remark": "y"}),
        content_type="application/json",
    )
    assert response.status_code == 400 and "remark" in response.json()


def test_every_refusal_has_one_shape(world: Any, coordinator: Client, scan_a: Scan) -> None:
    """A 400 maps each field to a list of messages, as the serializers' own errors do."""
    code = world.code("a")
    answers = f"{V1}/municipalities/{code}/scans/{scan_a.pk}/answers/"
    bodies = [
        (answers, {"question_id": "bestaat-niet", "value": 1}),  # refused by the scan service
        (answers, {"question_id": 5, "value": "x"}),  # refused by the serializer
        (
            f"{V1}/municipalities/{code}/plans/",
            {"scan": scan_a.pk, "hours": 1, "budget_eur": 0, "mandatory": ["nee"]},
        ),
    ]
    for url, body in bodies:
        method = coordinator.put if url == answers else coordinator.post
        response = method(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 400, url
        errors = response.json()
        assert errors and all(
            isinstance(messages, list) and all(isinstance(m, str) for m in messages)
            for messages in errors.values()
        ), errors
    scan_a.status = "closed"
    scan_a.save()
    response = coordinator.put(
        answers, json.dumps({"question_id": "x", "value": 1}), content_type="application/json"
    )
    assert response.status_code == 400 and isinstance(response.json()["scan"], list)


def test_an_unknown_knowledge_item_names_its_kind() -> None:
    response = Client().get(f"{V1}/knowledge/processes/bestaat-niet/")
    assert response.status_code == 404
    assert response.json() == {"detail": "No process with id 'bestaat-niet'."}
