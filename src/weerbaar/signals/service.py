"""Run the signal rules on a municipality's data: check, load, pseudonymise, run, record."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import importlib
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import duckdb

from weerbaar.signals.engine import RuleExecutionError, effective_params, log_event, run_rule
from weerbaar.signals.inputs import CheckReport, InputError, InputProblem, load_inputs
from weerbaar.signals.models import Hit, ParamValue, Rule
from weerbaar.signals.registry import RuleRegistry
from weerbaar.signals.sql import sql_literal

Overrides = dict[str, dict[str, ParamValue]]
OCDS_FILES = ("ocds.jsonl", "ocds.jsonl.gz")


@dataclass
class RunOptions:
    data_dir: Path
    key: bytes
    rule_ids: list[str] | None = None
    params: Overrides = field(default_factory=dict)
    skip: set[str] = field(default_factory=set)
    ocds: Path | None = None
    demo: bool = False


@dataclass
class RuleOutcome:
    rule: Rule
    status: str  # ok | failed | skipped
    parameters: dict[str, ParamValue]
    hits: list[Hit] = field(default_factory=list)
    seconds: float = 0.0
    message: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "id": self.rule.id,
            "version": self.rule.spec.version,
            "sql_sha256": self.rule.sql_sha256,
            "status": self.status,
            "parameters": {k: _plain(v) for k, v in self.parameters.items()},
            "hits": len(self.hits),
            "seconds": round(self.seconds, 3),
            "message": self.message,
        }


@dataclass
class RunResult:
    hits: list[Hit]
    outcomes: list[RuleOutcome]
    manifest: dict[str, Any]

    @property
    def failed(self) -> list[RuleOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _plain(value: ParamValue) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def parse_value(text: str, default: ParamValue) -> ParamValue:
    """Parse a ``--param`` value into the type of the parameter's default."""
    text = text.strip()
    if isinstance(default, bool):
        if text.lower() in ("true", "1", "ja", "yes"):
            return True
        if text.lower() in ("false", "0", "nee", "no"):
            return False
        raise ValueError(f"{text!r} is not true/false")
    if isinstance(default, int):
        return int(text)
    if isinstance(default, float):
        return (
            float(text.replace(",", "."))
            if text.count(",") == 1 and "." not in text
            else float(text)
        )
    if isinstance(default, dt.date):
        return dt.date.fromisoformat(text)
    if isinstance(default, list):
        items = [item.strip() for item in text.split(",") if item.strip()]
        sample = default[0] if default else ""
        return [parse_value(item, sample) for item in items]  # type: ignore[return-value]
    return text


def parse_overrides(items: Iterable[str], registry: RuleRegistry) -> Overrides:
    """``RULE.NAME=VALUE`` items into per-rule overrides; unknown rules or names are errors."""
    overrides: Overrides = {}
    for item in items:
        target, sep, text = item.partition("=")
        rule_id, dot, name = target.strip().partition(".")
        if not sep or not dot:
            raise ValueError(f"--param {item!r}: use RULE.NAME=VALUE, e.g. FIN-007.margin=0.02")
        rule = registry.get(rule_id)
        if name not in rule.spec.parameters:
            known = ", ".join(rule.spec.parameters) or "none"
            raise ValueError(
                f"--param {item!r}: {rule_id} has no parameter {name!r} (has: {known})"
            )
        try:
            value = parse_value(text, rule.spec.parameters[name].default)
            sql_literal(value)
        except ValueError as exc:
            raise ValueError(f"--param {item!r}: {exc}") from exc
        overrides.setdefault(rule_id, {})[name] = value
    return overrides


def load_ocds_file(con: duckdb.DuckDBPyConnection, path: Path) -> dict[str, Any]:
    try:
        ocds = importlib.import_module("weerbaar.signals.ocds")
    except ImportError:
        log_event("ocds_unavailable", file=str(path))
        return {"file": str(path), "status": "skipped: OCDS support not installed"}
    try:
        loaded = ocds.load_ocds(con, path)
    except ValueError as exc:
        raise InputError([InputProblem(path.name, None, _without_path(str(exc), path))]) from exc
    from weerbaar.signals.inputs import sha256_of

    return {
        "file": str(path),
        "sha256": sha256_of(path),
        "releases": loaded.releases,
        "rows": loaded.rows,
    }


