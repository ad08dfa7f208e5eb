"""The audit log as a coordinator reads it: labelled events and objects, a filter, a menu link.

Before issue 14 the page was an unstyled table of codes (``signal_hit_viewed``,
``signals.signalhit 1``) with a free-text filter, and no menu linked to it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from ui_helpers import make_scan, visible_text

import weerbaar
from weerbaar.web.audit import log_event
from weerbaar.web.audit.events import EVENTS, UnknownAuditEvent
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.tenancy.models import Role

SRC = Path(weerbaar.__file__).parent
CALL = re.compile(r"log_event\(\s*(?:self\.)?\w+,\s*\"([a-z_]+)\"")


def test_every_action_written_anywhere_is_registered_with_labels() -> None:
    written = {m for path in SRC.rglob("*.py") for m in CALL.findall(path.read_text("utf-8"))}
    assert len(written) > 30
    assert written <= set(EVENTS), sorted(written - set(EVENTS))
    for event in EVENTS.values():
        assert event.nl and event.en and event.nl != event.action


def test_an_unregistered_action_is_refused(world: Any) -> None:
    with pytest.raises(UnknownAuditEvent, match="not registered"):
        log_event(None, "scan_peeked", municipality=world.municipalities["a"])
    assert not AuditEvent.objects.exists()


def audit_page(client: Any, code: str, **query: str) -> str:
    response = client.get(reverse("audit:event_list", args=[code]), query)
    assert response.status_code == 200
    return str(response.content.decode())


@pytest.mark.parametrize(
    ("language", "label", "kind"), [("nl", "Scan bekeken", "Scan"), ("en", "Scan viewed", "Scan")]
)
def test_events_and_objects_are_shown_in_words(
    world: Any, client_for: Any, language: str, label: str, kind: str
) -> None:
    client = client_for(world.user("a", Role.COORDINATOR))
    scan = make_scan(world.municipalities["a"], title="Scan voorjaar")
    client.get(reverse("scans:detail", args=[world.code("a"), scan.pk]))
    client.cookies.load({"django_language": language})
    html = visible_text(audit_page(client, world.code("a")))
    assert label in html
    assert f"{kind}: Scan voorjaar" in html
    for code in ("scan_viewed", "audit_viewed", "scans.scan"):
        assert code not in html, code


def test_the_filter_offers_the_logged_events_by_label(world: Any, client_for: Any) -> None:
    client = client_for(world.user("a", Role.COORDINATOR))
    scan = make_scan(world.municipalities["a"])
    client.get(reverse("scans:detail", args=[world.code("a"), scan.pk]))
    html = audit_page(client, world.code("a"), action="scan_viewed")
    assert '<select name="action"' in html and "utrecht-select" in html
    assert '<option value="scan_viewed" selected>Scan bekeken</option>' in html
    rows = re.findall(r"<tr class=\"utrecht-table__row\">\s*<td", html)
    assert len(rows) == 1  # only the scan view, not the audit views
    assert 'type="text"' not in html


def test_a_deleted_object_and_an_old_action_are_still_readable(world: Any, client_for: Any) -> None:
    municipality = world.municipalities["a"]
    scan = make_scan(municipality)
    log_event(None, "scan_viewed", scan)
    scan.delete()
    AuditEvent.objects.create(municipality=municipality, action="retired_event")
    html = audit_page(client_for(world.user("a", Role.COORDINATOR)), world.code("a"))
    assert "Scan (verwijderd)" in html
    assert "Andere gebeurtenis (retired_event)" in html


def test_the_menu_links_the_audit_log_for_coordinators_only(world: Any, client_for: Any) -> None:
    url = reverse("audit:event_list", args=[world.code("a")])
    page = reverse("scans:index", args=[world.code("a")])
    coordinator = client_for(world.user("a", Role.COORDINATOR)).get(page).content.decode()
    viewer = client_for(world.user("a", Role.VIEWER)).get(page).content.decode()
    assert f'href="{url}"' in coordinator
    assert f'href="{url}"' not in viewer
