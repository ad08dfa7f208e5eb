from django.contrib import admin

from weerbaar.web.regional.models import Consent, ConsentChange


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Read-only: consent is changed by the municipality's coordinator, with a history row."""

    list_display = ["municipality", "level", "updated_at"]
    list_filter = ["level"]
    search_fields = ["municipality__code", "municipality__name"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ConsentChange)
class ConsentChangeAdmin(ConsentAdmin):
    list_display = ["municipality", "time", "previous_level", "level", "actor", "source"]
    list_filter = ["level", "source"]
