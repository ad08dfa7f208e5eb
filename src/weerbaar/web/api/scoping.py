"""Tenant rules for the API, the same as the UI's (see :mod:`weerbaar.web.tenancy.access`).

A municipality the user is no member of answers 404. Coordinators may read and write,
viewers only read; respondents have no API access to municipality data (they answer through
their own survey pages).
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from weerbaar.web.tenancy.access import membership_for
from weerbaar.web.tenancy.models import Role

READ_ROLES = frozenset({Role.COORDINATOR, Role.VIEWER})
WRITE_ROLES = frozenset({Role.COORDINATOR})


class MunicipalityScopedMixin:
    """For API views under ``municipalities/<code>/``: resolves and checks the membership."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        membership = membership_for(request.user, kwargs["code"])
        if membership is None:
            raise NotFound()
        allowed = READ_ROLES if request.method in SAFE_METHODS else WRITE_ROLES
        if membership.role not in allowed:
            raise PermissionDenied("Your role in this municipality does not allow this.")
        for target in (request, request._request):
            target.municipality = membership.municipality
            target.membership = membership
