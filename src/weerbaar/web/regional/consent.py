"""Reading and changing consent: every change is one history row and one audit event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from weerbaar.benchmark.consent import Use, levels_permitting
from weerbaar.web.audit import log_event
from weerbaar.web.regional.models import Consent, ConsentChange, ConsentLevel, ConsentSource
from weerbaar.web.tenancy.models import Municipality


def current_level(municipality: Municipality | str) -> str:
    """The municipality's consent level now; ``none`` when it never chose one."""
    code = municipality if isinstance(municipality, str) else municipality.pk
    level = Consent.objects.filter(municipality_id=code).values_list("level", flat=True).first()
    return level or ConsentLevel.NONE


def levels_of(codes: Iterable[str]) -> dict[str, str]:
    """Consent level per municipality code (``none`` for those without a choice)."""
    wanted = list(codes)
    found = dict(
        Consent.objects.filter(municipality_id__in=wanted).values_list("municipality_id", "level")
    )
    return {code: found.get(code, ConsentLevel.NONE) for code in wanted}


def codes_permitting(use: Use) -> set[str]:
    """The municipalities whose current consent permits ``use``."""
    levels = [str(level) for level in levels_permitting(use)]
    return set(Consent.objects.filter(level__in=levels).values_list("municipality_id", flat=True))


@transaction.atomic
def set_consent(
    municipality: Municipality,
    level: str,
    *,
    request: Any = None,
    note: str = "",
    source: str = ConsentSource.LOCAL,
    actor: str = "",
) -> ConsentChange | None:
    """Change the consent level; None when it already was ``level`` (nothing is logged)."""
    if level not in ConsentLevel.values:
        raise ValueError(f"unknown consent level {level!r}; choose from {ConsentLevel.values}")
    consent, _created = Consent.objects.select_for_update().get_or_create(municipality=municipality)
    previous = consent.level
    if previous == level:
        return None
    user = getattr(request, "user", None)
    authenticated = bool(user is not None and user.is_authenticated)
    change = ConsentChange.objects.create(
        municipality=municipality,
        previous_level=previous,
        level=level,
        user=user if authenticated else None,
        actor=user.get_username() if authenticated else actor,
        source=source,
        note=note[:500],
    )
    consent.level = level
    consent.updated_at = timezone.now()
    consent.save(update_fields=["level", "updated_at"])
    log_event(
        request,
        "consent_changed",
        change,
        municipality=municipality,
        details={"from": previous, "to": level, "source": source, "actor": change.actor},
    )
    return change
