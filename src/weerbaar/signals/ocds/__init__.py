"""OCDS procurement data for the INK signal rules: loading, Cardinal settings, comparison, data.

Public API:

* :func:`load_ocds` — read compiled releases (JSON lines) into the ``ocds_*`` DuckDB tables;
* :class:`CardinalSettings`, :func:`load_settings` — Cardinal's INI settings as rule parameters;
* :func:`run_indicators`, :func:`to_cardinal`, :func:`run_file` — Cardinal-shaped results;
* :func:`generate` — synthetic releases for Gemeente Voorbeeld with labelled anomalies.
"""

from weerbaar.signals.ocds.io import TABLES, OcdsLoad, OcdsLoadError, load_ocds
from weerbaar.signals.ocds.settings import (
    RULE_IDS,
    CardinalSettings,
    SettingsError,
    load_settings,
)

__all__ = [
    "RULE_IDS",
    "TABLES",
    "CardinalSettings",
    "OcdsLoad",
    "OcdsLoadError",
    "SettingsError",
    "load_ocds",
    "load_settings",
]
