from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from weerbaar.web.accounts.models import OversightAssignment
from weerbaar.web.tenancy.models import Membership, Municipality


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "province", "population", "riec_region", "is_demo"]
    search_fields = ["code", "name"]
    list_filter = ["province", "is_demo"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "municipality__name", "municipality__code"]
    autocomplete_fields = ["user", "municipality"]


class UserMembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["municipality"]


class UserOversightInline(admin.TabularInline):
    model = OversightAssignment
    extra = 0


class UserWithMembershipsAdmin(UserAdmin):
    """The standard user admin plus the user's municipalities and roles, and roles above the
    municipalities (RIEC adviser, national analyst)."""

    inlines = [*UserAdmin.inlines, UserMembershipInline, UserOversightInline]


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, UserWithMembershipsAdmin)
