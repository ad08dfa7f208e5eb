"""The demo (`weerbaar demo`, `make demo`): development settings without debug pages.

Someone trying the product should see the app's own 404 and 500 pages, not Django's debug page
listing every URL pattern. Static files come straight from the source folders, unhashed.
"""

from __future__ import annotations

import os

os.environ.setdefault("WEERBAAR_DEBUG", "false")

from weerbaar.web.conf.dev import *  # noqa: F403

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
