"""Consent in the web app: nothing by default, the coordinator decides, every change is in the
history and the audit log, and the municipality's viewers see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from weerbaar.web.accounts.models import OversightAssignment, OversightRole
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.regional.consent import current_level, levels_of, set_consent
from weerbaar.web.regional.models import ConsentChange
from weerbaar.web.tenancy.access import requires_two_factor
from weerbaar.web.tenancy.models import Role

pytestmark = pytest.mark.django_db


def make_user(username: str) -> Any:
    return get_user_model().objects.create_user(username=username, password="x-Long-enough-42")


def url(world: Any, key: str = "a") -> str:
    return f"/gemeente/{world.code(key)}/delen/"


def test_nothing_is_shared_by_default(world: Any, coordinator_client: Any) -> None:
    assert current_level(world.municipalities["a"]) == "none"
    assert levels_of([world.code("a"), world.code("b")]) == {
        world.code("a"): "none",
        world.code("b"): "none",
    }
    page = coordinator_client.get(url(world)).content.decode()
    assert "Niets delen" in page
    assert "Er is nog nooit een keuze gemaakt" in page


def test_coordinator_changes_and_revokes_with_history_and_audit(
    world: Any, coordinator_client: Any
) -> None:
    response = coordinator_client.post(url(world), {"level": "named_riec", "note": "B&W 12-3"})
    assert response.status_code == 302
    assert current_level(world.municipalities["a"]) == "named_riec"
    response = coordinator_client.post(url(world), {"level": "none", "note": ""})
    assert current_level(world.municipalities["a"]) == "none"
    changes = list(ConsentChange.objects.filter(municipality=world.municipalities["a"]))
    assert [(c.previous_level, c.level) for c in changes] == [
        ("named_riec", "none"),
        ("none", "named_riec"),
    ]
    assert changes[1].note == "B&W 12-3" and changes[1].actor == "coordinator-a"
    events = AuditEvent.objects.filter(action="consent_changed", municipality_id=world.code("a"))
    assert sorted((e.details["from"], e.details["to"]) for e in events) == [
        ("named_riec", "none"),
        ("none", "named_riec"),
    ]
    # B is untouched.
    assert current_level(world.municipalities["b"]) == "none"


def test_choosing_the_current_level_again_logs_nothing(world: Any) -> None:
    municipality = world.municipalities["a"]
    assert set_consent(municipality, "aggregates") is not None
    assert set_consent(municipality, "aggregates") is None
    assert ConsentChange.objects.filter(municipality=municipality).count() == 1


def test_unknown_level_is_refused(world: Any, coordinator_client: Any) -> None:
    response = coordinator_client.post(url(world), {"level": "alles"})
    assert response.status_code == 200
    assert "foutmeldingen" in response.content.decode()
    assert current_level(world.municipalities["a"]) == "none"
    with pytest.raises(ValueError, match="unknown consent level"):
        set_consent(world.municipalities["a"], "alles")


def test_viewers_see_the_choice_and_its_history_but_cannot_change_it(
    world: Any, coordinator_client: Any, viewer_client: Any
) -> None:
    coordinator_client.post(url(world), {"level": "aggregates", "note": "raadsbesluit"})
    page = viewer_client.get(url(world)).content.decode()
    assert "Alleen geanonimiseerde cijfers" in page and "raadsbesluit" in page
    assert 'name="level"' not in page
    assert viewer_client.post(url(world), {"level": "none"}).status_code == 403
    assert current_level(world.municipalities["a"]) == "aggregates"


def test_oversight_roles_need_two_factor_and_a_valid_region(world: Any) -> None:
    adviser = make_user("riec")
    assert not requires_two_factor(adviser)
    assignment = OversightAssignment(user=adviser, role=OversightRole.RIEC_ADVISER)
    with pytest.raises(ValidationError, match="tien RIEC-regio"):
        assignment.full_clean()
    assignment.riec_region = "Noord-Nederland"
    assignment.full_clean()
    assignment.save()
    fresh = type(adviser).objects.get(pk=adviser.pk)
    assert requires_two_factor(fresh)
    analyst = OversightAssignment(
        user=make_user("analist"), role=OversightRole.NATIONAL_ANALYST, riec_region="Limburg"
    )
    with pytest.raises(ValidationError, match="niet aan een RIEC-regio"):
        analyst.full_clean()


def test_respondents_do_not_reach_the_consent_page(world: Any, client_for: Any) -> None:
    client = client_for(world.user("a", Role.RESPONDENT))
    assert client.get(url(world)).status_code == 403
