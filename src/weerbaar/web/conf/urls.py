"""URL configuration. The ui apps choose their own paths (``gemeente/<code>/...``)."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("weerbaar.web.ui.urls")),
    path("", include("weerbaar.web.accounts.urls")),
    path("", include("weerbaar.web.audit.urls")),
    path("", include("weerbaar.web.knowledgebase.urls")),
    path("", include("weerbaar.web.scans.urls")),
    path("", include("weerbaar.web.results.urls")),
    path("", include("weerbaar.web.plans.urls")),
    path("", include("weerbaar.web.signals.urls")),
    path("", include("weerbaar.web.regional.urls")),
    path("", include("weerbaar.web.awareness.urls")),
    path("api/", include("weerbaar.web.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
