from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "weerbaar.web.regional"
    label = "regional"
    verbose_name = _("Regionaal en landelijk beeld")
