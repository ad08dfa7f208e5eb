from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from weerbaar.web.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log cannot be edited, not even by an administrator."""

    list_display = ["time", "actor", "municipality", "action", "object_type", "object_id"]
    list_filter = ["action", "municipality"]
    search_fields = ["actor", "action", "object_id"]
    date_hierarchy = "time"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
