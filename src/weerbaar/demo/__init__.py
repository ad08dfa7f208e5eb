"""The one fixture world: the fictional municipality "Gemeente Voorbeeld" (GM9999).

It exists only in demo data: it is not one of the 342 real municipalities and is never
exported with them. Tests, docs and ``make demo`` all use it. Its reference row lives with the
knowledge base's reference data (``knowledge/reference/fictional_municipalities.csv``), so the
knowledge core can find it without knowing this package.
"""

from __future__ import annotations

from weerbaar.knowledge.models import Municipality


def _voorbeeld() -> Municipality:
    from weerbaar.knowledge import load_framework

    return load_framework().fictional_municipalities["GM9999"]


VOORBEELD: Municipality = _voorbeeld()
DEMO_MUNICIPALITIES: dict[str, Municipality] = {VOORBEELD.code: VOORBEELD}
