"""Log (and audit) logins, failed logins, lockouts and logouts as named events."""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from weerbaar.web.audit.service import log_event

logger = logging.getLogger("weerbaar.accounts")


def _username_hash(username: str | None) -> str:
    return hashlib.sha256((username or "").encode("utf-8")).hexdigest()[:16]


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    logger.info("login_succeeded", extra={"user_id": user.pk})
    if request is not None:
        log_event(request, "login", user, municipality=None)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    logger.warning(
        "login_failed", extra={"username_hash": _username_hash(credentials.get("username"))}
    )


@receiver(user_locked_out)
def on_locked_out(sender: Any, request: Any, username: str | None, **kwargs: Any) -> None:
    logger.warning("login_locked_out", extra={"username_hash": _username_hash(username)})


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        logger.info("logout", extra={"user_id": user.pk})
