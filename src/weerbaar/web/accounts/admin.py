from django.contrib import admin

from weerbaar.web.accounts.models import OversightAssignment


@admin.register(OversightAssignment)
class OversightAssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "riec_region", "created_at"]
    list_filter = ["role", "riec_region"]
    search_fields = ["user__username"]
    autocomplete_fields = ["user"]
