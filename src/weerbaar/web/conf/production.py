"""Production: the secure defaults of ``base.py`` unchanged; WEERBAAR_SECRET_KEY is required."""

from __future__ import annotations

from weerbaar.web.conf.base import *  # noqa: F403
