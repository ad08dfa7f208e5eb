"""Small documented instances, used by the tests and ``docs/action-plan.md``."""

from __future__ import annotations

from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest


def greedy_counterexample() -> tuple[PlanProblem, PlanRequest]:
    """An instance where ranking by value per hour is strictly worse than the optimum.

    Procurement (inkoop) is 100 % vulnerable through three gaps of 40, 30 and 30 points. Measure
    A closes most per hour (23.1 points for 60 hours), B and C a bit less (17.3 points for 50
    hours each). With 100 hours, greedy takes A and then nothing fits: 23.1. The optimum takes B
    and C: 34.7.
    """
    problem = PlanProblem(
        gaps=(
            Gap(id="g1", process="inkoop", points=40),
            Gap(id="g2", process="inkoop", points=30),
            Gap(id="g3", process="inkoop", points=30),
        ),
        candidates=(
            Candidate(id="a", theme="instrumenten", effect="hoog", intro_hours=60, gaps=("g1",)),
            Candidate(id="b", theme="instrumenten", effect="hoog", intro_hours=50, gaps=("g2",)),
            Candidate(id="c", theme="kennis", effect="hoog", intro_hours=50, gaps=("g3",)),
        ),
        vulnerability={"inkoop": 100.0},
    )
    return problem, PlanRequest(hours=100, budget_eur=0, quarters=1)
