"""Input datasets of the processes beyond finance and procurement, one module per process.

Each module declares its datasets with :mod:`weerbaar.signals.columns`; ``PROCESS_SCHEMAS`` lists
them all (in the order the upload form and the documentation show them).
"""

from __future__ import annotations

from weerbaar.signals.columns import DatasetSchema
from weerbaar.signals.datasets import (
    brp,
    employees,
    informatie,
    reisdocumenten,
    subsidies,
    toezicht,
    vergunningen,
)

PROCESS_SCHEMAS: tuple[DatasetSchema, ...] = (
    *employees.SCHEMAS,
    *subsidies.SCHEMAS,
    *vergunningen.SCHEMAS,
    *brp.SCHEMAS,
    *reisdocumenten.SCHEMAS,
    *informatie.SCHEMAS,
    *toezicht.SCHEMAS,
)
