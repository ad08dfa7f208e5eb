"""The signals API: runs for coordinators and viewers, hits for coordinators, every read audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from test_signals_support import TEST_KEY, person_identifiers, store

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.signals.models import SignalRun
from weerbaar.web.tenancy.models import Role


@pytest.fixture(autouse=True)
def _key(settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY


@pytest.fixture
def run(world: Any) -> SignalRun:
    return store(world.municipalities["a"])


def _urls(world: Any, run: SignalRun) -> dict[str, str]:
    base = f"/api/v1/municipalities/{world.code('a')}/signals/"
    hit = run.hits.first()
    assert hit is not None
    return {
        "runs": f"{base}runs/",
        "run": f"{base}runs/{run.pk}/",
        "hits": f"{base}runs/{run.pk}/hits/",
        "hit": f"{base}hits/{hit.pk}/",
    }


def _token_client(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def test_coordinator_reads_runs_and_hits(world: Any, run: SignalRun, api_token: Any) -> None:
    client = _token_client(api_token(world.user("a", Role.COORDINATOR)))
    urls = _urls(world, run)
    runs = client.get(urls["runs"]).json()
    assert [item["id"] for item in runs["results"]] == [run.pk]
    assert runs["results"][0]["counts"] == run.counts
    detail = client.get(urls["run"]).json()
    assert detail["manifest"]["inputs"]["payments"]["sha256"]
    hits = client.get(urls["hits"] + "?limit=500").json()
    assert hits["count"] == run.hit_count == len(hits["results"])
    first = client.get(urls["hit"]).json()
    stored = run.hits.get(pk=first["id"])
    assert first["explanation_nl"] == stored.explanation_nl
    assert first["status"] == "open" and first["run"] == run.pk
    text = str(hits)
    assert not [p for p in person_identifiers() if f"'{p}'" in text or f" {p})" in text]


def test_every_api_read_is_audited(world: Any, run: SignalRun, api_token: Any) -> None:
    client = _token_client(api_token(world.user("a", Role.COORDINATOR)))
    urls = _urls(world, run)
    expected = {
        "runs": "signal_runs_listed",
        "run": "signal_run_viewed",
        "hits": "signal_hits_listed",
        "hit": "signal_hit_viewed",
    }
    for name, action in expected.items():
        before = AuditEvent.objects.filter(action=action).count()
        assert client.get(urls[name]).status_code == 200
        events = AuditEvent.objects.filter(action=action)
        assert events.count() == before + 1, name
        event = events.order_by("-id").first()
        assert event is not None
        assert event.municipality_id == world.code("a") and event.details.get("api") is True
    listed = AuditEvent.objects.get(action="signal_hits_listed")
    assert len(listed.details["hits"]) == min(100, run.hit_count)


def test_viewer_reads_runs_but_no_hits(world: Any, run: SignalRun, api_token: Any) -> None:
    client = _token_client(api_token(world.user("a", Role.VIEWER)))
    urls = _urls(world, run)
    assert client.get(urls["runs"]).status_code == 200
    assert client.get(urls["run"]).status_code == 200
    assert client.get(urls["hits"]).status_code == 403
    assert client.get(urls["hit"]).status_code == 403
    assert not AuditEvent.objects.filter(action__in=["signal_hits_listed", "signal_hit_viewed"])


def test_respondents_and_other_municipalities_get_nothing(
    world: Any, run: SignalRun, api_token: Any
) -> None:
    urls = _urls(world, run)
    respondent = _token_client(api_token(world.user("a", Role.RESPONDENT)))
    for url in urls.values():
        assert respondent.get(url).status_code == 403
        for role in (Role.COORDINATOR, Role.VIEWER, Role.RESPONDENT):
            outsider = _token_client(api_token(world.user("b", role)))
            assert outsider.get(url).status_code == 404
    # B's coordinator asking for A's hit under B's own code.
    outsider = _token_client(api_token(world.user("b", Role.COORDINATOR)))
    hit_url = urls["hit"].replace(world.code("a"), world.code("b"))
    assert outsider.get(hit_url).status_code == 404


def test_the_api_is_read_only(world: Any, run: SignalRun, api_token: Any) -> None:
    client = _token_client(api_token(world.user("a", Role.COORDINATOR)))
    urls = _urls(world, run)
    answer = client.patch(urls["hit"], {"status": "doorgezet"}, content_type="application/json")
    assert answer.status_code == 405
    assert client.delete(urls["run"]).status_code == 405
    assert run.hits.filter(status="open").count() == run.hit_count
