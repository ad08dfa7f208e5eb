"""``log_event``: the single way views and services write to the audit log."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from weerbaar.web.audit.events import event_type
from weerbaar.web.audit.models import AuditEvent

logger = logging.getLogger("weerbaar.audit")

_NO_MUNICIPALITY = object()


def ip_hash(request: HttpRequest | None) -> str:
    """A keyed hash of the client address: lets events be correlated, never shows the address."""
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "") or ""
    key = settings.SECRET_KEY.encode("utf-8")
    return hmac.new(key, address.encode("utf-8"), hashlib.sha256).hexdigest()[:32]


def _object_ref(obj: Any) -> tuple[str, str]:
    if obj is None:
        return "", ""
    if isinstance(obj, models.Model):
        return obj._meta.label_lower, str(obj.pk)
    return type(obj).__name__.lower(), str(getattr(obj, "pk", getattr(obj, "id", "")))


def _municipality_of(obj: Any) -> Any:
    for path in ("municipality", "scan.municipality", "plan.scan.municipality"):
        value = obj
        for part in path.split("."):
            value = getattr(value, part, None)
            if value is None:
                break
        if value is not None:
            return value
    return None


def log_event(
    request: HttpRequest | None,
    action: str,
    obj: Any = None,
    municipality: Any = _NO_MUNICIPALITY,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Record that the request's user did ``action`` (``scan_viewed``, ``answer_changed``...).

    ``municipality`` defaults to ``request.municipality``, else the object's own municipality.
    ``action`` must be registered in :mod:`weerbaar.web.audit.events` (its label is shown).
    """
    event_type(action)
    if municipality is _NO_MUNICIPALITY:
        municipality = getattr(request, "municipality", None) or _municipality_of(obj)
    user = getattr(request, "user", None)
    authenticated = bool(user is not None and user.is_authenticated)
    object_type, object_id = _object_ref(obj)
    event = AuditEvent.objects.create(
        user=user if authenticated else None,
        actor=user.get_username() if authenticated else getattr(request, "audit_actor", ""),
        municipality=municipality,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details or {},
        ip_hash=ip_hash(request),
    )
    logger.info(
        action,
        extra={
            "audit_id": event.pk,
            "municipality": getattr(municipality, "pk", None),
            "object_type": object_type,
            "object_id": object_id,
        },
    )
    return event
