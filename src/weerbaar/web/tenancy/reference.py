"""Municipalities from the knowledge base's reference data into the database."""

from __future__ import annotations

from collections.abc import Iterable

from weerbaar.knowledge.models import Municipality as KnowledgeMunicipality
from weerbaar.web.tenancy.models import Municipality

FIELDS = ["name", "province", "population", "riec_region", "size_class", "is_demo"]


def store_municipalities(items: Iterable[KnowledgeMunicipality]) -> int:
    """Insert or update municipalities by CBS code; returns how many were stored."""
    rows = [
        Municipality(
            code=item.code,
            name=item.name,
            province=item.province,
            population=item.population,
            riec_region=item.riec_region,
            size_class=item.size_class,
            is_demo=item.demo,
        )
        for item in items
    ]
    for row in rows:
        row.full_clean(validate_unique=False)
    Municipality.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["code"], update_fields=FIELDS
    )
    return len(rows)
