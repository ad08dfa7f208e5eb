from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    name = "weerbaar.web.awareness"
    label = "awareness"
    verbose_name = _("Bewustwording")

    def ready(self) -> None:
        from weerbaar.web.awareness.events import register

        register()
