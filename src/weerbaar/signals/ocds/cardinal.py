"""Run the INK rules that reproduce Cardinal's indicators, and shape hits as Cardinal's output.

Cardinal (``ocdscardinal indicators``) prints ``{"OCID": {ocid: {code: value}}, "Buyer": ...,
"ProcuringEntity": ..., "Tenderer": ..., "Meta": {code: {q1, q3, lower_fence|upper_fence}},
"Maps": {...}}``; a group or code appears only when something is flagged, Meta values are
rounded to 4 decimals. :func:`to_cardinal` builds that object from our hits so the two can be
compared key by key.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from weerbaar.signals.engine import run_rule
from weerbaar.signals.models import Hit
from weerbaar.signals.ocds.io import load_ocds
from weerbaar.signals.ocds.settings import RULE_IDS, CardinalSettings, load_settings
from weerbaar.signals.registry import RuleRegistry, builtin_registry
from weerbaar.signals.sql import render_sql

CODES: dict[str, str] = {rule_id: code for code, rule_id in RULE_IDS.items()}
GROUPS = {
    "ocid": "OCID",
    "buyer": "Buyer",
    "procuring_entity": "ProcuringEntity",
    "tenderer": "Tenderer",
}
# Value Cardinal gives a tenderer named by an OCID-level indicator (R024/R035/R058: 0.0).
TENDERER_VALUES = {"R024": 0.0, "R028": 1.0, "R030": 1.0, "R035": 0.0, "R058": 0.0}
_META_PREFIX = {"R038": True}


def run_indicators(
    con: duckdb.DuckDBPyConnection,
    settings: CardinalSettings,
    registry: RuleRegistry | None = None,
) -> list[Hit]:
    """Run the rule of every indicator enabled in ``settings`` on the loaded ``ocds_*`` tables."""
    registry = registry or builtin_registry()
    hits: list[Hit] = []
    for rule_id, params in settings.rule_parameters().items():
        hits.extend(run_rule(con, registry.get(rule_id), params))
    return hits


def run_file(
    path: str | Path,
    settings: CardinalSettings | str | Path,
    registry: RuleRegistry | None = None,
) -> dict[str, Any]:
    """Load ``path`` and return Cardinal's output object for it (with Meta and Maps).

    ``settings`` is a :class:`CardinalSettings` or the path of a Cardinal INI file.
    """
    if not isinstance(settings, CardinalSettings):
        settings = load_settings(settings)
    con = duckdb.connect()
    try:
        load_ocds(con, path, settings)
        registry = registry or builtin_registry()
        result = to_cardinal(run_indicators(con, settings, registry), meta=True, maps=True)
        result["Maps"].update(organisation_maps(con, settings))
        meta = fence_meta(con, settings, registry)
        if meta:
            result["Meta"] = meta
        return result
    finally:
        con.close()


FENCE_CODES = ("R024", "R025", "R038", "R048", "R058")
# The fence columns each rule reports, in Cardinal's Meta order.
_FENCES = {
    "R024": ("q1", "q3", "lower_fence"),
    "R025": ("q1", "q3", "upper_fence", "lower_fence"),
    "R038": ("q1", "q3", "upper_fence"),
    "R048": ("q1", "q3", "upper_fence"),
    "R058": ("q1", "q3", "upper_fence"),
}


def fence_meta(
    con: duckdb.DuckDBPyConnection, settings: CardinalSettings, registry: RuleRegistry
) -> dict[str, dict[str, float | None]]:
    """Cardinal's ``Meta`` for every enabled fence indicator, also when nothing is flagged.

    Runs each rule with ``all_rows`` (every scored entity, whatever its value) and reads the
    fences of one row per group; an indicator without any scored entity gets nulls, as
    Cardinal prints NaN quartiles (R038 then has no entry for that group, as in Cardinal).
    """
    meta: dict[str, dict[str, float | None]] = {}
    parameters = settings.rule_parameters()
    for code in FENCE_CODES:
        rule_id = RULE_IDS[code]
        if rule_id not in parameters:
            continue
        rule = registry.get(rule_id)
        params = {**rule.defaults(), **parameters[rule_id], "all_rows": True}
        sql = render_sql(rule.sql, params)
        group = "entity_type" if code == "R038" else "NULL"
        names = _FENCES[code]
        query = f"SELECT DISTINCT {group}, {', '.join(names)} FROM ({sql}) AS scored"
        rows = con.execute(query).fetchall()
        if not rows and code != "R038":
            meta[code] = dict.fromkeys(names)
        for kind, *values in rows:
            prefix = f"{GROUPS[kind]}_" if code == "R038" else ""
            entry = meta.setdefault(code, {})
            for name, value in zip(names, values, strict=True):
                if value is not None:
                    entry[prefix + name] = round(float(value), 4)
    return meta


def organisation_maps(
    con: duckdb.DuckDBPyConnection, settings: CardinalSettings
) -> dict[str, dict[str, Any]]:
    """Cardinal's ``--map`` entries that are not results: ``ocid_buyer_r038`` and
    ``ocid_procuringentity_r038`` (processes with a disqualified bid, when R038 runs) and
    ``ocid_tenderer`` (tenderers with submitted bids, when R025, R038 or R048 runs)."""
    maps: dict[str, dict[str, Any]] = {}
    submitted = "b.status IN ('pending', 'valid', 'disqualified')"
    if settings.R038 is not None:
        for key, column in (
            ("ocid_buyer_r038", "buyer_id"),
            ("ocid_procuringentity_r038", "procuring_entity_id"),
        ):
            rows = con.execute(
                f"SELECT DISTINCT p.ocid, p.{column} FROM ocds_processes AS p "
                "JOIN ocds_bids AS b ON b.process_id = p.process_id "
                f"WHERE b.status = 'disqualified' AND p.{column} IS NOT NULL"
            ).fetchall()
            maps[key] = dict(rows)
    if settings.R025 is not None or settings.R038 is not None or settings.R048 is not None:
        rows = con.execute(
            "SELECT p.ocid, list(DISTINCT b.tenderer_id ORDER BY b.tenderer_id) "
            "FROM ocds_bids AS b JOIN ocds_processes AS p ON p.process_id = b.process_id "
            f"WHERE {submitted} AND b.tenderer_id IS NOT NULL GROUP BY p.ocid"
        ).fetchall()
        maps["ocid_tenderer"] = dict(rows)
    return maps


def _meta_entry(meta: dict[str, dict[str, float | None]], code: str, hit: Hit) -> None:
    prefix = f"{GROUPS[hit.entity_type]}_" if code in _META_PREFIX else ""
    entry = meta.setdefault(code, {})
    for name, value in hit.fences.items():
        if value is not None or name in ("q1", "q3"):
            entry[prefix + name] = None if value is None else round(value, 4)


def to_cardinal(hits: Iterable[Hit], *, meta: bool = True, maps: bool = False) -> dict[str, Any]:
    """Cardinal's output object for hits of the INK rules that mirror its indicators.

    Hits of other rules are ignored. Meta is only known for indicators with at least one hit
    (fences travel with hits); Maps holds ``ocid_tenderer_rNNN`` for flagged processes
    (:func:`organisation_maps` adds Cardinal's other map entries, which are not results).
    """
    result: dict[str, Any] = {}
    meta_part: dict[str, dict[str, float | None]] = {}
    maps_part: dict[str, dict[str, list[str]]] = {}
    for hit in hits:
        code = CODES.get(hit.rule_id)
        if code is None:
            continue
        group = result.setdefault(GROUPS[hit.entity_type], {})
        group.setdefault(hit.entity_id, {})[code] = hit.value
        tenderers = hit.details.get("tenderer_ids") or []
        for tenderer in tenderers:
            value = TENDERER_VALUES[code]
            result.setdefault("Tenderer", {}).setdefault(tenderer, {})[code] = value
        if tenderers:
            key = f"ocid_tenderer_{code.lower()}"
            maps_part.setdefault(key, {})[hit.entity_id] = sorted(tenderers)
        if hit.fences:
            _meta_entry(meta_part, code, hit)
    if meta and meta_part:
        result["Meta"] = meta_part
    if maps:
        result["Maps"] = maps_part
    return result
