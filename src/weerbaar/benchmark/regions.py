"""The ten RIEC regions, as the knowledge base's reference data lists them."""

from __future__ import annotations

import csv
from functools import lru_cache

from weerbaar.knowledge.reference import REFERENCE_DIR


@lru_cache(maxsize=1)
def riec_regions() -> tuple[str, ...]:
    """The names of the ten RIEC regions (``reference/riec_regions.csv``), in file order."""
    with (REFERENCE_DIR / "riec_regions.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(row["riec_region"].strip() for row in csv.DictReader(handle))
