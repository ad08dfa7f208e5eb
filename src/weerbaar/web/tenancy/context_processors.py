"""Template context: the municipalities the logged-in user belongs to (for navigation)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from weerbaar.web.tenancy.models import Membership


def memberships(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_memberships": []}
    return {
        "user_memberships": Membership.objects.filter(user=user).select_related("municipality"),
        "current_municipality": getattr(request, "municipality", None),
        "current_membership": getattr(request, "membership", None),
    }
