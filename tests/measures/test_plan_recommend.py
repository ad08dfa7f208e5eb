"""From a scored scan to gaps and candidates: which measures address which weak answers."""

from __future__ import annotations

import pytest
from plan_builders import plan_framework, plan_scan

from weerbaar.measures import (
    PlanInfeasible,
    PlanProblem,
    PlanRequest,
    UnknownMeasure,
    make_plan,
    problem_from_scan,
)
from weerbaar.scan import score_scan


def test_gaps_are_weak_control_answers_per_process() -> None:
    fw = plan_framework()
    result = score_scan(plan_scan(), fw)
    problem = problem_from_scan(result, fw)
    assert {g.id for g in problem.gaps} == {
        "inkoop:ink-a",
        "inkoop:ink-b",
        "inkoop:alg-a",
        "brp:brp-a",
        "brp:alg-a",
    }
    for process, score in result.processes.items():
        control = {c.question_id: c.points for c in score.contributions if c.kind == "control"}
        for gap in problem.gaps:
            if gap.process == process:
                assert gap.points == control[gap.question]
        assert sum(g.points for g in problem.gaps if g.process == process) <= score.vulnerability
    assert problem.vulnerability == {p: s.vulnerability for p, s in result.processes.items()}


def test_a_measure_addresses_general_questions_only_in_its_own_processes() -> None:
    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan(), fw), fw)
    assert problem.candidate("m-training").gaps == ("inkoop:alg-a", "inkoop:ink-a")
    assert problem.candidate("m-cultuur").gaps == ("brp:alg-a", "inkoop:alg-a")
    assert problem.candidate("m-bibob").gaps == ("inkoop:ink-a",)


def test_prerequisites_become_candidates_and_unrelated_measures_do_not() -> None:
    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan(), fw), fw)
    ids = {c.id for c in problem.candidates}
    assert "m-basis" in ids and problem.candidate("m-basis").gaps == ()
    assert "m-los" not in ids


def test_strong_answers_are_no_gap() -> None:
    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan({"ink-b": 3}), fw), fw)
    ids = {c.id for c in problem.candidates}
    assert "inkoop:ink-b" not in {g.id for g in problem.gaps}
    assert "m-register" not in ids and "m-basis" not in ids


def test_measures_in_place_are_no_candidates_and_satisfy_prerequisites() -> None:
    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan(), fw), fw, in_place=["m-basis"])
    assert "m-basis" not in {c.id for c in problem.candidates}
    plan = make_plan(problem, PlanRequest(hours=400, budget_eur=20000, mandatory=("m-register",)))
    assert "m-register" in {c.id for c in plan.chosen}
    with pytest.raises(ValueError, match="m-onbekend"):
        problem_from_scan(score_scan(plan_scan(), fw), fw, in_place=["m-onbekend"])


def test_plan_for_the_scan_reduces_vulnerability() -> None:
    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan(), fw), fw)
    request = PlanRequest(
        hours=80, budget_eur=4000, partners=frozenset({"riec"}), mandatory=("m-register",)
    )
    plan = make_plan(problem, request)
    assert plan.chosen
    assert all(plan.after[p] < plan.before[p] for p in ("inkoop", "brp"))
    reasons = {c.id: c.reason for c in plan.chosen}
    quarter = {c.id: c.quarter for c in plan.chosen}
    assert quarter["m-basis"] <= quarter["m-register"]
    assert reasons["m-register"].code == "mandatory"
    assert reasons["m-basis"].code == "prerequisite_for" and "m-register" in reasons["m-basis"].nl
    valued = [r for r in reasons.values() if r.code == "value"]
    assert valued and all("per uur" in r.nl for r in valued)
    # the weak answer is named by its question's short title, never by its id (issue 14)
    assert all("zwak antwoord bij ‘Kort " in r.nl and ".q" not in r.nl for r in valued)
    assert all("weak answer on ‘Short " in r.en for r in valued)


def test_plan_for_the_demo_scan_uses_the_real_catalogue() -> None:
    from pathlib import Path

    from plan_checks import violations

    import weerbaar.demo
    from weerbaar.knowledge import load_framework
    from weerbaar.scan.io import load_scan

    path = Path(weerbaar.demo.__file__).parent / "data" / "voorbeeld-2026.json"
    fw = load_framework()
    result = score_scan(load_scan(path, fw), fw)
    problem = problem_from_scan(result, fw)
    assert len(problem.candidates) >= 10
    request = PlanRequest(
        hours=300, budget_eur=15000, hours_per_quarter=120, partners=frozenset({"riec"})
    )
    plan = make_plan(problem, request)
    starts = {c.id: c.quarter for c in plan.chosen}
    assert violations(problem, request, starts) == []
    for chosen in plan.chosen:
        assert chosen.id in fw.measures
        assert chosen.reason.code in {"value", "prerequisite_for"}
    assert plan.objective >= plan.greedy_objective - 1e-6
    assert sum(plan.after.values()) < sum(plan.before.values())


