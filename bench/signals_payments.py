"""Benchmark: the whole financien rule set (FIN-001..FIN-015) on 10 million payments.

Data: the synthetic Gemeente Voorbeeld generator (Parquet), e.g. 10M payments, 400k creditors::

    .venv/bin/python -m bench.signals_payments --rows 10000000 --rule-limit 300 --rule-memory-gb 12

Each step runs in its own process so its peak RSS is its own:

* ``generate``: ``weerbaar.signals.synthetic.generate`` (vectorised NumPy + DuckDB, Parquet);
* ``duckdb``: the product path — ``load_inputs`` (schema checks, typed load, HMAC pseudonyms)
  and ``run_rule`` for every FIN rule (explained hits);
* ``pandas``: a straightforward pandas version of the same 15 rules (below) on the same files,
  same size. Each pandas rule runs in a forked child of the loaded process and is stopped after
  ``--rule-limit`` seconds or when its RSS passes ``--rule-memory-gb`` (the machine is shared); a
  stopped rule counts with the time it had run (a lower bound, so the ratio is a lower bound).

The flagged entity sets of the two are compared rule by rule. Figures go to
``bench/results/signals-payments.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import hmac
import json
import multiprocessing
import os
import platform
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

Frames = dict[str, pd.DataFrame]
RESULTS = Path(__file__).parent / "results" / "signals-payments.md"
KEY = b"benchmark-key-0123456789"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    """CPU seconds of this process, all threads (DuckDB's workers included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Clock:
    """Wall and CPU seconds since the last ``lap``."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), _cpu()

    def lap(self) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), _cpu()
        result = (wall - self.wall, cpu - self.cpu)
        self.wall, self.cpu = wall, cpu
        return result


# --- pandas baseline -------------------------------------------------------------------------
def _iban_changes(f: Frames) -> pd.DataFrame:
    changes = f["creditor_changes"]
    return changes[changes["field"].str.lower() == "iban"]


def fin_001(f: Frames) -> set[str]:
    p = f["payments"]
    keys = ["creditor_id", "amount_eur", "invoice_number"]
    size = p.groupby(keys)["payment_id"].transform("size")
    dup = p[size > 1].sort_values("payment_date")
    return set(dup.groupby(keys).tail(1)["payment_id"])


def fin_002(f: Frames) -> set[str]:
    p = f["payments"]
    keys = ["invoice_number", "invoice_date", "amount_eur"]
    creditors = p.groupby(keys)["creditor_id"].transform("nunique")
    return set(p.loc[creditors > 1, "invoice_number"])


def fin_003(f: Frames, days: int = 30) -> set[str]:
    p, c = f["payments"], _iban_changes(f)
    m = p.merge(c, left_on=["creditor_id", "iban"], right_on=["creditor_id", "new_value"])
    changed = m["changed_at"].dt.normalize()
    ok = (changed <= m["payment_date"]) & (changed >= m["payment_date"] - pd.Timedelta(days=days))
    return set(m.loc[ok, "payment_id"])


def fin_004(f: Frames, days: int = 90) -> set[str]:
    c = _iban_changes(f)
    pairs = c.merge(c, on="creditor_id", suffixes=("_a", "_b"))
    pairs = pairs[
        (pairs["old_value_b"] == pairs["new_value_a"])
        & (pairs["new_value_b"] == pairs["old_value_a"])
        & (pairs["changed_at_b"] > pairs["changed_at_a"])
        & (pairs["changed_at_b"] <= pairs["changed_at_a"] + pd.Timedelta(days=days))
    ]
    m = f["payments"].merge(
        pairs, left_on=["creditor_id", "iban"], right_on=["creditor_id", "new_value_a"]
    )
    ok = (m["payment_date"] >= m["changed_at_a"].dt.normalize()) & (
        m["payment_date"] <= m["changed_at_b"].dt.normalize()
    )
    return set(m.loc[ok, "creditor_id"])


def fin_005(f: Frames) -> set[str]:
    c = _iban_changes(f)
    known = pd.concat(
        [
            f["creditors"][["creditor_id", "iban"]],
            c[["creditor_id", "old_value"]].rename(columns={"old_value": "iban"}),
            c[["creditor_id", "new_value"]].rename(columns={"new_value": "iban"}),
        ]
    ).drop_duplicates()
    p = f["payments"][f["payments"]["creditor_id"].isin(f["creditors"]["creditor_id"])]
    m = p.merge(known, on=["creditor_id", "iban"], how="left", indicator=True)
    return set(m.loc[(m["_merge"] == "left_only") & m["iban"].notna(), "payment_id"])


def fin_006(f: Frames) -> set[str]:
    p = f["payments"]
    return set(p.loc[p["entered_by"] == p["approved_by"], "payment_id"])


def fin_007(f: Frames, thresholds=(10000, 50000), margin=0.05, minimum=3, share=0.25) -> set[str]:
    p = f["payments"]
    per_creditor = p.groupby("creditor_id").size()
    flagged: set[str] = set()
    for limit in thresholds:
        band = p[(p["amount_eur"] < limit) & (p["amount_eur"] >= limit * (1 - margin))]
        counts = band.groupby("creditor_id")["payment_id"].transform("size")
        total = band["creditor_id"].map(per_creditor)
        flagged |= set(band.loc[(counts >= minimum) & (counts >= share * total), "payment_id"])
    return flagged


def fin_008(f: Frames, limit=10000, days=14, minimum=3, burst=10, share=0.25) -> set[str]:
    p = f["payments"]
    span = (p["payment_date"].max() - p["payment_date"].min()).days + 1
    c = p[(p["amount_eur"] < limit) & (p["amount_eur"] >= limit * share)]
    c = c.sort_values(["creditor_id", "cost_centre", "approved_by", "payment_date"])
    rolled = (
        c.set_index("payment_date")
        .groupby(["creditor_id", "cost_centre", "approved_by"])["amount_eur"]
        .rolling(f"{days + 1}D")
        .agg(["sum", "count"])
        .reset_index()
    )
    rhythm = c.groupby(["creditor_id", "cost_centre"]).size().rename("band").reset_index()
    rolled = rolled.merge(rhythm, on=["creditor_id", "cost_centre"])
    ok = (
        (rolled["count"] >= minimum)
        & (rolled["sum"] >= limit)
        & (rolled["count"] >= burst * rolled["band"] * (days + 1) / span)
    )
    return set(rolled.loc[ok, "creditor_id"])


def fin_009(f: Frames, days=90, minimum=25000) -> set[str]:
    p, creditors = f["payments"], f["creditors"]
    first = p.groupby("creditor_id")["payment_date"].min().rename("first_date").reset_index()
    m = creditors.merge(first, on="creditor_id")
    m = m[
        (m["first_date"] >= m["created_date"])
        & (m["first_date"] <= m["created_date"] + pd.Timedelta(days=days))
    ]
    firsts = p.merge(
        m, left_on=["creditor_id", "payment_date"], right_on=["creditor_id", "first_date"]
    )
    largest = firsts.groupby("creditor_id")["amount_eur"].max()
    return set(largest[largest >= minimum].index)


def fin_010(f: Frames) -> set[str]:
    c = f["creditors"]
    shared = c.groupby("iban")["creditor_id"].transform("size") > 1
    return set(c.loc[shared, "creditor_id"])


def fin_011(f: Frames, minimum: int = 2) -> set[str]:
    c = f["creditors"].dropna(subset=["postcode", "house_number"]).copy()
    c["key"] = c["postcode"].str.replace(" ", "").str.upper() + "|" + c["house_number"].str.strip()
    c["who"] = c["kvk_number"].fillna(c["creditor_id"])
    companies = c.groupby("key")["who"].transform("nunique")
    sizes = c.groupby("key")["creditor_id"].transform("size")
    return set(c.loc[(companies >= minimum) & (sizes > 1), "creditor_id"])


def fin_012(f: Frames, minimum=2500, bound=0.0022) -> set[str]:
    p = f["payments"]
    p = p[(p["amount_eur"] >= 10) & p["cost_centre"].notna()]
    digits = np.round(p["amount_eur"] * 100).astype(np.int64).astype(str).str[:2].astype(int)
    counts = pd.crosstab(p["cost_centre"], digits).reindex(columns=range(10, 100), fill_value=0)
    totals = counts.sum(axis=1)
    counts = counts[totals >= minimum]
    expected = np.log10(1 + 1 / np.arange(10, 100))
    mad = (counts.div(counts.sum(axis=1), axis=0) - expected).abs().mean(axis=1)
    return set(mad[mad > bound].index)


def fin_013(f: Frames, factor=10, minimum=5, amount=5000) -> set[str]:
    p = f["payments"][f["payments"]["amount_eur"] > 0]
    n = p.groupby("creditor_id").size()
    top = p.sort_values("amount_eur", ascending=False).groupby("creditor_id").head(2)
    top = top.assign(rank=top.groupby("creditor_id").cumcount())
    wide = top.pivot_table(index="creditor_id", columns="rank", values="amount_eur")
    wide = wide.join(n.rename("n"))
    ok = (wide["n"] >= minimum) & (wide[0] >= amount) & (wide[0] >= factor * wide[1])
    return set(wide[ok].index)


def fin_014(f: Frames, unit=1000, minimum=3, share=0.5) -> set[str]:
    p = f["payments"]
    cents = np.round(p["amount_eur"] * 100).astype(np.int64)
    is_round = (p["amount_eur"] >= unit) & (cents % (unit * 100) == 0)
    stats = is_round.groupby(p["creditor_id"]).agg(["sum", "size"])
    ok = (stats["sum"] >= minimum) & (stats["sum"] >= share * stats["size"])
    return set(stats[ok].index)


def fin_015(f: Frames) -> set[str]:
    m = f["payments"].merge(f["creditors"], on="creditor_id", suffixes=("", "_creditor"))
    return set(m.loc[m["approved_by"] == m["created_by"], "creditor_id"])


RULES: dict[str, Callable[[Frames], set[str]]] = {
    f"FIN-{n:03d}": function
    for n, function in enumerate(
        (
            fin_001,
            fin_002,
            fin_003,
            fin_004,
            fin_005,
            fin_006,
            fin_007,
            fin_008,
            fin_009,
            fin_010,
            fin_011,
            fin_012,
            fin_013,
            fin_014,
            fin_015,
        ),
        start=1,
    )
}


# --- steps (each in its own process) ---------------------------------------------------------


def data_dir(base: Path, rows: int) -> Path:
    return base / f"signals-payments-{rows}"


def step_generate(rows: int, base: Path) -> dict[str, Any]:
    from weerbaar.signals.synthetic import generate

    out = data_dir(base, rows)
    started = time.perf_counter()
    generated = generate(str(rows), 1, out, "parquet", ocds=False)
    stats = {
        "seconds": time.perf_counter() - started,
        "rows": generated.rows,
        "peak_mb": _peak_mb(),
    }
    (out / "bench-generate.json").write_text(json.dumps(stats), encoding="utf-8")
    return stats


def step_duckdb(rows: int, base: Path, want_sets: bool) -> dict[str, Any]:
    from weerbaar.signals.engine import run_rule
    from weerbaar.signals.inputs import load_inputs
    from weerbaar.signals.registry import builtin_registry
    from weerbaar.signals.service import connect

    rules = builtin_registry().select(["FIN"])
    con = connect()
    total, lap = Clock(), Clock()
    load_inputs(con, data_dir(base, rows), key=KEY)
    load_s, load_cpu = total.lap()
    seconds, cpu, hits, sets = {}, {}, {}, {}
    for rule in rules:
        lap.lap()
        found = run_rule(con, rule)
        seconds[rule.id], cpu[rule.id] = lap.lap()
        hits[rule.id] = len(found)
        if want_sets:
            sets[rule.id] = sorted({hit.entity_id for hit in found})
    rules_s, rules_cpu = total.lap()
    return {
        "load_s": load_s,
        "load_cpu": load_cpu,
        "rules_s": rules_s,
        "rules_cpu": rules_cpu,
        "per_rule_cpu": cpu,
        "per_rule_s": seconds,
        "hits": hits,
        "sets": sets,
        "peak_mb": _peak_mb(),
    }


def _read(path: Path) -> pd.DataFrame:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    fields = [
        pa.field(f.name, pa.float64()) if pa.types.is_decimal(f.type) else f for f in table.schema
    ]
    frame = table.cast(pa.schema(fields)).to_pandas()
    for column in frame.columns:
        if column.endswith(("_date", "_at")):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def _alias(value: str) -> str:
    return "p-" + hmac.new(KEY, value.encode(), hashlib.sha256).hexdigest()[:16]


def _rule_child(function: Callable[[Frames], set[str]], frames: Frames, pipe: Any) -> None:
    started, cpu = time.perf_counter(), _cpu()
    found = sorted(str(v) for v in function(frames))
    pipe.send((found, time.perf_counter() - started, _cpu() - cpu))
    pipe.close()


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _limited(
    function: Callable[[Frames], set[str]], frames: Frames, limit: float, memory_mb: float
) -> tuple[list[str] | None, float, float | None, str]:
    """Run one pandas rule in a forked child; (ids or None when stopped, wall, CPU, why)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_rule_child, args=(function, frames, sender))
    started = time.perf_counter()
    child.start()
    sender.close()
    why = ""
    while not receiver.poll(0.5):
        if time.perf_counter() - started > limit:
            why = f"> {limit:.0f} s"
        elif child.pid is not None and _rss_mb(child.pid) > memory_mb:
            why = f"> {memory_mb / 1024:.0f} GB RSS"
        if why:
            child.kill()
            child.join()
            return None, time.perf_counter() - started, None, why
    found, wall, cpu = receiver.recv()
    child.join()
    return found, wall, cpu, ""


