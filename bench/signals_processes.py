"""Benchmark: each new rule set on one million records of its process's main table.

Target (issue 16): every rule set in under 10 s and under 2 GB, measured as the whole command
(`weerbaar signals run --data DIR --rules SET --out OUT --demo`: Python start-up, reading and
checking every file, pseudonymising, all rules of the set, writing hits and run.json)::

    .venv/bin/python -m bench.signals_processes --records 1000000 --repeat 3

The data come from the synthetic generator (Parquet, one folder per process, generated once and
kept in ``--work``); FIN-016 (the employee bank-account check) runs on one million payments with
the employees file. Each command runs in its own process; its wall time and peak RSS (from
``wait4``) are taken, the median over ``--repeat`` runs is reported with the machine's load.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from weerbaar.signals.synthetic import generate

RESULTS = Path(__file__).parent / "results" / "signals-processes.md"
SETS = {
    "subsidies": ("SUB", "subsidy_applications"),
    "vergunningen": ("VER", "permit_applications"),
    "brp": ("BRP", "brp_mutations"),
    "reisdocumenten": ("RD", "document_applications"),
    "informatie": ("LOG", "access_log"),
    "toezicht": ("TOE", "inspections"),
    "financien": ("FIN-016", "payments"),
}
TARGET_SECONDS = 10.0
TARGET_MB = 2048.0


@dataclass
class Measured:
    process: str
    rules: str
    main: str
    records: int
    files_mb: float
    generated_s: float
    seconds: list[float]
    peak_mb: list[float]
    hits: str


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _command() -> str:
    found = shutil.which("weerbaar", path=str(Path(sys.executable).parent)) or "weerbaar"
    return found


def _timed(args: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MB) and the last line of output of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    output = process.stdout.read() if process.stdout else ""
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed:\n{output}")
    lines = [line for line in output.splitlines() if "hits" in line]
    return seconds, usage.ru_maxrss / 1024, lines[-1].strip() if lines else ""


def _data(work: Path, process: str, records: int, seed: int) -> tuple[Path, dict[str, int], float]:
    folder = work / f"{process}-{records}"
    marker = folder / "generation.json"
    started = time.perf_counter()
    if not marker.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        generate(str(records), seed, folder, "parquet", ocds=False, processes=[process])
    import json

    rows = json.loads(marker.read_text(encoding="utf-8"))["rows"]
    return folder, rows, time.perf_counter() - started


def measure(process: str, records: int, repeat: int, work: Path, seed: int) -> Measured:
    rules, main = SETS[process]
    folder, rows, generated = _data(work, process, records, seed)
    size = sum(path.stat().st_size for path in folder.glob("*.parquet")) / 1e6
    seconds, peaks, hits = [], [], ""
    for number in range(repeat):
        out = work / f"out-{process}-{number}"
        shutil.rmtree(out, ignore_errors=True)
        args = [_command(), "signals", "run", "--data", str(folder), "--rules", rules]
        wall, peak, hits = _timed([*args, "--out", str(out), "--demo"])
        seconds.append(wall)
        peaks.append(peak)
        print(f"  {process} run {number + 1}: {wall:.2f} s, {peak:.0f} MB ({hits})", flush=True)
    return Measured(process, rules, main, rows[main], size, generated, seconds, peaks, hits)


def report(results: list[Measured], records: int, repeat: int, load: tuple[str, str]) -> str:
    lines = [
        "# Signals per process: one million records of the main table",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.node()} "
        f"({os.cpu_count()} cores, Python {platform.python_version()}); load average (1, 5, 15 "
        f"min) before: {load[0]}, after: {load[1]}. Median of {repeat} runs per rule set; each "
        "run is the whole command `weerbaar signals run --data DIR --rules SET --out OUT --demo` "
        "(start-up, checks, pseudonymisation, rules, writing hits). Command: "
        f"`.venv/bin/python -m bench.signals_processes --records {records} --repeat {repeat}`.",
        "",
        f"Targets: under {TARGET_SECONDS:.0f} s and under {TARGET_MB / 1024:.0f} GB per rule set.",
        "",
        "| process | rules | main table | records | Parquet MB | median s | runs s | peak MB "
        "| targets | hits |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        median, peak = statistics.median(m.seconds), max(m.peak_mb)
        met = "met" if median < TARGET_SECONDS and peak < TARGET_MB else "**missed**"
        runs = ", ".join(f"{s:.2f}" for s in m.seconds)
        lines.append(
            f"| {m.process} | {m.rules} | `{m.main}` | {m.records:,} | {m.files_mb:.0f} "
            f"| {median:.2f} | {runs} | {peak:.0f} | {met} | {m.hits} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/weerbaar-bench-processes"))
    parser.add_argument("--process", action="append", choices=sorted(SETS))
    parser.add_argument("--no-write", action="store_true", help="do not update the results file")
    options = parser.parse_args()
    options.work.mkdir(parents=True, exist_ok=True)
    before = _load()
    results = []
    for process in options.process or list(SETS):
        print(f"{process}: {SETS[process][0]} on {options.records:,} records", flush=True)
        results.append(
            measure(process, options.records, options.repeat, options.work, options.seed)
        )
    text = report(results, options.records, options.repeat, (before, _load()))
    print(text)
    if not options.no_write:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
