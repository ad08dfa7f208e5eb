"""Local development: debug on, plain HTTP, a fixed (insecure) secret key unless one is set."""

from __future__ import annotations

import os

for _name, _value in {
    "WEERBAAR_SECRET_KEY": "dev-only-insecure-key-do-not-use-in-production-0123456789",
    "WEERBAAR_DEBUG": "true",
    "WEERBAAR_SECURE": "false",
    "WEERBAAR_LOG_FORMAT": "text",
}.items():
    os.environ.setdefault(_name, _value)

from weerbaar.web.conf.base import *  # noqa: E402, F403

# Static files straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
