"""Who may see what: the municipality-scoped access check used by every tenant view.

``@municipality_role_required("coordinator", "viewer")`` (function views) and
:class:`MunicipalityRoleRequiredMixin` (class views) resolve ``<code>`` from the URL, check the
user's membership, role and two-factor status, and set ``request.municipality`` and
``request.membership``. A municipality the user is no member of answers 404, exactly as an
unknown code does, so the existence of another municipality's data never leaks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from weerbaar.web.tenancy.models import TWO_FACTOR_ROLES, Membership, Role

ALL_ROLES = tuple(Role.values)


def requires_two_factor(user: Any) -> bool:
    """Administrators (staff), coordinators, RIEC advisers and national analysts must log in
    with a TOTP code as well (the last two see several municipalities' figures)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    cached = getattr(user, "_weerbaar_requires_2fa", None)
    if cached is None:
        from weerbaar.web.accounts.models import OversightAssignment

        cached = (
            Membership.objects.filter(user=user, role__in=TWO_FACTOR_ROLES).exists()
            or OversightAssignment.objects.filter(user=user).exists()
        )
        user._weerbaar_requires_2fa = cached
    return bool(cached)


def is_two_factor_satisfied(user: Any) -> bool:
    if not requires_two_factor(user):
        return True
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


def membership_for(user: Any, code: str) -> Membership | None:
    """The user's membership in municipality ``code``, or None (also for anonymous users)."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("municipality")
        .filter(user=user, municipality_id=code)
        .first()
    )


def check_access(request: HttpRequest, code: str, roles: tuple[str, ...]) -> HttpResponse | None:
    """Set ``request.municipality``/``membership`` or return the response that refuses access.

    Anonymous: redirect to login. Unverified two-factor user: redirect to the code page.
    No membership (or unknown code): 404. Member with another role: 403.
    """
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_two_factor_satisfied(user):
        return redirect("accounts:two_factor")
    membership = membership_for(user, code)
    if membership is None:
        raise Http404("No such municipality")
    if membership.role not in roles:
        raise PermissionDenied("This role may not do this")
    request.municipality = membership.municipality  # type: ignore[attr-defined]
    request.membership = membership  # type: ignore[attr-defined]
    return None


def municipality_role_required(*roles: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorate a view taking ``code`` so only members with one of ``roles`` reach it."""
    unknown = set(roles) - set(ALL_ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown or no roles {sorted(unknown)}; choose from {ALL_ROLES}")

    def decorator(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(request: HttpRequest, code: str, *args: Any, **kwargs: Any) -> Any:
            refusal = check_access(request, code, roles)
            if refusal is not None:
                return refusal
            return view(request, code, *args, **kwargs)

        wrapped.allowed_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


class MunicipalityRoleRequiredMixin:
    """Class-based form of :func:`municipality_role_required`; set ``allowed_roles``."""

    allowed_roles: tuple[str, ...] = ()

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        refusal = check_access(request, kwargs["code"], self.allowed_roles)
        if refusal is not None:
            return refusal
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
