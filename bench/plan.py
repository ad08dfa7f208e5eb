"""Benchmark: the action-plan MILP on 300 candidate measures x 8 processes x 4 quarters.

Synthetic, seeded instances (no scan needed): 96 gaps (12 per process), measures addressing one
to four gaps in one or two processes, 15 % with a prerequisite, 30 % deliverable with the RIEC.
Request: 800 hours, 250 per quarter, EUR 60,000, with the RIEC, at least one awareness measure.
Reports wall and CPU time of ``scipy.optimize.milp`` (HiGHS) to a proven 1 % gap and to the
default 1e-4 gap (10 s limit), the whole ``make_plan`` time, and the gain over greedy.
Run: ``.venv/bin/python -m bench.plan [--seeds N] [--measures N]``.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from weerbaar.knowledge.models import PROCESS_IDS, THEME_IDS
from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest
from weerbaar.measures.optimiser import SolverOptions, solve
from weerbaar.measures.service import make_plan

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
        effect=str(rng.choice(["laag", "middel", "hoog"])),  # type: ignore[arg-type]
        intro_hours=float(rng.integers(4, 81)),
        run_hours_per_year=float(rng.integers(0, 41)),
        cost_eur=float(rng.integers(0, 16) * 1000),
        delivered_by=("gemeente", "riec") if shared else ("gemeente",),
        shared_share=0.5 if shared else None,
        gaps=tuple(sorted(str(g) for g in addressed)),
        prerequisites=(f"m{int(rng.integers(0, i))}",) if i and rng.random() < 0.15 else (),
    )


def timed_solve(problem: PlanProblem, options: SolverOptions) -> tuple[float, float, str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    solution = solve(problem, REQUEST, options=options)
    gap = float(solution.gap) if solution.gap is not None else float("nan")
    return time.perf_counter() - wall, time.process_time() - cpu, solution.status, gap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--measures", type=int, default=300)
    args = parser.parse_args()
    rough, fine, gains = [], [], []
    print(f"{args.measures} measures x {len(PROCESS_IDS)} processes x {QUARTERS} quarters")
    for seed in range(args.seeds):
        problem = synthetic_problem(seed, args.measures)
        rough.append(timed_solve(problem, SolverOptions(mip_rel_gap=1e-2)))
        fine.append(timed_solve(problem, SolverOptions()))
        started = time.perf_counter()
        plan = make_plan(problem, REQUEST)
        gains.append(plan.improvement_over_greedy / plan.greedy_objective * 100)
        print(
            f"seed {seed}: 1% gap {rough[-1][0]:.2f} s wall / {rough[-1][1]:.2f} s CPU; "
            f"1e-4 gap {fine[-1][0]:.2f} s wall / {fine[-1][1]:.2f} s CPU ({fine[-1][2]}, "
            f"proven gap {fine[-1][3]:.2e}); make_plan {time.perf_counter() - started:.2f} s, "
            f"{len(plan.chosen)} chosen, {plan.solver.variables} vars, "
            f"objective {plan.objective:.2f} vs greedy {plan.greedy_objective:.2f} "
            f"(+{gains[-1]:.1f} %)"
        )
    med = statistics.median
    print(
        f"median: 1% gap {med(r[0] for r in rough):.2f} s wall / {med(r[1] for r in rough):.2f} s "
        f"CPU; 1e-4 gap {med(f[0] for f in fine):.2f} s wall / {med(f[1] for f in fine):.2f} s "
        f"CPU; optimum over greedy +{med(gains):.1f} % (min {min(gains):.1f}, "
        f"max {max(gains):.1f})"
    )


if __name__ == "__main__":
    main()
