"""What the audit log page shows: per event its label, who, when, and which object in words.

An object is named by what it is and by its own name (``Scan: Weerbaarheidsscan 2026``,
``Signaal: FIN-001 · BET000002501``), never by its table name and number
(``signals.signalhit 1``). Objects are fetched per type, once per page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from weerbaar.web.audit.events import event_label
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.knowledgebase.labels import language


def _measure_title(measure_id: str) -> str:
    from weerbaar.web.knowledgebase.framework import framework

    found = framework().measures.get(measure_id)
    return found.title.get(language()) if found else measure_id


def _long_datetime(value: Any) -> str:
    from weerbaar.web.ui.templatetags.ui import long_datetime

    return long_datetime(value)


# object type (app_label.model) -> (what it is, how one is named)
OBJECTS: dict[str, tuple[Callable[[], str], Callable[[Any], str]]] = {
    "scans.scan": (lambda: _("Scan"), lambda o: o.title),
    "scans.respondent": (lambda: _("Respondent"), lambda o: o.label),
    "plans.plan": (lambda: _("Actieplan"), lambda o: _("bij %(scan)s") % {"scan": o.scan.title}),
    "plans.action": (lambda: _("Actie"), lambda o: _measure_title(o.measure_id)),
    "signals.signalrun": (lambda: _("Signaalrun"), lambda o: _long_datetime(o.started_at)),
    "signals.signalhit": (lambda: _("Signaal"), lambda o: f"{o.rule_id} · {o.entity_id}"),
    "tenancy.municipality": (lambda: _("Gemeente"), lambda o: o.name),
    "regional.consentchange": (lambda: _("Toestemming"), lambda o: o.get_level_display()),
    "auth.user": (lambda: _("Gebruiker"), lambda o: o.get_username()),
    "otp_totp.totpdevice": (lambda: _("Authenticator-app"), lambda o: ""),
}


@dataclass(frozen=True)
class EventRow:
    time: Any
    who: str
    what: str
    object: str


def _fetch(events: Iterable[AuditEvent]) -> dict[tuple[str, str], Any]:
    wanted: dict[str, set[str]] = defaultdict(set)
    for event in events:
        if event.object_type in OBJECTS and event.object_id:
            wanted[event.object_type].add(event.object_id)
    found: dict[tuple[str, str], Any] = {}
    for object_type, ids in wanted.items():
        model = apps.get_model(object_type)
        for obj in model._default_manager.filter(pk__in=ids):
            found[(object_type, str(obj.pk))] = obj
    return found


def describe_object(event: AuditEvent, found: dict[tuple[str, str], Any]) -> str:
    if not event.object_type:
        return ""
    kind, name = OBJECTS.get(event.object_type, (lambda: _("Object"), str))
    obj = found.get((event.object_type, event.object_id))
    if obj is None:
        return _("%(kind)s (verwijderd)") % {"kind": kind()}
    text = name(obj)
    return f"{kind()}: {text}" if text else kind()


def actor_label(actor: str) -> str:
    if actor == "respondent":
        return _("respondent (persoonlijke link)")
    return actor or _("systeem")


def event_rows(events: list[AuditEvent]) -> list[EventRow]:
    found = _fetch(events)
    return [
        EventRow(
            time=event.time,
            who=actor_label(event.actor),
            what=event_label(event.action),
            object=describe_object(event, found),
        )
        for event in events
    ]
