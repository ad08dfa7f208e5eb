"""Assemble ``docs/benchmarks.md`` from the per-benchmark result files in ``bench/results/``.

Each benchmark writes its own figures (with the exact command) to ``bench/results/<name>.md``;
this script puts them under one summary so readers find every figure in one place:
``python -m bench._collect``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
ORDER = ("plan.md", "signals-payments.md", "signals-ocds.md")


def _demote(text: str) -> str:
    return "\n".join(f"#{line}" if line.startswith("#") else line for line in text.splitlines())


def collect(summary: str) -> str:
    names = [n for n in ORDER if (RESULTS / n).exists()]
    names += sorted(p.name for p in RESULTS.glob("*.md") if p.name not in ORDER)
    parts = [summary.rstrip(), ""]
    for name in names:
        body = (RESULTS / name).read_text(encoding="utf-8").strip()
        parts += [f"<!-- from bench/results/{name} -->", _demote(body), ""]
    return "\n".join(parts)


if __name__ == "__main__":
    summary = (RESULTS.parent / "SUMMARY.md").read_text(encoding="utf-8")
    (ROOT / "docs" / "benchmarks.md").write_text(collect(summary), encoding="utf-8")
    print("wrote docs/benchmarks.md")
