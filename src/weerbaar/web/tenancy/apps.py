from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "weerbaar.web.tenancy"
    label = "tenancy"
    verbose_name = _("Gemeenten en rollen")