def test_ranked_candidates_carry_reduction_per_process() -> None:
    from weerbaar.measures import rank_candidates

    fw = plan_framework()
    problem = problem_from_scan(score_scan(plan_scan(), fw), fw)
    request = PlanRequest(hours=100, budget_eur=100, quarters=4, partners=frozenset({"riec"}))
    ranked = rank_candidates(problem, request)
    assert [r.value for r in ranked] == sorted((r.value for r in ranked), reverse=True)
    by_id = {r.id: r for r in ranked}
    assert set(by_id["m-cultuur"].reduction) == {"inkoop", "brp"}
    assert set(by_id["m-training"].reduction) == {"inkoop"}
    assert by_id["m-basis"].reduction == {} and by_id["m-basis"].value == 0
    # m-adres is shared with the RIEC: half of 20 intro hours + 3/4 of 8 running hours
    assert by_id["m-adres"].hours == 13 and by_id["m-adres"].cost_eur == 500
    gap = next(g for g in problem.gaps if g.id == "brp:brp-a")
    assert by_id["m-adres"].reduction["brp"] == pytest.approx(gap.points * (1 - 0.75**2), abs=1e-4)


def scan_problem(**options: object) -> PlanProblem:
    fw = plan_framework()
    return problem_from_scan(score_scan(plan_scan(), fw), fw, **options)  # type: ignore[arg-type]


def test_excluding_a_known_measure_that_is_no_candidate_has_no_effect() -> None:
    """A standard exclusion list is reused across municipalities: m-los is in the knowledge
    base but addresses no weak answer of this scan."""
    request = PlanRequest(hours=60, budget_eur=4000)
    plain = make_plan(scan_problem(), request)
    excluded = make_plan(scan_problem(), request.model_copy(update={"excluded": ("m-los",)}))
    assert [(c.id, c.quarter) for c in excluded.chosen] == [(c.id, c.quarter) for c in plain.chosen]
    assert excluded.objective == plain.objective
    assert "m-los" not in {r.id for r in excluded.rejected}


@pytest.mark.parametrize("field", ["mandatory", "excluded"])
def test_an_id_the_knowledge_base_does_not_know_is_refused_in_both_languages(field: str) -> None:
    request = PlanRequest.model_validate({"hours": 60, "budget_eur": 4000, field: ["m-onbekend"]})
    with pytest.raises(UnknownMeasure) as caught:
        make_plan(scan_problem(mandatory=request.mandatory), request)
    assert caught.value.field == field
    assert "m-onbekend" in caught.value.nl and "kennisbank" in caught.value.nl
    assert "m-onbekend" in caught.value.en and "knowledge base" in caught.value.en


def test_a_mandatory_measure_without_weak_answers_enters_the_plan_and_takes_its_share() -> None:
    problem = scan_problem(mandatory=["m-los"])
    assert problem.candidate("m-los").gaps == ()
    request = PlanRequest(hours=60, budget_eur=4000, mandatory=("m-los",))
    plan = make_plan(problem, request)
    chosen = {c.id: c for c in plan.chosen}
    assert "m-los" in chosen
    assert chosen["m-los"].value == 0 and chosen["m-los"].cost_eur == 1000
    reason = chosen["m-los"].reason
    assert reason.code == "mandatory"
    assert "geen zwak antwoord" in reason.nl and "no weak answer" in reason.en
    # its hours and budget are reserved: the rest of the plan gets what is left
    assert plan.total_cost_eur <= 4000 and plan.total_hours <= 60 + 1e-6
    others = sum(c.cost_eur for c in plan.chosen if c.id != "m-los")
    assert others <= 3000
    without = make_plan(scan_problem(), PlanRequest(hours=60, budget_eur=4000))
    assert plan.objective <= without.objective


def test_a_mandatory_measure_brings_its_prerequisite_unless_it_is_in_place() -> None:
    request = PlanRequest(hours=100, budget_eur=4000, mandatory=("m-vervolg",))
    plan = make_plan(scan_problem(mandatory=["m-vervolg"]), request)
    chosen = {c.id: c for c in plan.chosen}
    assert chosen["m-los"].quarter <= chosen["m-vervolg"].quarter
    assert chosen["m-los"].reason.code == "prerequisite_for"
    assert "m-vervolg" in chosen["m-los"].reason.nl
    assert chosen["m-vervolg"].reason.code == "mandatory"
    in_place = scan_problem(mandatory=["m-vervolg"], in_place=["m-los"])
    assert "m-los" not in {c.id for c in in_place.candidates}
    chosen_ids = {c.id for c in make_plan(in_place, request).chosen}
    assert "m-vervolg" in chosen_ids and "m-los" not in chosen_ids


@pytest.mark.parametrize(
    ("hours", "budget", "constraint", "amount"),
    [(60, 400, "budget", "€ 1.000"), (5, 4000, "hours", "20 uur")],
)
def test_a_mandatory_measure_without_weak_answers_that_does_not_fit_is_named(
    hours: float, budget: float, constraint: str, amount: str
) -> None:
    request = PlanRequest(hours=hours, budget_eur=budget, mandatory=("m-los",))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(scan_problem(mandatory=["m-los"]), request)
    assert caught.value.constraint == constraint
    assert "m-los" in caught.value.nl and "m-los" in caught.value.en
    assert amount in caught.value.nl


def test_a_mandatory_measure_already_in_place_is_a_named_conflict() -> None:
    request = PlanRequest(hours=60, budget_eur=4000, mandatory=("m-basis",))
    with pytest.raises(PlanInfeasible) as caught:
        make_plan(scan_problem(mandatory=["m-basis"], in_place=["m-basis"]), request)
    assert caught.value.constraint == "mandatory"
    assert "m-basis" in caught.value.nl and "in place" in caught.value.en
