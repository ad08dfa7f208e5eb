"""Test runs: like development, plus a fast password hasher for the test users."""

from __future__ import annotations

import os

for _name, _value in {
    "WEERBAAR_SECRET_KEY": "ci-only-insecure-key-do-not-use-in-production-0123456789",
    "WEERBAAR_DEBUG": "false",
    "WEERBAAR_SECURE": "false",
    "WEERBAAR_LOG_LEVEL": "WARNING",
    "WEERBAAR_LOG_FORMAT": "text",
}.items():
    os.environ.setdefault(_name, _value)

from weerbaar.web.conf.base import *  # noqa: E402, F403

# Static files straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
