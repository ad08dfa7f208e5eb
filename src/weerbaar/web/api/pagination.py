"""Pages of API lists: ``?limit=`` and ``?offset=``, with a ceiling on the page size."""

from __future__ import annotations

from rest_framework.pagination import LimitOffsetPagination


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """``limit`` above :attr:`max_limit` is lowered to it (an unbounded one crashed the query)."""

    max_limit = 1000
