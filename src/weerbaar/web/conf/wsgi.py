"""WSGI entry point (``weerbaar serve`` runs it under waitress)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.web.conf.production")
application = get_wsgi_application()