def step_pandas(rows: int, base: Path, limit: float, memory_mb: float) -> dict[str, Any]:
    directory = data_dir(base, rows)
    total = Clock()
    frames = {
        name: _read(directory / f"{name}.parquet")
        for name in ("payments", "creditors", "creditor_changes")
    }
    for name, columns in (
        ("payments", ("entered_by", "approved_by")),
        ("creditors", ("created_by",)),
        ("creditor_changes", ("changed_by",)),
    ):
        for column in columns:
            values = frames[name][column]
            frames[name][column] = values.map({v: _alias(v) for v in values.dropna().unique()})
    load_s, load_cpu = total.lap()
    seconds, cpu, sets, stopped, why = {}, {}, {}, [], {}
    for rule_id, function in RULES.items():
        found, seconds[rule_id], cpu[rule_id], reason = _limited(function, frames, limit, memory_mb)
        if found is None:
            stopped.append(rule_id)
            why[rule_id] = reason
        else:
            sets[rule_id] = found
        print(f"  pandas {rule_id}: {seconds[rule_id]:.1f} s", flush=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "load_s": load_s,
        "load_cpu": load_cpu,
        "rules_s": sum(seconds.values()),
        "rules_cpu": sum(v for v in cpu.values() if v is not None),
        "per_rule_cpu": cpu,
        "per_rule_s": seconds,
        "hits": {k: len(v) for k, v in sets.items()},
        "sets": sets,
        "stopped": stopped,
        "why": why,
        "peak_mb": max(_peak_mb(), children.ru_maxrss / 1024),
    }


