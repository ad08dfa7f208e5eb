"""Benchmark: the action-plan MILP on 300 candidate measures x 8 processes x 4 quarters.

Synthetic, seeded instances (no scan needed): 96 gaps (12 per process), measures addressing one
to four gaps in one or two processes, 15 % with a prerequisite, 30 % deliverable with the RIEC.
Request: 800 hours, 250 per quarter, EUR 60,000, with the RIEC, at least one awareness measure.
Reports wall and CPU time of the selection and the scheduling MILP (``scipy.optimize.milp``,
HiGHS) at the default proven gap (or ``--gap``), the proven gap, the value against the greedy
ranking, and with ``--exact`` the time to a proven 1e-6 gap.
Run: ``.venv/bin/python -m bench.plan [--seeds N] [--measures N] [--gap G] [--exact]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import cast

import numpy as np

from weerbaar.knowledge.models import PROCESS_IDS, THEME_IDS
from weerbaar.measures.effect import weighted_value
from weerbaar.measures.greedy import greedy_plan
from weerbaar.measures.models import Candidate, EffectLevel, Gap, PlanProblem, PlanRequest
from weerbaar.measures.optimiser import SolverOptions, solve

GAPS_PER_PROCESS = 12
QUARTERS = 4
REQUEST = PlanRequest(
    hours=800,
    budget_eur=60_000,
    quarters=QUARTERS,
    hours_per_quarter=250,
    partners=frozenset({"riec"}),
    min_theme={"bewustzijn": 1},
)


def synthetic_problem(seed: int, measures: int = 300) -> PlanProblem:
    rng = np.random.default_rng(seed)
    gaps = [
        Gap(id=f"{p}:q{k}", process=p, points=float(rng.integers(1, 9)))
        for p in PROCESS_IDS
        for k in range(GAPS_PER_PROCESS)
    ]
    return PlanProblem(
        gaps=tuple(gaps),
        candidates=tuple(_candidate(rng, i, gaps) for i in range(measures)),
        vulnerability={p: float(rng.integers(30, 90)) for p in PROCESS_IDS},
    )


def _candidate(rng: np.random.Generator, i: int, gaps: list[Gap]) -> Candidate:
    processes = rng.choice(PROCESS_IDS, size=int(rng.integers(1, 3)), replace=False)
    pool = [g.id for g in gaps if g.process in processes]
    addressed = rng.choice(pool, size=int(rng.integers(1, 5)), replace=False)
    shared = rng.random() < 0.3
    return Candidate(
        id=f"m{i}",
        theme=str(rng.choice(THEME_IDS)),
        effect=cast(EffectLevel, str(rng.choice(["laag", "middel", "hoog"]))),
        intro_hours=float(rng.integers(4, 81)),
        run_hours_per_year=float(rng.integers(0, 41)),
        cost_eur=float(rng.integers(0, 16) * 1000),
        delivered_by=("gemeente", "riec") if shared else ("gemeente",),
        shared_share=0.5 if shared else None,
        gaps=tuple(sorted(str(g) for g in addressed)),
        prerequisites=(f"m{int(rng.integers(0, i))}",) if i and rng.random() < 0.15 else (),
    )


def timed(problem: PlanProblem, options: SolverOptions) -> dict[str, float | str]:
    """Selection plus schedule, as ``make_plan`` runs them: wall and CPU seconds, gap, value."""
    wall, cpu = time.perf_counter(), time.process_time()
    solution = solve(problem, REQUEST, options=options)
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "select": solution.seconds,
        "schedule": solution.schedule_seconds,
        "status": solution.status,
        "gap": float(solution.gap) if solution.gap is not None else float("nan"),
        "value": weighted_value(problem, solution.starts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--gap", type=float, default=SolverOptions().mip_rel_gap)
    parser.add_argument("--exact", action="store_true", help="also solve to a proven 1e-6 gap")
    args = parser.parse_args()
    runs, gains = [], []
    print(f"{args.measures} measures x {len(PROCESS_IDS)} processes x {QUARTERS} quarters")
    for seed in range(args.seeds):
        problem = synthetic_problem(seed, args.measures)
        run = timed(problem, SolverOptions(mip_rel_gap=args.gap))
        runs.append(run)
        greedy, _ = greedy_plan(problem, REQUEST)
        greedy_value = weighted_value(problem, greedy)
        gains.append((float(run["value"]) - greedy_value) / greedy_value * 100)
        line = (
            f"seed {seed}: {run['wall']:.2f} s wall / {run['cpu']:.2f} s CPU "
            f"(selection {run['select']:.2f} s, schedule {run['schedule']:.2f} s), "
            f"{run['status']}, proven gap {float(run['gap']) * 100:.3f} %, "
            f"value {float(run['value']):.3f} vs greedy {greedy_value:.3f} (+{gains[-1]:.1f} %)"
        )
        if args.exact:
            exact = timed(problem, SolverOptions(mip_rel_gap=1e-6, time_limit_s=60))
            line += (
                f"; exact: {exact['wall']:.2f} s wall / {exact['cpu']:.2f} s CPU, "
                f"{exact['status']}, value {float(exact['value']):.3f}"
            )
        print(line)
    med = statistics.median
    print(
        f"median: {med(float(r['wall']) for r in runs):.2f} s wall / "
        f"{med(float(r['cpu']) for r in runs):.2f} s CPU; optimum over greedy +{med(gains):.1f} % "
        f"(min {min(gains):.1f}, max {max(gains):.1f}); load average {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
