"""Signal pages: who sees what, the audit log, pseudonyms, explanations and the review flow."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from test_signals_support import TEST_KEY, core_result, person_identifiers, store

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.signals.views import HITS_PER_PAGE
from weerbaar.web.tenancy.models import Role

PSEUDONYM = re.compile(r"p-[0-9a-f]{16}")


@pytest.fixture(autouse=True)
def _key(settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY


@pytest.fixture
def run(world: Any) -> SignalRun:
    return store(world.municipalities["a"])


def _urls(world: Any, run: SignalRun) -> dict[str, str]:
    code = world.code("a")
    hit = run.hits.first()
    assert hit is not None
    return {
        "index": reverse("signals:index", args=[code]),
        "run": reverse("signals:run", args=[code, run.pk]),
        "hit": reverse("signals:hit", args=[code, hit.pk]),
    }


def _events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def test_the_stored_run_is_the_core_result(run: SignalRun) -> None:
    result = core_result()
    assert run.hit_count == len(result.hits) == run.hits.count() > 0
    assert run.rule_count == len(result.outcomes)
    assert run.counts == result.manifest["counts_per_rule"]
    assert run.manifest["inputs"]["payments"]["sha256"]
    assert {r["id"]: r["version"] for r in run.manifest["rules"]}
    assert set(run.hits.values_list("status", flat=True)) == {"open"}
    stored = sorted((h.rule_id, h.entity_id, h.explanation_nl) for h in run.hits.all())
    expected = sorted((h.rule_id, h.entity_id, h.explanation_nl) for h in result.hits)
    assert stored == expected


def test_coordinator_sees_runs_hits_and_explanations(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    urls = _urls(world, run)
    index = coordinator_client.get(urls["index"]).content.decode()
    assert urls["run"] in index and "Rechtmatig gebruik" in index
    page = coordinator_client.get(urls["run"]).content.decode()
    hit = run.hits.first()
    assert hit is not None
    assert urls["hit"] in page and "Rechtmatig gebruik" in page
    assert f"{run.hit_count} signalen" in page
    detail = coordinator_client.get(urls["hit"]).content.decode()
    from django.utils.html import escape

    assert escape(hit.explanation_nl) in detail
    assert "Waarom deze regel" in detail and "Rechtmatig gebruik" in detail
    # The rule's rationale from the rule catalogue, and its sources.
    from weerbaar.web.signals.service import registry

    rule = registry().get(hit.rule_id)
    assert escape(rule.spec.rationale.nl) in detail
    assert rule.spec.sources[0].address in detail


def test_filter_on_rule_shows_only_that_rules_hits(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    rule_id = max(run.counts, key=lambda r: run.counts[r])
    url = _urls(world, run)["run"] + f"?regel={rule_id}"
    page = coordinator_client.get(url).content.decode()
    shown = re.findall(r">([A-Z]{3}-\d{3}) · ", page)
    assert shown and set(shown) == {rule_id} and len(shown) == run.counts[rule_id]


def test_viewer_sees_counts_only(world: Any, run: SignalRun, viewer_client: Client) -> None:
    urls = _urls(world, run)
    assert viewer_client.get(urls["index"]).status_code == 200
    response = viewer_client.get(urls["run"])
    assert response.status_code == 200
    page = response.content.decode()
    assert f"{run.hit_count} signalen" in page
    for hit in run.hits.all():
        assert reverse("signals:hit", args=[world.code("a"), hit.pk]) not in page
        assert hit.explanation_nl not in page
    assert viewer_client.get(urls["hit"]).status_code == 403
    assert (
        viewer_client.post(urls["hit"], {"status": "geen_actie", "reviewer_note": "x"}).status_code
        == 403
    )
    assert run.hits.filter(status="open").count() == run.hit_count
    event = _events("signal_run_viewed")[-1]
    assert event.details["hits_shown"] is False


def test_respondent_and_other_municipalities_see_nothing(
    world: Any, run: SignalRun, respondent_client: Client, client_for: Any
) -> None:
    urls = _urls(world, run)
    for url in urls.values():
        assert respondent_client.get(url).status_code == 403
        for role in (Role.COORDINATOR, Role.VIEWER):
            assert client_for(world.user("b", role)).get(url).status_code == 404
    # B's coordinator under B's own code cannot reach A's run or hit either.
    other = client_for(world.user("b", Role.COORDINATOR))
    hit = run.hits.first()
    assert hit is not None
    code_b = world.code("b")
    assert other.get(reverse("signals:run", args=[code_b, run.pk])).status_code == 404
    assert other.get(reverse("signals:hit", args=[code_b, hit.pk])).status_code == 404
    assert code_b not in "".join(e.municipality_id or "" for e in AuditEvent.objects.all())


def test_every_view_is_audited_with_what_was_shown(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    urls = _urls(world, run)
    hit = run.hits.first()
    assert hit is not None
    coordinator_client.get(urls["index"])
    assert len(_events("signal_runs_listed")) == 1
    coordinator_client.get(urls["run"])
    viewed = _events("signal_run_viewed")
    assert len(viewed) == 1 and viewed[0].object_id == str(run.pk)
    assert viewed[0].details["hits_shown"] is True
    first_page = list(run.hits.values_list("pk", flat=True)[:HITS_PER_PAGE])
    assert run.hits.count() > HITS_PER_PAGE  # every process's rules: more than one page
    assert sorted(viewed[0].details["hits"]) == sorted(first_page)
    coordinator_client.get(urls["hit"])
    coordinator_client.get(urls["hit"])
    events = _events("signal_hit_viewed")
    assert len(events) == 2
    assert {e.object_id for e in events} == {str(hit.pk)}
    assert {e.municipality_id for e in events} == {world.code("a")}
    assert {e.actor for e in events} == {world.user("a", Role.COORDINATOR).username}


def test_person_identifiers_never_appear_in_the_clear(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    people = person_identifiers()
    assert len(people) > 10
    pages = [coordinator_client.get(url).content.decode() for url in _urls(world, run).values()]
    pages += [
        coordinator_client.get(reverse("signals:hit", args=[world.code("a"), pk])).content.decode()
        for pk in run.hits.values_list("pk", flat=True)
    ]
    text = "\n".join(pages)
    assert PSEUDONYM.search(text), "the self-approval hits name an employee by pseudonym"
    leaked = [person for person in people if re.search(rf"\b{re.escape(person)}\b", text)]
    assert leaked == []


def test_review_flow(world: Any, run: SignalRun, coordinator_client: Client) -> None:
    urls = _urls(world, run)
    hit = run.hits.first()
    assert hit is not None
    refused = coordinator_client.post(urls["hit"], {"status": "geen_actie", "reviewer_note": " "})
    assert refused.status_code == 400
    assert "Leg kort vast waarom" in refused.content.decode()
    hit.refresh_from_db()
    assert hit.status == "open" and hit.reviewed_at is None
    note = "Dubbele factuur, al teruggevorderd (memo 12)."
    done = coordinator_client.post(urls["hit"], {"status": "geen_actie", "reviewer_note": note})
    assert done.status_code == 302 and done["Location"] == urls["hit"]
    hit.refresh_from_db()
    assert hit.status == "geen_actie" and hit.reviewer_note == note
    assert hit.reviewed_by == world.user("a", Role.COORDINATOR) and hit.reviewed_at is not None
    reviewed = _events("signal_hit_reviewed")
    assert len(reviewed) == 1 and reviewed[0].details == {"status": "geen_actie"}
    page = coordinator_client.get(urls["hit"]).content.decode()
    assert note.replace("'", "&#x27;") in page and "Geen actie nodig" in page
    open_only = coordinator_client.get(urls["run"] + "?status=open").content.decode()
    assert urls["hit"] not in open_only
    reviewed_only = coordinator_client.get(urls["run"] + "?status=geen_actie").content.decode()
    assert urls["hit"] in reviewed_only
    invalid = coordinator_client.post(urls["hit"], {"status": "gesloten", "reviewer_note": "x"})
    assert invalid.status_code == 400
    hit.refresh_from_db()
    assert hit.status == "geen_actie"
    assert SignalHit.objects.exclude(pk=hit.pk).filter(status="open").count() == run.hit_count - 1


def test_english_pages_show_the_english_explanation(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = run.hits.first()
    assert hit is not None
    coordinator_client.cookies["django_language"] = "en"
    page = coordinator_client.get(_urls(world, run)["hit"]).content.decode()
    from django.utils.html import escape

    assert escape(hit.explanation_en) in page
    assert escape(hit.explanation_nl) not in page


def test_a_hit_with_many_records_shows_the_first_fifty(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = run.hits.first()
    assert hit is not None
    hit.record_ids = [f"REC{i:05d}" for i in range(120)]
    hit.save()
    page = coordinator_client.get(reverse("signals:hit", args=[world.code("a"), hit.pk]))
    text = page.content.decode()
    assert "REC00049" in text and "REC00050" not in text and "en nog 70 rijen" in text


def test_hit_values_are_written_as_the_page_language_writes_them(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    """Amounts keep their cents with a decimal comma; no True/False or ISO timestamps."""
    hit = run.hits.first()
    assert hit is not None
    hit.value = 22008.13
    hit.details = {"total": 22008.13, "changed_at": "2024-02-05T10:56:00", "flagged": False}
    hit.save()
    url = reverse("signals:hit", args=[world.code("a"), hit.pk])
    dutch = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "<dd>€ 22.008,13</dd>" in dutch  # an amount column is written as euros
    assert "<dd>05-02-2024 10:56</dd>" in dutch
    assert "<dd>nee</dd>" in dutch
    for raw in ("22008.1", "22008,130000", "2024-02-05T10:56", "False"):
        assert raw not in dutch
    english = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dd>€22,008.13</dd>" in english
    assert "<dd>2024-02-05 10:56</dd>" in english
    assert "<dd>no</dd>" in english


def test_hit_timestamps_show_a_time_only_when_it_is_not_midnight(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    """OCDS dates (RFC 3339 text) read as the explanation writes them: a midnight is a date."""
    hit = run.hits.first()
    assert hit is not None
    hit.details = {
        "deadline": "2025-07-25T00:00:00Z",
        "bid_date": "2025-07-26T14:30:00+02:00",
        "award_date": "2025-08-01",
    }
    hit.save()
    url = reverse("signals:hit", args=[world.code("a"), hit.pk])
    dutch = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "<dd>25-07-2025</dd>" in dutch and "<dd>26-07-2025 14:30</dd>" in dutch
    assert "<dd>01-08-2025</dd>" in dutch
    english = coordinator_client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dd>2025-07-25</dd>" in english and "<dd>2025-07-26 14:30</dd>" in english
    assert "00:00" not in dutch + english
