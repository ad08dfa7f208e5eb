"""Benchmark: the OCDS (inkoop) rules on 200,000 compiled releases, against a pandas version.

Data: Cardinal's synthetic generator from the shared peer material (seed 42), 200,000 releases
(~270 MB), the same size Cardinal was timed on (3.3 s wall for its 11 indicators, 2 cores)::

    python ../shared/cardinal-peer/synthetic/generate_ocds.py 200000 bench-data/ocds200k.jsonl
    python -m bench.signals_ocds [--data bench-data/ocds200k.jsonl] [--skip-pandas]
        [--limit 300]

Each implementation runs in its own process (so peak RSS is its own): weerbaar = load_ocds + the
SQL of the 11 rules that mirror Cardinal's indicators with Cardinal's settings (results fetched
as Arrow tables), then the three other OCDS rules (INK-003, INK-010, INK-011) separately, then a
straightforward pandas version of the 11 indicators (json.loads per line, DataFrames, groupby).
The "weerbaar full run" row is what ``weerbaar signals run --ocds FILE --rules INK`` does, in its
own process: ``run_signals`` (load + every INK rule with its defaults + explained hits) and
``write_run`` (hits.parquet, hits.csv, hits.json, run.json into a temporary directory).
Flag counts per indicator are printed for both, so the two can be checked against each other.
The pandas version is stopped after ``--limit`` seconds (then reported as "> limit" and the ratio
as a lower bound). Figures, load average and command go to ``bench/results/signals-ocds.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from weerbaar.signals.ocds.settings import RULE_IDS

DATA = Path("bench-data/ocds200k.jsonl")
RESULTS = Path(__file__).parent / "results" / "signals-ocds.md"
SETTINGS_INI = "currency = EUR\n" + "".join(f"[{code}]\n" for code in sorted(RULE_IDS))
OTHER_RULES = ("INK-003", "INK-010", "INK-011")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_weerbaar(path: str, settings_path: str) -> dict[str, Any]:
    import duckdb

    from weerbaar.signals.ocds.io import load_ocds
    from weerbaar.signals.ocds.settings import load_settings
    from weerbaar.signals.registry import builtin_registry
    from weerbaar.signals.sql import render_sql

    registry = builtin_registry()
    settings = load_settings(settings_path)
    codes = {rule_id: code for code, rule_id in RULE_IDS.items()}
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    wall, cpu = time.perf_counter(), _cpu()
    load = load_ocds(con, path, settings)
    load_s, load_cpu = time.perf_counter() - wall, _cpu() - cpu
    counts: dict[str, int] = {}
    for rule_id, overrides in settings.rule_parameters().items():
        rule = registry.get(rule_id)
        table = con.sql(render_sql(rule.sql, {**rule.defaults(), **overrides})).to_arrow_table()
        counts[codes[rule_id]] = table.num_rows
    result = {
        "releases": load.releases,
        "load_s": load_s,
        "load_cpu": load_cpu,
        "wall_s": time.perf_counter() - wall,
        "cpu_s": _cpu() - cpu,
        "counts": counts,
    }
    other = time.perf_counter()
    for rule_id in OTHER_RULES:
        rule = registry.get(rule_id)
        counts[rule_id] = con.sql(render_sql(rule.sql, rule.defaults())).to_arrow_table().num_rows
    result["other_rules_s"] = time.perf_counter() - other
    result["peak_rss_mb"] = _peak_mb()
    return result


def run_full(path: str, settings_path: str) -> dict[str, Any]:
    """``weerbaar signals run --ocds path --rules INK --demo`` without the CLI around it."""
    import tempfile

    from weerbaar.signals.io import write_run
    from weerbaar.signals.pseudonym import DEMO_KEY
    from weerbaar.signals.registry import builtin_registry
    from weerbaar.signals.service import RunOptions, run_signals

    registry = builtin_registry()
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as out:
        options = RunOptions(
            data_dir=Path(data), key=DEMO_KEY, rule_ids=["INK"], ocds=Path(path), demo=True
        )
        wall, cpu = time.perf_counter(), _cpu()
        result = run_signals(options, registry)
        write_run(Path(out), result.hits, result.manifest)
        return {
            "wall_s": time.perf_counter() - wall,
            "cpu_s": _cpu() - cpu,
            "hits": len(result.hits),
            "rules": sum(outcome.status == "ok" for outcome in result.outcomes),
            "peak_rss_mb": _peak_mb(),
        }


def run_pandas(path: str, settings_path: str) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), _cpu()
    counts = pandas_indicators(path)
    return {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": _cpu() - cpu,
        "counts": counts,
        "peak_rss_mb": _peak_mb(),
    }


# --- The straightforward pandas version (same definitions, currency EUR) -------------------------


def _flatten(path: str) -> tuple[Any, Any, Any, Any]:
    import pandas as pd

    procs, bids, awards, items = [], [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            ocid, tender = r.get("ocid"), r.get("tender") or {}
            if not isinstance(ocid, str) or tender.get("status") == "cancelled":
                continue
            period, nt = tender.get("tenderPeriod") or {}, tender.get("numberOfTenderers")
            procs.append(
                (
                    ocid,
                    (r.get("buyer") or {}).get("id"),
                    (tender.get("procuringEntity") or {}).get("id"),
                    tender.get("procurementMethod"),
                    nt if isinstance(nt, int) and not isinstance(nt, bool) else None,
                    period.get("startDate"),
                    period.get("endDate"),
                    "awards" in r,
                    "details" in (r.get("bids") or {}),
                )
            )
            for i, b in enumerate((r.get("bids") or {}).get("details") or []):
                value = b.get("value") or {}
                ids = [t.get("id") for t in b.get("tenderers") or []] or [None]
                for t in ids:
                    bids.append(
                        (
                            ocid,
                            i,
                            b.get("status"),
                            b.get("date"),
                            value.get("amount"),
                            value.get("currency"),
                            len(b.get("tenderers") or []),
                            t,
                        )
                    )
            for i, a in enumerate(r.get("awards") or []):
                sup = [s.get("id") for s in a.get("suppliers") or []] or [None]
                for s in sup:
                    awards.append((ocid, i, a.get("status"), len(a.get("suppliers") or []), s))
                for item in a.get("items") or []:
                    items.append((ocid, i, (item.get("classification") or {}).get("id")))
    return (
        pd.DataFrame(
            procs,
            columns=[
                "ocid",
                "buyer",
                "pe",
                "pm",
                "nt",
                "start",
                "end",
                "has_awards",
                "has_details",
            ],
        ),
        pd.DataFrame(
            bids, columns=["ocid", "i", "status", "date", "amount", "currency", "nt", "tenderer"]
        ),
        pd.DataFrame(awards, columns=["ocid", "i", "status", "ns", "supplier"]),
        pd.DataFrame(items, columns=["ocid", "i", "cls"]),
    )


def _quartiles(values: Any, p: tuple[float, ...] = (0.25, 0.75)) -> Any:
    import numpy as np

    return np.quantile(values, p, method="median_unbiased")


def _final(awards: Any) -> Any:
    nonfinal = awards[
        ~awards.status.isin(["active", "cancelled", "unsuccessful"]) & awards.status.notna()
    ]
    return set(awards.ocid) - set(nonfinal.ocid)


def _slbr(procs: Any, bids: Any, awards: Any) -> Any:
    active = awards[awards.status == "active"]
    per = active.groupby("ocid").agg(n=("i", "nunique"), ns=("ns", "max"), sup=("supplier", "max"))
    ok = per[(per.n == 1) & (per.ns == 1) & per.sup.notna()]
    ok = ok[ok.index.isin(_final(awards)) & ok.index.isin(procs.ocid[procs.has_details])]
    v = bids[
        (bids.status == "valid")
        & (bids.nt == 1)
        & bids.tenderer.notna()
        & bids.amount.notna()
        & (bids.currency == "EUR")
    ]
    v = v.merge(ok[["sup"]], left_on="ocid", right_index=True)
    win = v[v.tenderer == v.sup].groupby("ocid").amount.min()
    other = v[v.tenderer != v.sup].groupby("ocid").amount.min()
    both = win.to_frame("w").join(other.rename("o"), how="inner")
    both = both[both.o >= both.w]
    return (both.o - both.w) / both.w


def _price_indicators(procs: Any, bids: Any, awards: Any) -> dict[str, int]:
    ratios = _slbr(procs, bids, awards)
    q1, q3 = _quartiles(ratios)
    lower, upper = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
    counts = {"R024": int((ratios <= lower).sum()) if q1 > 0 and lower > 0 else 0}
    counts["R058"] = int((ratios >= upper).sum()) if upper > 0 else 0
    sub = bids[bids.status.isin(["pending", "valid", "disqualified"])]
    priced = sub[sub.amount.notna() & sub.currency.notna() & sub.tenderer.notna()]
    sets = priced.groupby(["ocid", "i", "amount", "currency"]).tenderer.apply(frozenset)
    distinct = sets.reset_index().groupby(["ocid", "amount", "currency"]).tenderer.nunique()
    counts["R028"] = distinct[distinct > 1].reset_index().ocid.nunique()
    has_active = set(awards.ocid[awards.status == "active"])
    main = sub[sub.amount.notna() & (sub.currency == "EUR") & sub.ocid.isin(has_active)]
    main = main.drop_duplicates(["ocid", "i"]).sort_values(["ocid", "amount", "i"])
    first = main.groupby("ocid").head(1).set_index("ocid")
    valid = set(main.ocid[main.status == "valid"])
    counts["R036"] = int(((first.status == "disqualified") & first.index.isin(valid)).sum())
    return counts


def _process_indicators(procs: Any, bids: Any, awards: Any) -> dict[str, int]:
    import pandas as pd

    start = pd.to_datetime(procs.start, utc=True, errors="coerce", format="ISO8601")
    end = pd.to_datetime(procs.end, utc=True, errors="coerce", format="ISO8601")
    days = ((end - start).dt.total_seconds() / 86400).apply(
        lambda d: float(int(d)) if d == d else d
    )
    counts = {"R003": int((days < 15).sum())}
    counts["R018"] = int(((procs.nt == 1) & procs.pm.isin(["open", "selective"])).sum())
    active = awards[(awards.status == "active") & awards.supplier.notna()]
    late = bids[(bids.status == "valid") & bids.date.notna()].merge(procs[["ocid", "end"]])
    late = late[late.end.notna() & (late.date > late.end)]
    late = late.merge(active, left_on=["ocid", "tenderer"], right_on=["ocid", "supplier"])
    counts["R030"] = late.ocid.nunique()
    final = _final(awards) & set(procs.ocid[procs.has_details & procs.has_awards])
    b = bids[bids.ocid.isin(final) & bids.tenderer.notna()]
    valid = b[b.status == "valid"].groupby("ocid").tenderer.agg(["nunique", "min"])
    sup = active[active.ocid.isin(final)].groupby("ocid").supplier.agg(["nunique", "min"])
    one = valid[valid["nunique"] == 1].join(sup, rsuffix="_s", how="inner")
    one = one[(one.nunique_s == 1) & (one["min"] == one.min_s)]
    dq = b[b.status == "disqualified"].merge(one[["min"]], left_on="ocid", right_index=True)
    counts["R035"] = dq[dq.tenderer != dq["min"]].ocid.nunique()
    return counts


def _fence_flags(ratios: Any) -> int:
    if ratios.empty:
        return 0
    q1, q3 = _quartiles(ratios)
    upper = q3 + 1.5 * (q3 - q1)
    return int((ratios >= upper).sum()) if upper > 0 else 0


def _organisation_indicators(procs: Any, bids: Any, awards: Any, items: Any) -> dict[str, int]:
    sub = bids[bids.status.isin(["pending", "valid", "disqualified"])]
    per_bid = sub.drop_duplicates(["ocid", "i"]).assign(d=lambda x: x.status == "disqualified")
    per = per_bid.groupby("ocid").d.agg(["sum", "count"]).join(procs.set_index("ocid"))
    r038 = 0
    for key in ("buyer", "pe"):
        g = per[per[key].notna()].groupby(key)[["sum", "count"]].sum()
        g = g[g["count"] >= 2]
        r038 += _fence_flags(g["sum"] / g["count"])
    t = sub[sub.tenderer.notna()].assign(d=lambda x: x.status == "disqualified")
    t = t.groupby("tenderer").d.agg(["sum", "count"])
    t = t[t["count"] >= 2]
    counts = {"R038": r038 + _fence_flags(t["sum"] / t["count"])}
    active = awards[(awards.status == "active") & (awards.ns == 1) & awards.supplier.notna()]
    sup = active.merge(items[items.cls.notna()], on=["ocid", "i"])
    sup = (
        sup.assign(prefix=sup.cls.str[:2])
        .groupby("supplier")
        .agg(n=("ocid", "nunique"), kinds=("prefix", "nunique"))
    )
    sup = sup[sup.n >= 20]
    counts["R048"] = 0 if sup.empty else int((sup.kinds >= _fence(sup.kinds)).sum())
    counts["R025"] = _r025(procs, bids, awards)
    return counts


def _fence(values: Any) -> float:
    q1, q3 = _quartiles(values)
    return float(q3 + 1.5 * (q3 - q1))


def _r025(procs: Any, bids: Any, awards: Any) -> int:
    active = awards[awards.status == "active"]
    per = active.groupby("ocid").agg(n=("i", "nunique"), ns=("ns", "max"), sup=("supplier", "max"))
    ok = per[(per.n == 1) & (per.ns == 1) & per.sup.notna() & per.index.isin(_final(awards))]
    ok = ok[ok.index.isin(procs.ocid[procs.has_details])]
    v = bids[(bids.status == "valid") & (bids.nt == 1) & bids.tenderer.notna()]
    v = v.merge(ok[["sup"]], left_on="ocid", right_index=True).drop_duplicates(["ocid", "tenderer"])
    g = v.assign(won=v.tenderer == v.sup).groupby("tenderer").won.agg(["sum", "count"])
    ratio = g["sum"] / g["count"]
    (top,) = _quartiles(g["count"], (0.75,))
    q1, q3 = _quartiles(ratio)
    lower = q1 - 1.5 * (q3 - q1)
    if not (q1 > 0 and lower > 0):
        return 0
    return int(((g["count"] >= top) & (ratio <= lower)).sum())


def pandas_indicators(path: str) -> dict[str, int]:
    procs, bids, awards, items = _flatten(path)
    return {
        **_process_indicators(procs, bids, awards),
        **_price_indicators(procs, bids, awards),
        **_organisation_indicators(procs, bids, awards, items),
    }


def _child(
    pipe: Any, function: Callable[[str, str], dict[str, Any]], args: tuple[str, ...]
) -> None:
    pipe.send(function(*args))
    pipe.close()


def _in_process(
    function: Callable[[str, str], dict[str, Any]], *args: str, limit: float | None = None
) -> dict[str, Any] | None:
    """Run in a fresh process (own peak RSS); None when it ran past ``limit`` seconds."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args))
    process.start()
    sender.close()
    if limit is not None and not receiver.poll(limit):
        process.kill()
        process.join()
        return None
    result: dict[str, Any] = receiver.recv()
    process.join()
    return result


