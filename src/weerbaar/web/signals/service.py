"""Run the core signal rules for a municipality and store the result (run, hits, manifest).

The web app adds nothing to the rules: :func:`run_and_store` calls
:func:`weerbaar.signals.service.run_signals` and stores its ``RunResult`` as it is. A run is
identified by a fingerprint over its inputs' checksums, the rule versions, the parameters and
the pseudonymisation key, so storing the same run twice (the demo) is skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from weerbaar.signals.inputs import dataset_files, sha256_of
from weerbaar.signals.models import Rule
from weerbaar.signals.pseudonym import DEMO_KEY, MIN_KEY_BYTES, PseudonymKeyError
from weerbaar.signals.registry import RuleRegistry, builtin_registry
from weerbaar.signals.service import RunOptions, RunResult, find_ocds, key_fingerprint, run_signals
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.tenancy.models import Municipality

logger = logging.getLogger("weerbaar.signals")


@lru_cache(maxsize=1)
def registry() -> RuleRegistry:
    """The built-in rules, loaded once per process."""
    return builtin_registry()


def rule_or_none(rule_id: str) -> Rule | None:
    try:
        return registry().get(rule_id)
    except KeyError:
        return None


def configured_key(*, demo: bool = False) -> bytes:
    """The pseudonymisation key from ``WEERBAAR_PSEUDONYM_KEY``; the fixed demo key only in demo."""
    key = str(getattr(settings, "SIGNALS_PSEUDONYM_KEY", "")).strip().encode("utf-8")
    if not key:
        if demo:
            return DEMO_KEY
        raise PseudonymKeyError(
            "no pseudonymisation key: set WEERBAAR_PSEUDONYM_KEY (only the demo runs without one)"
        )
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(f"WEERBAAR_PSEUDONYM_KEY is too short (< {MIN_KEY_BYTES} bytes)")
    return key


def fingerprint(options: RunOptions, rules: RuleRegistry) -> str:
    """SHA-256 over the input files' checksums, the rules, the parameters and the key."""
    files, _problems = dataset_files(options.data_dir)
    ocds = options.ocds or find_ocds(options.data_dir)
    if ocds is not None and "ocds" not in options.skip:
        files = {**files, "ocds": ocds}
    record = {
        "inputs": {
            name: sha256_of(path)
            for name, path in sorted(files.items())
            if name not in options.skip
        },
        "rules": [
            [rule.id, rule.spec.version, rule.sql_sha256] for rule in rules.select(options.rule_ids)
        ],
        "parameters": options.params,
        "key": key_fingerprint(options.key),
    }
    text = json.dumps(record, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _moment(text: str | None) -> dt.datetime:
    if text:
        return dt.datetime.fromisoformat(text)
    return dt.datetime.now(dt.UTC)


def storable(value: Any) -> Any:
    """Plain JSON values without NUL characters (PostgreSQL refuses them in text and JSON).

    Exported data can hold anything; a NUL becomes U+FFFD so the value stays visible.
    """
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {storable(str(k)): storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [storable(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    if value is None or isinstance(value, bool | int | float):
        return value
    return storable(str(value))


def _hit(run: SignalRun, hit: Any) -> SignalHit:
    return SignalHit(
        run=run,
        rule_id=hit.rule_id,
        rule_version=hit.rule_version,
        severity=hit.severity,
        process=hit.process,
        entity_type=storable(hit.entity_type)[:32],
        entity_id=storable(hit.entity_id)[:200],
        record_ids=storable(hit.record_ids),
        value=storable(hit.value),
        parameters=storable(hit.parameters),
        fences=storable(hit.fences),
        details=storable(hit.details),
        explanation_nl=storable(hit.explanation_nl),
        explanation_en=storable(hit.explanation_en),
    )


@transaction.atomic
def store_result(
    municipality: Municipality,
    result: RunResult,
    *,
    run_fingerprint: str,
    source: str = "",
    user: Any = None,
    is_demo: bool = False,
) -> SignalRun:
    """Store a core ``RunResult``: the run with its manifest and counts, and every hit (open)."""
    manifest = storable(result.manifest)
    run = SignalRun.objects.create(
        municipality=municipality,
        started_at=_moment(manifest.get("started_at")),
        finished_at=_moment(manifest.get("finished_at")),
        fingerprint=run_fingerprint,
        source=source[:200],
        manifest=manifest,
        counts={o.rule.id: len(o.hits) for o in result.outcomes if o.status == "ok"},
        hit_count=len(result.hits),
        rule_count=len(result.outcomes),
        failed_rules=[o.rule.id for o in result.failed],
        is_demo=is_demo,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    SignalHit.objects.bulk_create([_hit(run, hit) for hit in result.hits], batch_size=500)
    return run


@dataclass(frozen=True)
class Stored:
    run: SignalRun
    created: bool


def run_and_store(
    municipality: Municipality,
    options: RunOptions,
    *,
    source: str = "",
    user: Any = None,
    rules: RuleRegistry | None = None,
    is_demo: bool = False,
) -> Stored:
    """Run the rules (unless an identical run is stored already) and store the result.

    Raises the core's ``InputError`` for bad input: nothing is stored then.
    """
    rules = rules or registry()
    run_fingerprint = fingerprint(options, rules)
    existing = SignalRun.objects.filter(
        municipality=municipality, fingerprint=run_fingerprint
    ).first()
    if existing is not None:
        return Stored(existing, False)
    result = run_signals(options, rules)
    run = store_result(
        municipality,
        result,
        run_fingerprint=run_fingerprint,
        source=source,
        user=user,
        is_demo=is_demo,
    )
    logger.info("signal_run_stored", extra={"run": run.pk, "hits": run.hit_count})
    return Stored(run, True)


def demo_data_dir() -> Path:
    return Path(settings.DATA_DIR) / "demo-signals"
