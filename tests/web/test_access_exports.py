"""Access and audit beyond the URL matrix of test_isolation.py.

test_isolation.py opens every route once, without query string, and checks that *some* audit
event was written. Here: every report format and the scan export for each role of both
municipalities; every way to see a signal hit (page, run page, API list and detail, session
and API key) writes an event that names exactly the hits shown; a member of several
municipalities (an RIEC advisor) sees only those.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from test_signals_support import TEST_KEY, store

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.scans.models import Answer, Scan
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.tenancy.models import Membership, Municipality, Role

FORMATS = ("pdf", "xlsx", "html")


@pytest.fixture(autouse=True)
def _key(settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY


@pytest.fixture
def scored_scan(world: Any) -> Scan:
    """A workshop scan of A with one answer: enough to score and report on."""
    from weerbaar.web.knowledgebase.framework import framework

    scan = Scan.objects.create(
        municipality=world.municipalities["a"],
        title="Scan a",
        mode="workshop",
        framework_version=framework().version,
        participants=4,
    )
    Answer.objects.create(scan=scan, question_id="algemeen.q01", value=2)
    return scan


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_download_in_every_format_per_role(
    fmt: str, world: Any, scored_scan: Scan, client_for: Any
) -> None:
    url = reverse("results:report", args=[world.code("a"), scored_scan.pk]) + f"?formaat={fmt}"
    for role in Role.values:
        assert client_for(world.user("b", role)).get(url).status_code == 404, role
    assert client_for(world.user("a", Role.RESPONDENT)).get(url).status_code == 403
    assert not _events("report_downloaded")
    for role in (Role.COORDINATOR, Role.VIEWER):
        response = client_for(world.user("a", role)).get(url)
        assert response.status_code == 200, role
        assert response["Content-Disposition"].startswith("attachment;")
    events = _events("report_downloaded")
    assert [(e.actor, e.details["format"]) for e in events] == [
        (world.user("a", Role.COORDINATOR).username, fmt),
        (world.user("a", Role.VIEWER).username, fmt),
    ]
    assert {e.municipality_id for e in events} == {world.code("a")}
    assert {e.object_id for e in events} == {str(scored_scan.pk)}


def test_scan_export_per_role(world: Any, scored_scan: Scan, client_for: Any) -> None:
    url = reverse("scans:export", args=[world.code("a"), scored_scan.pk])
    for role in Role.values:
        assert client_for(world.user("b", role)).get(url).status_code == 404, role
    assert client_for(world.user("a", Role.RESPONDENT)).get(url).status_code in (403, 404)
    assert not _events("scan_exported")
    assert client_for(world.user("a", Role.VIEWER)).get(url).status_code == 200
    assert [e.object_id for e in _events("scan_exported")] == [str(scored_scan.pk)]


@pytest.fixture
def run(world: Any) -> SignalRun:
    return store(world.municipalities["a"])


def _hit(run: SignalRun) -> SignalHit:
    hit = run.hits.order_by("pk").first()
    assert hit is not None
    return hit


def _token_client(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def _clients(world: Any, client_for: Any, api_token: Any) -> dict[str, Client]:
    coordinator = world.user("a", Role.COORDINATOR)
    return {"session": client_for(coordinator), "token": _token_client(api_token(coordinator))}


@pytest.mark.parametrize("auth", ["session", "token"])
def test_every_api_view_of_a_hit_names_the_hits_shown(
    auth: str, world: Any, run: SignalRun, client_for: Any, api_token: Any
) -> None:
    client = _clients(world, client_for, api_token)[auth]
    base = f"/api/v1/municipalities/{world.code('a')}/signals/"
    hit = _hit(run)
    detail = client.get(f"{base}hits/{hit.pk}/")
    assert detail.status_code == 200 and detail.json()["id"] == hit.pk
    assert [e.object_id for e in _events("signal_hit_viewed")] == [str(hit.pk)]
    # Each page of the list: the event names exactly the hits on that page.
    for offset in (0, 2):
        page = client.get(f"{base}runs/{run.pk}/hits/?limit=2&offset={offset}").json()
        shown = [item["id"] for item in page["results"]]
        assert len(shown) == 2
        assert _events("signal_hits_listed")[-1].details["hits"] == shown
    events = _events("signal_hits_listed")
    assert len(events) == 2
    assert {(e.object_id, e.municipality_id) for e in events} == {(str(run.pk), world.code("a"))}


def test_html_views_of_a_hit_are_audited_also_for_a_failed_review(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = _hit(run)
    url = reverse("signals:hit", args=[world.code("a"), hit.pk])
    # An invalid review answers 400 with the hit shown again: that is a view.
    answer = coordinator_client.post(url, {"status": "no-such-status"})
    assert answer.status_code == 400 and hit.explanation_nl in answer.content.decode()
    assert [e.object_id for e in _events("signal_hit_viewed")] == [str(hit.pk)]
    page = coordinator_client.get(
        reverse("signals:run", args=[world.code("a"), run.pk]) + f"?regel={hit.rule_id}"
    )
    assert page.status_code == 200
    shown = _events("signal_run_viewed")[-1].details["hits"]
    assert shown == list(run.hits.filter(rule_id=hit.rule_id).values_list("pk", flat=True))[:100]


def test_a_viewer_never_sees_a_hit_whatever_the_query(
    world: Any, run: SignalRun, viewer_client: Client
) -> None:
    hit = _hit(run)
    base = reverse("signals:run", args=[world.code("a"), run.pk])
    for query in ("", f"?regel={hit.rule_id}", "?status=open", "?pagina=2"):
        page = viewer_client.get(base + query)
        assert page.status_code == 200
        text = page.content.decode()
        assert hit.explanation_nl not in text and hit.entity_id not in text, query
        assert reverse("signals:hit", args=[world.code("a"), hit.pk]) not in text
    assert all(e.details == {"hits_shown": False} for e in _events("signal_run_viewed"))
    hit_url = reverse("signals:hit", args=[world.code("a"), hit.pk])
    assert viewer_client.get(hit_url).status_code == 403
    assert not _events("signal_hit_viewed")


def test_a_member_of_several_municipalities_sees_only_those(
    world: Any, client_for: Any, run: SignalRun
) -> None:
    """An RIEC advisor with viewer roles in A and C (same region) does not reach B."""
    third = Municipality.objects.create(
        code="GM0014",
        name="Groningen",
        province="Groningen",
        population=238000,
        riec_region="Noord-Nederland",
        size_class="groot",
    )
    advisor = world.user("a", Role.VIEWER)
    Membership.objects.create(user=advisor, municipality=third, role=Role.VIEWER)
    client = client_for(advisor)
    listed = client.get("/api/v1/municipalities/").json()
    assert sorted(item["code"] for item in listed) == sorted([world.code("a"), "GM0014"])
    code_b = world.code("b")
    run_b = store(world.municipalities["b"])
    for url in (
        reverse("scans:index", args=[code_b]),
        reverse("signals:index", args=[code_b]),
        reverse("signals:run", args=[code_b, run_b.pk]),
        reverse("signals:run", args=["GM0014", run_b.pk]),
        reverse("signals:run", args=["GM0014", run.pk]),
        f"/api/v1/municipalities/{code_b}/",
        f"/api/v1/municipalities/{code_b}/signals/runs/",
        f"/api/v1/municipalities/GM0014/signals/runs/{run_b.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    runs_c = client.get("/api/v1/municipalities/GM0014/signals/runs/").json()
    assert runs_c["results"] == []


def test_municipality_data_is_never_stored_by_a_browser_or_proxy(
    world: Any, run: SignalRun, scored_scan: Scan, client_for: Any, api_token: Any
) -> None:
    """A cached hit page or report could be reopened (back button, shared laptop) unaudited."""
    code, hit = world.code("a"), _hit(run)
    coordinator = client_for(world.user("a", Role.COORDINATOR))
    token = _token_client(api_token(world.user("a", Role.COORDINATOR)))
    for client, url in (
        (coordinator, reverse("signals:hit", args=[code, hit.pk])),
        (coordinator, reverse("signals:run", args=[code, run.pk])),
        (coordinator, reverse("results:report", args=[code, scored_scan.pk]) + "?formaat=html"),
        (coordinator, reverse("scans:export", args=[code, scored_scan.pk])),
        (token, f"/api/v1/municipalities/{code}/signals/hits/{hit.pk}/"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        cache = response.get("Cache-Control", "")
        assert "no-store" in cache and "private" in cache, f"{url}: Cache-Control {cache!r}"
    public = Client().get(reverse("knowledgebase:index"))
    assert "no-store" not in public.get("Cache-Control", "")
