"""Cardinal's INI settings as a typed model, mapped onto the parameters of the INK rules.

The INI file is Cardinal's (``ocdscardinal init`` writes one): top-level ``currency``,
``no_price_comparison_procurement_methods`` and ``price_comparison_procurement_methods``
(``|``-separated ``procurementMethodDetails`` values), ``[exclusions]``, and one section per
indicator; an indicator runs only when its section exists. Sections of the ``prepare`` command
(``[defaults]``, ``[redactions]``, ``[corrections]``, ``[modifications]``, ``[codelists.*]``) and
``[output]`` are accepted and ignored. Unknown keys are errors, as in Cardinal.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

# Cardinal indicator code -> weerbaar rule id.
RULE_IDS: dict[str, str] = {
    "R003": "INK-001",
    "R018": "INK-002",
    "R024": "INK-004",
    "R058": "INK-005",
    "R028": "INK-006",
    "R035": "INK-007",
    "R036": "INK-008",
    "R038": "INK-009",
    "R030": "INK-012",
    "R025": "INK-013",
    "R048": "INK-014",
}
NOT_SET = -1.0  # rule parameter value meaning "no fixed threshold: use the quartile fence"
_IGNORED_SECTIONS = ("defaults", "redactions", "corrections", "modifications", "output")
_TOP = "__top__"


class SettingsError(ValueError):
    """The settings file is invalid; the message names the file, section and key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Exclusions(_Section):
    procurement_method_details: str | None = None


class R003Section(_Section):
    threshold: int | None = None
    procurement_methods: str | None = None
    procurement_method_details: dict[str, int] = Field(default_factory=dict)


class R018Section(_Section):
    procurement_methods: str | None = None


class FloatThreshold(_Section):
    threshold: float | None = None


class R025Section(_Section):
    percentile: int | None = None
    threshold: float | None = None


class R035Section(_Section):
    threshold: int | None = None


class R038Section(_Section):
    threshold: float | None = None
    minimum_submitted_bids: int | None = None
    minimum_contracting_processes: int | None = None


class R048Section(_Section):
    digits: int | None = None
    threshold: int | None = None
    minimum_contracting_processes: int | None = None


class CardinalSettings(_Section):
    """The ``indicators`` part of a Cardinal settings file."""

    currency: str | None = None
    no_price_comparison_procurement_methods: str | None = None
    price_comparison_procurement_methods: str | None = None
    exclusions: Exclusions = Field(default_factory=Exclusions)
    R003: R003Section | None = None
    R018: R018Section | None = None
    R024: FloatThreshold | None = None
    R025: R025Section | None = None
    R028: _Section | None = None
    R030: _Section | None = None
    R035: R035Section | None = None
    R036: _Section | None = None
    R038: R038Section | None = None
    R048: R048Section | None = None
    R058: FloatThreshold | None = None

    def excluded_procurement_method_details(self) -> list[str]:
        return split_pipes(self.exclusions.procurement_method_details)

    def enabled_codes(self) -> list[str]:
        """Indicator codes whose section is present, in code order."""
        return [code for code in sorted(RULE_IDS) if getattr(self, code) is not None]

    def rule_parameters(self) -> dict[str, dict[str, Any]]:
        """Rule id -> parameter overrides for every enabled indicator."""
        return {RULE_IDS[code]: _PARAMETERS[code](self) for code in self.enabled_codes()}


def split_pipes(value: str | None, default: str = "") -> list[str]:
    """Cardinal's ``split_terminator('|')``: ``"a|b|"`` -> ``["a", "b"]``, ``""`` -> ``[]``."""
    text = default if value is None else value
    parts = text.split("|")
    if parts and parts[-1] == "":
        parts.pop()
    return sorted(set(parts))


def _price(settings: CardinalSettings) -> dict[str, Any]:
    return {
        "no_price_comparison_procurement_methods": split_pipes(
            settings.no_price_comparison_procurement_methods
        ),
        "price_comparison_procurement_methods": split_pipes(
            settings.price_comparison_procurement_methods
        ),
    }


