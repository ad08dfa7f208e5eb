"""The favicon at the address browsers ask for on their own (``/favicon.ico``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse

FAVICON = Path(__file__).parents[1] / "static" / "weerbaar" / "favicon.svg"


@cache
def _favicon() -> bytes:
    return FAVICON.read_bytes()


def favicon(request: HttpRequest) -> HttpResponse:
    """The same icon the pages link to, for requests without a page (a PDF, an old bookmark)."""
    response = HttpResponse(_favicon(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response
