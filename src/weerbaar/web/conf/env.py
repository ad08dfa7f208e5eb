"""The one place where settings are read from the environment.

Every environment variable goes through :func:`env`, which records its name, type, default and
help text in :data:`REGISTRY`. The administrator guide's settings reference
(``docs/admin/settings.md``) is generated from that registry, and a test fails when it drifts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

REQUIRED = object()


@dataclass(frozen=True)
class EnvSetting:
    name: str
    help: str
    default: Any
    kind: str

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


REGISTRY: dict[str, EnvSetting] = {}


def _parse_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}: expected a boolean (true/false/1/0), got {raw!r}")


def _parse_int(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}: expected a whole number, got {raw!r}") from None


def _parse_list(name: str, raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


PARSERS: dict[type, tuple[str, Callable[[str, str], Any]]] = {
    str: ("text", lambda _name, raw: raw),
    bool: ("boolean", _parse_bool),
    int: ("integer", _parse_int),
    list: ("comma-separated list", _parse_list),
}


def env(name: str, *, help: str, default: Any = REQUIRED, cast: type = str) -> Any:
    """Read environment variable ``name``, convert it to ``cast`` and record it for the docs.

    Without a default the variable is required: a missing one stops start-up with a message
    that names it. A string default is parsed like the environment value would be.
    """
    kind, parse = PARSERS[cast]
    REGISTRY[name] = EnvSetting(name=name, help=help, default=default, kind=kind)
    raw = os.environ.get(name)
    if raw is None:
        if default is REQUIRED:
            raise ImproperlyConfigured(f"Set the environment variable {name}: {help}")
        return parse(name, default) if isinstance(default, str) and cast is not str else default
    return parse(name, raw)
