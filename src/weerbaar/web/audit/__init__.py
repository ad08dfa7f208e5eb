"""The audit log. Call :func:`weerbaar.web.audit.log_event` from every view that shows or changes
scans, answers, results or plans."""

from __future__ import annotations

from typing import Any


def log_event(*args: Any, **kwargs: Any) -> Any:
    """See :func:`weerbaar.web.audit.service.log_event` (imported lazily: models need the app)."""
    from weerbaar.web.audit.service import log_event as _log_event

    return _log_event(*args, **kwargs)