def write_report(
    args: argparse.Namespace,
    ours: dict[str, Any],
    theirs: dict[str, Any] | None,
    load_average: str,
    full: dict[str, Any],
) -> None:
    lines = [
        "# Benchmark: OCDS (inkoop) rules on compiled releases",
        "",
        f"Measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} UTC on this machine "
        f"({platform.machine()}, {multiprocessing.cpu_count()} cores, Python "
        f"{platform.python_version()}). Load average at the start: {load_average} (1 / 5 / 15 "
        "min; the machine is shared, so a load above 2 inflates wall times; CPU seconds count "
        "all threads).",
        "",
        "Commands (data: the shared Cardinal peer generator, seed 42):",
        "",
        "```bash",
        "python ../shared/cardinal-peer/synthetic/generate_ocds.py 200000 "
        "bench-data/ocds200k.jsonl",
        f".venv/bin/python -m bench.signals_ocds --data {args.data} --limit {args.limit:.0f}",
        "```",
        "",
        "| implementation | what | wall s | CPU s | peak RSS MB |",
        "|---|---|---:|---:|---:|",
        f"| weerbaar (DuckDB) | `load_ocds` ({ours['releases']:,} releases → `ocds_*` tables) "
        f"| {ours['load_s']:.2f} | {ours['load_cpu']:.2f} | |",
        f"| weerbaar (DuckDB) | load + the 11 rules mirroring Cardinal's indicators | "
        f"**{ours['wall_s']:.2f}** | {ours['cpu_s']:.2f} | {ours['peak_rss_mb']:.0f} |",
        f"| weerbaar (DuckDB) | INK-003, INK-010, INK-011 on the loaded tables | "
        f"{ours['other_rules_s']:.2f} | | |",
        f"| weerbaar full run | rules + explanations + hits.parquet/csv/json (`run_signals` + "
        f"`write_run`: load, the {full['rules']} INK rules with their defaults, "
        f"{full['hits']:,} explained hits) | {full['wall_s']:.2f} | {full['cpu_s']:.2f} "
        f"| {full['peak_rss_mb']:.0f} |",
    ]
    if theirs is None:
        lines.append(f"| pandas | the same 11 indicators | > {args.limit:.0f} (stopped) | | |")
    else:
        lines.append(
            f"| pandas | the same 11 indicators | {theirs['wall_s']:.2f} | {theirs['cpu_s']:.2f} "
            f"| {theirs['peak_rss_mb']:.0f} |"
        )
    lines += [
        "| OCP Cardinal 0.0.8 (Rust; research notes, quiet machine) | the 11 indicators | 3.3 "
        "| | 149 |",
        "",
    ]
    if theirs is None:
        ratio = f"≥ {args.limit / ours['wall_s']:.1f}× (pandas stopped at the limit)"
    else:
        ratio = f"{theirs['wall_s'] / ours['wall_s']:.1f}× wall, "
        ratio += f"{theirs['cpu_s'] / ours['cpu_s']:.1f}× CPU"
        same = all(ours["counts"].get(code) == n for code, n in theirs["counts"].items())
        ratio += "; same flag counts per indicator: " + ("yes" if same else "**NO**")
    lines += [
        f"- Ratio to pandas: {ratio}.",
        f"- Against Cardinal's 3.3 s for 200,000 releases: {ours['wall_s']:.2f} s wall here for "
        f"{ours['releases']:,} releases"
        f" ({'faster' if ours['wall_s'] < 3.3 else 'not faster'}, at the load above).",
        "- Flags per indicator (weerbaar): `" + json.dumps(ours["counts"], sort_keys=True) + "`",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--limit", type=float, default=300.0, help="seconds for pandas")
    args = parser.parse_args()
    if not args.data.is_file():
        raise SystemExit(
            f"{args.data} is missing; create it with: python "
            "../shared/cardinal-peer/synthetic/generate_ocds.py 200000 bench-data/ocds200k.jsonl"
        )
    settings = args.data.parent / "cardinal-settings.ini"
    settings.write_text(SETTINGS_INI, encoding="utf-8")
    load_average = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    ours = _in_process(run_weerbaar, str(args.data), str(settings))
    assert ours is not None
    print(
        f"weerbaar: {ours['releases']:,} releases, load {ours['load_s']:.2f} s, "
        f"load + 11 indicators {ours['wall_s']:.2f} s wall ({ours['cpu_s']:.2f} s CPU), "
        f"INK-003/010/011 {ours['other_rules_s']:.2f} s, peak RSS {ours['peak_rss_mb']:.0f} MB"
    )
    print("  flags:", json.dumps(ours["counts"], sort_keys=True))
    full = _in_process(run_full, str(args.data), str(settings))
    assert full is not None
    print(
        f"weerbaar full run: {full['hits']:,} hits from {full['rules']} rules, explained and "
        f"written: {full['wall_s']:.2f} s wall ({full['cpu_s']:.2f} s CPU), "
        f"peak RSS {full['peak_rss_mb']:.0f} MB"
    )
    theirs = None
    if not args.skip_pandas:
        theirs = _in_process(run_pandas, str(args.data), str(settings), limit=args.limit)
        print("pandas:", "stopped" if theirs is None else f"{theirs['wall_s']:.2f} s wall")
        if theirs is not None:
            print("  flags:", json.dumps(theirs["counts"], sort_keys=True))
    write_report(args, ours, theirs, load_average, full)
    print(f"-> {RESULTS}")


if __name__ == "__main__":
    main()
