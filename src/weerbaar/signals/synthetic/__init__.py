"""Synthetic data for Gemeente Voorbeeld (GM9999): ordinary records plus labelled anomalies."""

from weerbaar.signals.models import Label
from weerbaar.signals.synthetic.processes import PROCESSES
from weerbaar.signals.synthetic.service import (
    SIZES,
    Generated,
    generate,
    payment_count,
    read_labels,
)

__all__ = [
    "PROCESSES",
    "SIZES",
    "Generated",
    "Label",
    "generate",
    "payment_count",
    "read_labels",
]
