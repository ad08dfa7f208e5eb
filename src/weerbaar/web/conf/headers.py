"""Security headers Django does not set itself."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

# weerbaar uses no camera, microphone, location, payment or USB; no page may ask for them.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class MunicipalityDataNotCachedMiddleware:
    """Responses with a municipality's data (pages, API, downloads) are never stored.

    The tenant access checks set ``request.municipality``; such a response gets
    ``Cache-Control: no-store, private``, so a signal hit, scan or report cannot be reopened
    from a browser or proxy cache (back button, shared laptop) without a new, audited request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "municipality", None) is not None:
            add_never_cache_headers(response)
        return response