def _default(value: int | None, default: int) -> int:
    return default if value is None else value


def _fixed(value: float | None) -> float:
    """A Cardinal ``threshold`` as a rule parameter. Unset -> :data:`NOT_SET` (compute the fence);
    a negative threshold behaves in Cardinal like 0 (no flag passes its ``> 0`` guard)."""
    if value is None:
        return NOT_SET
    return max(float(value), 0.0)


def _r003(s: CardinalSettings) -> dict[str, Any]:
    section = s.R003 or R003Section()
    details = sorted(section.procurement_method_details.items())
    return {
        "threshold": 15 if section.threshold is None else section.threshold,
        "procurement_methods": split_pipes(section.procurement_methods),
        "procurement_method_details": [name for name, _ in details],
        "procurement_method_details_thresholds": [days for _, days in details],
    }


def _r038(s: CardinalSettings) -> dict[str, Any]:
    section = s.R038 or R038Section()
    return {
        "threshold": _fixed(section.threshold),
        "minimum_submitted_bids": _default(section.minimum_submitted_bids, 2),
        "minimum_contracting_processes": _default(section.minimum_contracting_processes, 2),
    }


def _r025(s: CardinalSettings) -> dict[str, Any]:
    section = s.R025 or R025Section()
    return {
        "percentile": 75 if section.percentile is None else section.percentile,
        "threshold": _fixed(section.threshold),
    }


def _r048(s: CardinalSettings) -> dict[str, Any]:
    section = s.R048 or R048Section()
    return {
        "digits": 2 if section.digits is None else section.digits,
        "threshold": _fixed(section.threshold),
        "minimum_contracting_processes": (
            20
            if section.minimum_contracting_processes is None
            else section.minimum_contracting_processes
        ),
    }


_PARAMETERS: dict[str, Any] = {
    "R003": _r003,
    "R018": lambda s: {
        "procurement_methods": split_pipes(
            (s.R018 or R018Section()).procurement_methods, "open|selective"
        )
    },
    "R024": lambda s: {**_price(s), "threshold": _fixed((s.R024 or FloatThreshold()).threshold)},
    "R058": lambda s: {**_price(s), "threshold": _fixed((s.R058 or FloatThreshold()).threshold)},
    "R025": _r025,
    "R028": _price,
    "R030": lambda s: {},
    "R035": lambda s: {"threshold": max((s.R035 or R035Section()).threshold or 1, 1)},
    "R036": _price,
    "R038": _r038,
    "R048": _r048,
}


def _ignored(name: str) -> bool:
    """Sections of ``prepare``, and indicators of newer Cardinal versions we do not implement."""
    if name in _IGNORED_SECTIONS or name.startswith("codelists."):
        return True
    code = name.split(".")[0]
    return re.fullmatch(r"R\d{3}", code) is not None and code not in RULE_IDS


def _sections(parser: configparser.ConfigParser) -> dict[str, Any]:
    data: dict[str, Any] = dict(parser[_TOP])
    for name in parser.sections():
        if name == _TOP or _ignored(name):
            continue
        if name == "R003.procurement_method_details":
            data.setdefault("R003", {})["procurement_method_details"] = dict(parser[name])
        else:
            data.setdefault(name, {}).update(parser[name])
    return data


def load_settings(path: str | Path) -> CardinalSettings:
    """Read a Cardinal settings file; errors name the file, the section and the key."""
    path = Path(path)
    parser = configparser.ConfigParser(
        interpolation=None, inline_comment_prefixes=(";", "#"), strict=True
    )
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(f"[{_TOP}]\n" + path.read_text(encoding="utf-8"), source=str(path))
    except (OSError, configparser.Error) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    try:
        return CardinalSettings.model_validate(_sections(parser))
    except ValidationError as exc:
        problems = "; ".join(
            f"[{'.'.join(str(p) for p in e['loc'])}] {e['msg']}" for e in exc.errors()
        )
        raise SettingsError(f"{path}: {problems}") from exc
