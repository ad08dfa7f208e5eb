"""The one fixture world: the fictional municipality "Gemeente Voorbeeld" (GM9999).

It exists only in demo data: it is not one of the 342 real municipalities and is never
exported with them. Tests, docs and ``make demo`` all use it.
"""

from __future__ import annotations

from weerbaar.knowledge.models import Municipality

VOORBEELD = Municipality(
    code="GM9999",
    name="Voorbeeld",
    province="Gelderland",
    population=15_240,
    riec_region="Oost-Nederland",
    size_class="klein",
    demo=True,
)
DEMO_MUNICIPALITIES: dict[str, Municipality] = {VOORBEELD.code: VOORBEELD}
