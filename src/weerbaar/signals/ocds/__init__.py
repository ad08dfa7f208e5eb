"""OCDS procurement data for the INK signal rules: loading, Cardinal settings, comparison, data.

Public API:

* :func:`load_ocds` — read compiled releases (JSON lines) into the ``ocds_*`` DuckDB tables;
* :class:`CardinalSettings`, :func:`load_settings` — Cardinal's INI settings as rule parameters;
* :func:`run_indicators`, :func:`to_cardinal`, :func:`run_file` — Cardinal-shaped results;
* :func:`generate` — synthetic releases for Gemeente Voorbeeld with labelled anomalies:
  ``generate(n, seed)`` returns them in memory (:class:`Synthetic`, with ``labels``);
  ``generate(path, releases=n, seed=s)`` (how ``weerbaar signals generate`` calls it) writes
  ``path`` and ``ocds-labels.csv`` beside it and returns a summary dict.
"""

from pathlib import Path
from typing import Any

from weerbaar.signals.ocds.cardinal import run_file, run_indicators, to_cardinal
from weerbaar.signals.ocds.generator import Label, Synthetic, write_releases, write_synthetic
from weerbaar.signals.ocds.generator import generate as generate_releases
from weerbaar.signals.ocds.io import TABLES, OcdsLoad, OcdsLoadError, load_ocds
from weerbaar.signals.ocds.settings import (
    RULE_IDS,
    CardinalSettings,
    SettingsError,
    load_settings,
)


def generate(
    target: int | str | Path, seed: int = 0, *, releases: int | None = None
) -> Synthetic | dict[str, Any]:
    """Synthetic OCDS data: in memory for a count, written to a file for a path (see above)."""
    if isinstance(target, int):
        return generate_releases(target, seed)
    return write_synthetic(target, 500 if releases is None else releases, seed)


__all__ = [
    "RULE_IDS",
    "TABLES",
    "CardinalSettings",
    "Label",
    "OcdsLoad",
    "OcdsLoadError",
    "SettingsError",
    "Synthetic",
    "generate",
    "generate_releases",
    "load_ocds",
    "load_settings",
    "run_file",
    "run_indicators",
    "to_cardinal",
    "write_releases",
    "write_synthetic",
]
