"""Every plan keeps every constraint, and impossible requests say which constraint conflicts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_checks import violations
from plan_strategies import problems, requests
from pydantic import ValidationError

from weerbaar.measures.feasibility import PlanInfeasible, UnknownMeasure
from weerbaar.measures.milp import SolverOptionError, SolverOptions
from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest
from weerbaar.measures.service import make_plan


@st.composite
def larger_instances(draw: st.DrawFn) -> tuple[PlanProblem, PlanRequest]:
    problem = draw(problems(max_measures=10))
    return problem, draw(requests(problem, max_quarters=4))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(larger_instances())
def test_every_plan_keeps_every_constraint(instance: tuple[PlanProblem, PlanRequest]) -> None:
    problem, request = instance
    try:
        plan = make_plan(problem, request)
    except PlanInfeasible as error:
        assert error.nl and error.en and error.constraint
        return
    starts = {c.id: c.quarter for c in plan.chosen}
    assert violations(problem, request, starts) == []
    assert plan.total_cost_eur <= request.budget_eur + 1e-6
    assert sum(plan.hours_by_quarter) == pytest.approx(plan.total_hours)
    assert all(plan.after[p] <= plan.before[p] + 1e-9 for p in plan.before)
    assert {r.id for r in plan.rejected}.isdisjoint(starts)


def small_problem() -> PlanProblem:
    return PlanProblem(
        gaps=(Gap(id="g", process="vergunningen", points=30),),
        candidates=(
            Candidate(id="bibob", theme="instrumenten", intro_hours=40, cost_eur=9000, gaps=("g",)),
            Candidate(id="training", theme="kennis", intro_hours=16, cost_eur=2000, gaps=("g",)),
            Candidate(
                id="register",
                theme="instrumenten",
                intro_hours=8,
                cost_eur=500,
                gaps=("g",),
                prerequisites=("bibob",),
            ),
            Candidate(
                id="shared",
                theme="bewustzijn",
                intro_hours=40,
                cost_eur=8000,
                delivered_by=("gemeente", "riec"),
                shared_share=0.25,
                gaps=("g",),
            ),
        ),
        vulnerability={"vergunningen": 70.0},
    )


def test_mandatory_measure_over_budget_names_budget_and_amounts() -> None:
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(small_problem(), PlanRequest(hours=100, budget_eur=5000, mandatory=("bibob",)))
    error = caught.value
    assert error.constraint == "budget"
    assert "bibob" in error.nl and "€ 9.000" in error.nl and "€ 5.000" in error.nl
    assert "budget" in error.en and "bibob" in error.en


def test_mandatory_measure_with_excluded_prerequisite() -> None:
    request = PlanRequest(hours=100, budget_eur=20000, mandatory=("register",), excluded=("bibob",))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(small_problem(), request)
    assert caught.value.constraint == "prerequisite"
    assert "bibob" in caught.value.en


def test_mandatory_measure_over_quarterly_hours() -> None:
    request = PlanRequest(hours=100, budget_eur=20000, hours_per_quarter=20, mandatory=("bibob",))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(small_problem(), request)
    assert caught.value.constraint == "hours_per_quarter"


def test_impossible_theme_minimum() -> None:
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(
            small_problem(), PlanRequest(hours=100, budget_eur=20000, min_theme={"kennis": 2})
        )
    assert caught.value.constraint == "theme:kennis"
    assert "kennis" in caught.value.nl


def test_conflict_found_only_by_the_solver_is_named() -> None:
    request = PlanRequest(hours=50, budget_eur=20000, mandatory=("bibob", "training"))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(small_problem(), request)
    assert caught.value.constraint in {"hours", "mandatory"}
    assert "uren" in caught.value.nl and "hours" in caught.value.en


def test_unknown_mandatory_id_is_an_error() -> None:
    with pytest.raises(UnknownMeasure, match="nope"):
        make_plan(small_problem(), PlanRequest(hours=10, budget_eur=10, mandatory=("nope",)))


def test_cooperation_costs_only_the_share() -> None:
    alone = PlanRequest(hours=45, budget_eur=2500, quarters=1, excluded=("training", "bibob"))
    with_riec = alone.model_copy(update={"partners": frozenset({"riec"})})
    assert "shared" not in {c.id for c in make_plan(small_problem(), alone).chosen}
    chosen = {c.id: c for c in make_plan(small_problem(), with_riec).chosen}
    assert chosen["shared"].cost_eur == 2000 and chosen["shared"].hours == 10
    assert chosen["shared"].shared


def test_prerequisite_is_scheduled_no_later() -> None:
    request = PlanRequest(hours=200, budget_eur=20000, quarters=4, hours_per_quarter=40)
    plan = make_plan(small_problem(), request)
    quarter = {c.id: c.quarter for c in plan.chosen}
    assert "register" in quarter and quarter["bibob"] <= quarter["register"]


def test_rejected_measures_carry_a_reason() -> None:
    request = PlanRequest(hours=30, budget_eur=3000, excluded=("shared",))
    plan = make_plan(small_problem(), request)
    reasons = {r.id: r.reason.code for r in plan.rejected}
    assert reasons["shared"] == "excluded"
    assert reasons["bibob"] == "budget"
    assert [c.id for c in plan.chosen] == ["training"]


def unsuited_problem(small_profile: bool) -> PlanProblem:
    """A strong measure unsuited for small municipalities, one that needs it, and a weak one."""
    return PlanProblem(
        gaps=(Gap(id="g", process="inkoop", points=40),),
        candidates=(
            Candidate(
                id="bibob-opdrachten",
                effect="hoog",
                intro_hours=10,
                gaps=("g",),
                small_municipality=False,
            ),
            Candidate(id="training", effect="laag", intro_hours=10, gaps=("g",)),
            Candidate(
                id="register",
                effect="laag",
                intro_hours=5,
                gaps=("g",),
                prerequisites=("bibob-opdrachten",),
            ),
        ),
        vulnerability={"inkoop": 80.0},
        small_profile=small_profile,
    )


def test_small_profile_leaves_unsuited_measures_out_with_the_reason() -> None:
    request = PlanRequest(hours=100, budget_eur=0)
    plan = make_plan(unsuited_problem(small_profile=True), request)
    assert [c.id for c in plan.chosen] == ["training"]
    reasons = {r.id: r.reason for r in plan.rejected}
    assert reasons["bibob-opdrachten"].code == "unsuited"
    assert "kleine gemeente" in reasons["bibob-opdrachten"].nl
    assert reasons["register"].code == "prerequisite"
    everything = {"bibob-opdrachten", "training", "register"}
    allowed = request.model_copy(update={"allow_unsuited": True})
    assert {c.id for c in make_plan(unsuited_problem(True), allowed).chosen} == everything
    larger = make_plan(unsuited_problem(small_profile=False), request)
    assert {c.id for c in larger.chosen} == everything


def test_mandatory_unsuited_measure_needs_explicit_permission() -> None:
    request = PlanRequest(hours=100, budget_eur=0, mandatory=("bibob-opdrachten",))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(unsuited_problem(small_profile=True), request)
    assert caught.value.constraint == "unsuited"
    assert "bibob-opdrachten" in caught.value.nl and "explicitly" in caught.value.en
    # the core speaks to every front door: no command-line option in its words (issue 14)
    assert "--" not in caught.value.nl and "--" not in caught.value.en
    allowed = request.model_copy(update={"allow_unsuited": True})
    assert "bibob-opdrachten" in {c.id for c in make_plan(unsuited_problem(True), allowed).chosen}


def test_scan_without_gaps_gives_an_empty_plan() -> None:
    """A municipality with no weak answers has no candidates: an empty plan, not a crash."""
    problem = PlanProblem(gaps=(), candidates=(), vulnerability={"inkoop": 12.5, "brp": 0.0})
    plan = make_plan(problem, PlanRequest(hours=400, budget_eur=25000, quarters=8))
    assert plan.chosen == [] and plan.rejected == [] and plan.greedy_chosen == []
    assert plan.after == plan.before == {"inkoop": 12.5, "brp": 0.0}
    assert plan.greedy_after == plan.before
    assert plan.objective == plan.greedy_objective == 0.0
    assert plan.hours_by_quarter == [0.0] * 8
    assert plan.solver.status == "optimal"


@pytest.mark.parametrize("field", ["hours", "budget_eur", "hours_per_quarter"])
@pytest.mark.parametrize("value", [float("inf"), float("nan"), -float("inf"), "inf", "NaN", -1])
def test_request_refuses_non_finite_and_negative_numbers_naming_the_field(
    field: str, value: object
) -> None:
    params: dict[str, object] = {"hours": 100, "budget_eur": 1000, field: value}
    with pytest.raises(ValidationError) as caught:
        PlanRequest.model_validate(params)
    (error,) = caught.value.errors()
    assert error["loc"] == (field,) and error["type"] == "finite_number"
    assert error["ctx"]["field"] == field
    assert "eindig getal" in error["ctx"]["nl"] and "finite number" in error["ctx"]["en"]


def test_problem_refuses_non_finite_numbers() -> None:
    with pytest.raises(ValidationError, match="finite"):
        Gap(id="g", process="brp", points=float("inf"))
    with pytest.raises(ValidationError, match="finite"):
        Candidate(id="m", intro_hours=float("nan"))
    with pytest.raises(ValidationError, match="finite"):
        PlanProblem(gaps=(), candidates=(), vulnerability={"brp": float("inf")})


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"mip_rel_gap": float("nan")}, "mip_rel_gap"),
        ({"mip_rel_gap": 0.5}, "mip_rel_gap"),
        ({"time_limit_s": float("inf")}, "time_limit_s"),
        ({"time_limit_s": float("nan")}, "time_limit_s"),
    ],
)
def test_solver_options_refuse_non_finite_numbers(options: dict[str, float], field: str) -> None:
    with pytest.raises(SolverOptionError) as caught:
        SolverOptions(**options)
    assert caught.value.field == field and caught.value.nl and caught.value.en
