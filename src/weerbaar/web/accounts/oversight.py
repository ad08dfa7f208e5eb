"""Access for the roles above the municipality (RIEC adviser, national analyst).

``@oversight_role_required(OversightRole.RIEC_ADVISER)`` lets a view be reached only by a
logged-in, two-factor verified user with that role; it sets ``request.oversight`` to the
assignment. Anonymous users go to the login, everyone else gets 403. API views use
:class:`OversightScopedMixin` with the same rule.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import redirect
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.request import Request

from weerbaar.web.accounts.models import OversightAssignment, OversightRole

ALL_OVERSIGHT = tuple(OversightRole.values)


def assignment_for(user: Any, roles: tuple[str, ...]) -> OversightAssignment | None:
    """The user's assignment with one of ``roles`` (the first by role order), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    found = {a.role: a for a in OversightAssignment.objects.filter(user=user, role__in=roles)}
    return next((found[role] for role in roles if role in found), None)


def oversight_roles(user: Any) -> list[OversightAssignment]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(OversightAssignment.objects.filter(user=user))


def _check(roles: tuple[str, ...]) -> None:
    unknown = set(roles) - set(ALL_OVERSIGHT)
    if unknown or not roles:
        raise ValueError(f"unknown or no roles {sorted(unknown)}; choose from {ALL_OVERSIGHT}")


def oversight_role_required(*roles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a view so that only users with one of ``roles`` reach it."""
    _check(roles)

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            from weerbaar.web.tenancy.access import is_two_factor_satisfied

            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_two_factor_satisfied(request.user):
                return redirect("accounts:two_factor")
            assignment = assignment_for(request.user, roles)
            if assignment is None:
                raise PermissionDenied("This page is for another role")
            request.oversight = assignment  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapped.oversight_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


class OversightScopedMixin:
    """For API views of the oversight roles: set ``oversight_roles``; 403 for anyone else."""

    oversight_roles: tuple[str, ...] = ()

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        assignment = assignment_for(request.user, self.oversight_roles)
        if assignment is None:
            raise ApiPermissionDenied("This resource is for another role.")
        for target in (request, request._request):
            target.oversight = assignment