def _isolated_child(
    pipe: Any, function: Callable[..., dict[str, Any]], args: tuple[Any, ...]
) -> None:
    pipe.send(function(*args))
    pipe.close()


def _isolated(function: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Run a step in a fresh (spawned, non-daemonic) process, so its peak RSS is its own."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_isolated_child, args=(sender, function, args))
    process.start()
    sender.close()
    try:
        result: dict[str, Any] = receiver.recv()
    except EOFError as exc:
        raise RuntimeError(f"{function.__name__} failed (exit code {process.exitcode})") from exc
    finally:
        process.join()
    return result


# --- report ----------------------------------------------------------------------------------


def _rule_row(rule_id: str, duck: dict[str, Any], pand: dict[str, Any] | None) -> str:
    row = [
        rule_id,
        f"{duck['per_rule_s'][rule_id]:.2f}",
        f"{duck['per_rule_cpu'][rule_id]:.2f}",
        str(duck["hits"][rule_id]),
    ]
    if pand is None:
        return "| " + " | ".join([*row, "–", "–", "–", "–"]) + " |"
    stopped = rule_id in pand["stopped"]
    wall, cpu = pand["per_rule_s"][rule_id], pand["per_rule_cpu"][rule_id]
    shown = f"{wall:.2f}" if not stopped else f"{wall:.0f} (stopped: {pand['why'][rule_id]})"
    ratio = wall / max(duck["per_rule_s"][rule_id], 1e-3)
    same = (
        "not run to the end"
        if stopped
        else ("yes" if sorted(duck["sets"][rule_id]) == pand["sets"][rule_id] else "NO")
    )
    row += [
        shown,
        "–" if cpu is None else f"{cpu:.2f}",
        ("≥ " if stopped else "") + f"{ratio:.1f}×",
        same,
    ]
    return "| " + " | ".join(row) + " |"


def _step(name: str, result: dict[str, Any], part: str, peak: bool = False) -> str:
    memory = f"{result['peak_mb']:.0f}" if peak else ""
    return f"| {name} | {result[part + '_s']:.1f} | {result[part + '_cpu']:.1f} | {memory} |"


def _summary(args: argparse.Namespace, duck: dict[str, Any], pand: dict[str, Any]) -> list[str]:
    bound = "≥ " if pand["stopped"] else ""
    rules_ratio = pand["rules_s"] / duck["rules_s"]
    total_ratio = (pand["load_s"] + pand["rules_s"]) / (duck["load_s"] + duck["rules_s"])
    stopped = ", ".join(f"{r} ({pand['why'][r]})" for r in pand["stopped"]) or "none"
    return [
        f"Ratio, rules only, same {args.rows:,} payments: pandas {bound}{pand['rules_s']:.1f} s "
        f"vs DuckDB {duck['rules_s']:.1f} s wall = **{bound}{rules_ratio:.1f}×**; load included: "
        f"**{bound}{total_ratio:.1f}×**. pandas rules stopped (limits: {args.rule_limit:.0f} s "
        f"and {args.rule_memory_gb:.0f} GB RSS per rule): {stopped}; a stopped rule counts with "
        "the time it had run, so the ratio is a lower bound.",
    ]


def write_report(
    args: argparse.Namespace,
    gen: dict[str, Any],
    duck: dict[str, Any],
    pand: dict[str, Any] | None,
    load_average: str,
) -> None:
    rows = args.rows
    lines = [
        "# Benchmark: financien signal rules on payments",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} UTC on this machine "
        f"({platform.machine()}, {multiprocessing.cpu_count()} cores, Python "
        f"{platform.python_version()}). Load average at the start: {load_average} (1 / 5 / 15 "
        "min; the machine is shared with other engineers, so a load above 2 inflates wall times; "
        "CPU seconds count all threads of the process).",
        "",
        "Command:",
        "",
        "```",
        f".venv/bin/python -m bench.signals_payments --rows {rows} "
        f"--rule-limit {args.rule_limit:.0f} --rule-memory-gb {args.rule_memory_gb:.0f}",
        "```",
        "",
        f"Data: synthetic Gemeente Voorbeeld, {gen['rows']['payments']:,} payments, "
        f"{gen['rows']['creditors']:,} creditors, {gen['rows']['creditor_changes']:,} creditor "
        f"changes (Parquet, `weerbaar signals generate --size {rows} --format parquet`), "
        f"generated in {gen['seconds']:.0f} s wall (peak {gen['peak_mb']:.0f} MB).",
        "",
        "| step | wall s | CPU s | peak RSS MB |",
        "|---|---|---|---|",
        _step(f"DuckDB: check + load + pseudonymise {rows:,} payments", duck, "load"),
        _step("DuckDB: all 15 FIN rules, explained hits", duck, "rules", peak=True),
    ]
    if pand:
        lines += [
            _step(f"pandas: read + pseudonymise {rows:,} payments", pand, "load"),
            _step(
                "pandas: the same 15 rules (stopped ones: time until stopped)",
                pand,
                "rules",
                peak=True,
            ),
            "",
            *_summary(args, duck, pand),
        ]
    lines += [
        "",
        "| rule | DuckDB wall s | DuckDB CPU s | hits | pandas wall s | pandas CPU s "
        "| ratio (wall) | same entities |",
        "|---|---|---|---|---|---|---|---|",
        *[_rule_row(rule_id, duck, pand) for rule_id in RULES],
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _generated(args: argparse.Namespace) -> dict[str, Any]:
    directory = data_dir(args.data, args.rows)
    if not (directory / "generation.json").exists():
        gen = _isolated(step_generate, args.rows, args.data)
        print(f"generated {args.rows:,}: {gen['seconds']:.1f} s", flush=True)
        return gen
    stats = directory / "bench-generate.json"
    meta = json.loads((directory / "generation.json").read_text())
    if stats.exists():
        return dict(json.loads(stats.read_text()))
    return {"seconds": float("nan"), "rows": meta["rows"], "peak_mb": float("nan")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rule-limit", type=float, default=300.0, help="seconds per pandas rule")
    parser.add_argument(
        "--rule-memory-gb", type=float, default=12.0, help="RSS limit per pandas rule (GB)"
    )
    parser.add_argument("--data", type=Path, default=Path("bench-data"))
    parser.add_argument("--skip-pandas", action="store_true")
    args = parser.parse_args()
    gen = _generated(args)
    load_average = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    duck = _isolated(step_duckdb, args.rows, args.data, True)
    print(
        f"duckdb {args.rows:,}: load {duck['load_s']:.1f} s, rules {duck['rules_s']:.1f} s, "
        f"peak {duck['peak_mb']:.0f} MB",
        flush=True,
    )
    pand = None
    if not args.skip_pandas:
        memory_mb = args.rule_memory_gb * 1024
        pand = _isolated(step_pandas, args.rows, args.data, args.rule_limit, memory_mb)
        print(f"pandas {args.rows:,}: rules {pand['rules_s']:.1f} s", flush=True)
    write_report(args, gen, duck, pand, load_average)
    print(f"-> {RESULTS}")


if __name__ == "__main__":
    main()
