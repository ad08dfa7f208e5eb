"""The MILPs find the true optimum: brute force over every assignment agrees with them.

Selection: the best end value of a chosen set over every feasible assignment of measures to
start quarters. Schedule: the best in-force value over every feasible assignment of that set.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_checks import best_schedule, brute_force, end_value, schedule_value, violations
from plan_strategies import problems, requests

from weerbaar.measures.effect import weighted_value
from weerbaar.measures.examples import greedy_counterexample
from weerbaar.measures.feasibility import PlanInfeasible
from weerbaar.measures.greedy import greedy_plan
from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest
from weerbaar.measures.optimiser import SolverOptions, without_idle
from weerbaar.measures.service import make_plan

EXACT = SolverOptions(mip_rel_gap=1e-9)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def instances(draw: st.DrawFn) -> tuple[PlanProblem, PlanRequest]:
    problem = draw(problems())
    return problem, draw(requests(problem))


@SETTINGS
@given(instances())
def test_solver_agrees_with_brute_force(instance: tuple[PlanProblem, PlanRequest]) -> None:
    problem, request = instance
    best = brute_force(problem, request)
    if best is None:
        with pytest.raises(PlanInfeasible):
            make_plan(problem, request, options=EXACT)
        return
    plan = make_plan(problem, request, options=EXACT)
    assert plan.solver.status == "optimal"
    starts = {c.id: c.quarter for c in plan.chosen}
    assert violations(problem, request, starts) == []
    assert end_value(problem, set(starts)) == pytest.approx(best, abs=1e-5)
    assert plan.objective == pytest.approx(best, abs=1e-5)
    assert plan.solver.schedule_status == "optimal"
    timed = schedule_value(problem, starts, request.quarters)
    assert timed == pytest.approx(best_schedule(problem, request, set(starts)), abs=1e-5)


@SETTINGS
@given(instances())
def test_optimum_is_never_worse_than_greedy(instance: tuple[PlanProblem, PlanRequest]) -> None:
    problem, request = instance
    greedy, greedy_ok = greedy_plan(problem, request)
    if greedy_ok:
        assert violations(problem, request, greedy) == []
    try:
        plan = make_plan(problem, request)  # default options: the proven gap is 0.1 %
    except PlanInfeasible:
        assert not greedy_ok
        return
    assert plan.greedy_feasible == greedy_ok
    if greedy_ok:
        assert plan.objective >= end_value(problem, set(greedy)) - 1e-6
        assert plan.improvement_over_greedy >= -1e-6
    else:
        assert plan.greedy_chosen == [] and plan.greedy_objective == 0
        assert plan.greedy_after == plan.before


def test_optimum_strictly_beats_greedy_on_documented_instance() -> None:
    problem, request = greedy_counterexample()
    plan = make_plan(problem, request)
    assert [c.id for c in plan.chosen] == ["b", "c"]
    assert plan.greedy_chosen == ["a"]
    assert plan.objective == pytest.approx(34.6875)
    assert plan.greedy_objective == pytest.approx(23.125)
    assert plan.improvement_over_greedy == pytest.approx(11.5625)
    assert plan.after["inkoop"] < plan.greedy_after["inkoop"]


def greedy_misses_the_theme_minimum() -> tuple[PlanProblem, PlanRequest]:
    """Greedy takes the best measure per hour of the theme (a, € 60) first; then neither b nor c
    (€ 50 each) fits the € 100, so it misses the minimum of two. The optimum takes b and c."""
    problem = PlanProblem(
        gaps=tuple(Gap(id=g, process="inkoop", points=p) for g, p in (("ga", 40), ("gb", 30))),
        candidates=(
            Candidate(id="a", theme="kennis", effect="hoog", intro_hours=10, cost_eur=60,
                      gaps=("ga",)),
            Candidate(id="b", theme="kennis", effect="hoog", intro_hours=10, cost_eur=50,
                      gaps=("gb",)),
            Candidate(id="c", theme="kennis", effect="laag", intro_hours=10, cost_eur=50),
        ),
        vulnerability={"inkoop": 100.0, "brp": 20.0},
    )  # fmt: skip
    return problem, PlanRequest(hours=100, budget_eur=100, quarters=1, min_theme={"kennis": 2})


def test_greedy_without_a_plan_meeting_the_constraints_is_reported_as_no_plan() -> None:
    problem, request = greedy_misses_the_theme_minimum()
    assert greedy_plan(problem, request) == ({"a": 1}, False)
    plan = make_plan(problem, request)
    assert sorted(c.id for c in plan.chosen) == ["b", "c"]
    assert plan.greedy_feasible is False
    assert plan.greedy_chosen == []
    assert plan.greedy_objective == 0
    assert plan.greedy_after == plan.before == {"inkoop": 100.0, "brp": 20.0}
    assert plan.improvement_over_greedy == plan.objective > 0


def test_second_measure_on_the_same_gap_adds_less() -> None:
    problem = PlanProblem(
        gaps=(Gap(id="g", process="brp", points=50),),
        candidates=(
            Candidate(id="x", effect="hoog", intro_hours=10, gaps=("g",)),
            Candidate(id="y", effect="hoog", intro_hours=10, gaps=("g",)),
        ),
        vulnerability={"brp": 80.0},
    )
    one = weighted_value(problem, ["x"])
    two = weighted_value(problem, ["x", "y"])
    assert 0 < two - one < one
    assert two == pytest.approx(end_value(problem, {"x", "y"}))


def test_measures_without_value_are_left_out() -> None:
    problem = PlanProblem(
        gaps=(Gap(id="g", process="brp", points=50),),
        candidates=(
            Candidate(id="useful", effect="laag", intro_hours=10, gaps=("g",)),
            Candidate(id="idle", effect="hoog", intro_hours=1),
        ),
        vulnerability={"brp": 80.0},
    )
    plan = make_plan(problem, PlanRequest(hours=100, budget_eur=100))
    assert [c.id for c in plan.chosen] == ["useful"]
    assert plan.chosen[0].quarter == 1


def test_idle_measures_are_dropped_unless_a_constraint_needs_them() -> None:
    problem = PlanProblem(
        gaps=(Gap(id="g", process="brp", points=50),),
        candidates=(
            Candidate(id="useful", effect="laag", gaps=("g",)),
            Candidate(id="base", theme="kennis"),
            Candidate(id="idle", theme="kennis", prerequisites=("base",)),
            Candidate(id="must", theme="bewustzijn"),
            Candidate(id="theme", theme="ondersteuning"),
        ),
        vulnerability={"brp": 80.0},
    )
    request = PlanRequest(
        hours=100, budget_eur=0, mandatory=("must",), min_theme={"ondersteuning": 1}
    )
    starts = dict.fromkeys(("useful", "base", "idle", "must", "theme"), 1)
    assert set(without_idle(problem, request, starts)) == {"useful", "must", "theme"}


def test_a_better_greedy_plan_replaces_a_selection_within_the_gap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import weerbaar.measures.optimiser as optimiser

    problem, request = greedy_counterexample()
    poor = optimiser.Solution("optimal", {}, 0.0, 0, 0, gap=0.5)
    monkeypatch.setattr(optimiser, "select", lambda *args, **kwargs: poor)
    plan = make_plan(problem, request)
    assert [c.id for c in plan.chosen] == plan.greedy_chosen == ["a"]
    assert plan.objective == plan.greedy_objective
