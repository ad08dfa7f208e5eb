"""A signal hit as a reviewer reads it: labels, not column names or codes (issue 14).

The hit page listed `amount_eur`, `copies`, `creditor_id`, "payment BET…" and
`enkelvoudig_onderhands`, the run page dataset names such as `payments`, and the review form
was a bare select and textarea.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from test_signals_support import TEST_KEY, store
from ui_helpers import visible_text

from weerbaar.web.signals.models import SignalRun


@pytest.fixture(autouse=True)
def _key(settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY


@pytest.fixture
def run(world: Any) -> SignalRun:
    return store(world.municipalities["a"])


def hit_page(client: Client, world: Any, hit: Any, language: str = "nl") -> str:
    url = reverse("signals:hit", args=[world.code("a"), hit.pk])
    return str(client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())


def test_a_duplicate_payment_reads_in_words(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = run.hits.filter(rule_id="FIN-001").first()
    assert hit is not None
    html = hit_page(coordinator_client, world, hit)
    text = visible_text(html)
    assert f"Betaling {hit.entity_id}" in text
    assert "<dt>Bedrag</dt><dd>€ " in html and "<dt>Aantal keer betaald</dt>" in html
    assert "<dt>Crediteur</dt>" in html
    for code in ("amount_eur", "copies", "creditor_id", "invoice_number", "payment "):
        assert code not in text, code
    english = visible_text(hit_page(coordinator_client, world, hit, "en"))
    assert f"Payment {hit.entity_id}" in english and "Times paid" in english


def test_coded_values_and_settings_are_shown_by_their_labels(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = run.hits.first()
    assert hit is not None
    hit.rule_id = "INK-021"
    hit.details = {"procedure": "enkelvoudig_onderhands", "year": 2024, "share": 0.875}
    hit.parameters = {"max_share": 0.5}
    hit.save()
    text = visible_text(hit_page(coordinator_client, world, hit))
    assert "enkelvoudig onderhands" in text and "enkelvoudig_onderhands" not in text
    assert "Jaar 2024" in text and "2.024" not in text
    assert "Aandeel 87,5%" in text
    for name in ("max_share", "min_amount", "direct_procedures"):
        assert name not in text, name


def test_the_review_form_is_in_the_design_system(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    hit = run.hits.first()
    html = hit_page(coordinator_client, world, hit)
    form = html.split('id="beoordeling"')[1]
    assert "utrecht-radio-button" in form and "utrecht-textarea" in form
    assert "(niet verplicht)" not in form  # the note is needed for any outcome but 'open'


def test_the_run_page_names_its_input_files_by_what_they_hold(
    world: Any, run: SignalRun, coordinator_client: Client
) -> None:
    url = reverse("signals:run", args=[world.code("a"), run.pk])
    text = visible_text(coordinator_client.get(url).content.decode())
    assert "Betalingen" in text and "Crediteuren" in text
    assert "payments" not in text and "creditor_changes" not in text