def _without_path(message: str, path: Path) -> str:
    """The loader's message without its leading path (the problem names the file already)."""
    for separator in (": ", ", "):
        prefix = f"{path}{separator}"
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB for a run; rows need no insertion order (hits are sorted)."""
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false").fetchall()
    return con


def require_input(data_dir: Path, report: CheckReport, ocds_file: Path | None) -> None:
    """A run without a single input file is a mistake (wrong directory), not an empty result."""
    if not report.datasets and ocds_file is None:
        expected = ", ".join(f"{name}.csv|.xlsx|.parquet" for name in report.missing)
        message = f"no input files found (expected {expected} or ocds.jsonl)"
        raise InputError([InputProblem(str(data_dir), None, message)])


def find_ocds(data_dir: Path) -> Path | None:
    """``ocds.jsonl`` or ``ocds.jsonl.gz`` in the data directory, used when --ocds is not given."""
    for name in OCDS_FILES:
        if (data_dir / name).is_file():
            return data_dir / name
    return None


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def _run_one(
    con: duckdb.DuckDBPyConnection, rule: Rule, overrides: dict[str, ParamValue], tables: set[str]
) -> RuleOutcome:
    params = effective_params(rule, overrides)
    missing = [name for name in rule.spec.datasets if name not in tables]
    if missing:
        log_event("rule_skipped", rule_id=rule.id, missing=",".join(missing))
        return RuleOutcome(rule, "skipped", params, message=f"no data for {', '.join(missing)}")
    started = time.perf_counter()
    try:
        hits = run_rule(con, rule, overrides)
    except RuleExecutionError as exc:
        return RuleOutcome(
            rule, "failed", params, seconds=time.perf_counter() - started, message=str(exc)
        )
    return RuleOutcome(rule, "ok", params, hits, time.perf_counter() - started)


def key_fingerprint(key: bytes) -> str:
    """Identifies the key (same key, same fingerprint) without revealing it."""
    return hmac.new(key, b"weerbaar-key-fingerprint", hashlib.sha256).hexdigest()[:12]


def _manifest(
    options: RunOptions,
    report: CheckReport,
    ocds: dict[str, Any] | None,
    outcomes: list[RuleOutcome],
) -> dict[str, Any]:
    return {
        "inputs": {
            name: {"file": str(item.path), "sha256": item.sha256, "rows": item.rows}
            for name, item in report.datasets.items()
        },
        "missing_datasets": report.missing,
        "skipped_datasets": sorted(options.skip),
        "ocds": ocds,
        "parameter_overrides": {
            r: {k: _plain(v) for k, v in p.items()} for r, p in options.params.items()
        },
        "pseudonymisation": {
            "method": "HMAC-SHA256",
            "key_fingerprint": key_fingerprint(options.key),
            "demo_key": options.demo,
        },
        "rules": [outcome.record() for outcome in outcomes],
        "counts_per_rule": {o.rule.id: len(o.hits) for o in outcomes if o.status == "ok"},
    }


def run_signals(
    options: RunOptions,
    registry: RuleRegistry,
    on_rule: Callable[[RuleOutcome], None] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> RunResult:
    """Check and load the inputs (raises :class:`InputError`), then run the selected rules."""
    rules = registry.select(options.rule_ids)
    run_id = uuid.uuid4().hex
    started = dt.datetime.now(dt.UTC)
    log_event("run_started", run_id=run_id, data=str(options.data_dir), rules=len(rules))
    con = con or connect()
    report = load_inputs(con, options.data_dir, options.skip, key=options.key)
    ocds_file = options.ocds or find_ocds(options.data_dir)
    if ocds_file is not None and "ocds" in options.skip:
        ocds_file = None
    require_input(options.data_dir, report, ocds_file)
    ocds = load_ocds_file(con, ocds_file) if ocds_file else None
    log_event("inputs_loaded", datasets=",".join(report.datasets), persons=report.persons)
    tables = _tables(con)
    outcomes = []
    for rule in rules:
        outcome = _run_one(con, rule, options.params.get(rule.id, {}), tables)
        outcomes.append(outcome)
        if on_rule is not None:
            on_rule(outcome)
    hits = [hit for outcome in outcomes for hit in outcome.hits]
    manifest = {
        "run_id": run_id,
        "started_at": started.isoformat(),
        "finished_at": dt.datetime.now(dt.UTC).isoformat(),
        "data_dir": str(options.data_dir),
        "software": {"weerbaar": _version("weerbaar"), "duckdb": duckdb.__version__},
        **_manifest(options, report, ocds, outcomes),
    }
    log_event(
        "run_finished",
        run_id=run_id,
        hits=len(hits),
        failed=sum(o.status == "failed" for o in outcomes),
    )
    return RunResult(hits, outcomes, manifest)
