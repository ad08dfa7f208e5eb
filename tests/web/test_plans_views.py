"""Action plans: the optimiser form, infeasible requests, accepting and following up."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.html import escape
from ui_helpers import SCORED, answer_all, make_scan

from weerbaar.web.plans.models import Action, ActionStatus, Plan
from weerbaar.web.plans.services import core_plan, problem_for
from weerbaar.web.scans.models import Scan


@pytest.fixture
def scan(world: Any) -> Scan:
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=0)
    return scan


@pytest.fixture
def coordinator(world: Any, client_for: Any) -> Any:
    return client_for(world.user(SCORED, "coordinator"))


def plan_url(scan: Scan) -> str:
    return f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/actieplan/"


def test_plan_is_made_by_the_core_and_stored(scan: Scan, coordinator: Any) -> None:
    response = coordinator.post(
        plan_url(scan), {"hours": "300", "budget_eur": "15000", "quarters": "4",
                         "partners": ["riec"]}
    )  # fmt: skip
    plan = Plan.objects.get(scan=scan)
    assert response.status_code == 302
    assert response["Location"] == f"/gemeente/{scan.municipality_id}/actieplannen/{plan.pk}/"
    result = core_plan(plan)
    assert result.request.hours == 300
    assert result.request.partners == frozenset({"riec"})
    assert result.total_hours <= 300 + 1e-6
    assert result.total_cost_eur <= 15000 + 1e-6
    html = coordinator.get(response["Location"]).content.decode()
    assert "Gekozen maatregelen" in html
    assert "Niet gekozen" in html
    for chosen in result.chosen:
        assert escape(chosen.reason.nl) in html


def test_infeasible_request_shows_the_core_message(scan: Scan, coordinator: Any) -> None:
    problem = problem_for(scan)
    expensive = max(problem.candidates, key=lambda c: c.cost_eur + c.intro_hours)
    response = coordinator.post(
        plan_url(scan),
        {"hours": "0", "budget_eur": "0", "quarters": "4", "mandatory": [expensive.id]},
    )
    assert response.status_code == 400
    assert "Met deze invoer is geen plan mogelijk" in response.content.decode()
    assert not Plan.objects.exists()


def test_mandatory_and_excluded_at_once_is_a_form_error(scan: Scan, coordinator: Any) -> None:
    measure = problem_for(scan).candidates[0].id
    response = coordinator.post(
        plan_url(scan),
        {"hours": "100", "budget_eur": "100", "quarters": "4", "mandatory": [measure],
         "excluded": [measure]},
    )  # fmt: skip
    assert response.status_code == 400
    assert "tegelijk verplicht en uitgesloten" in response.content.decode()


def test_accept_turns_chosen_measures_into_actions(scan: Scan, coordinator: Any) -> None:
    coordinator.post(plan_url(scan), {"hours": "400", "budget_eur": "20000", "quarters": "4"})
    plan = Plan.objects.get()
    base = f"/gemeente/{scan.municipality_id}/actieplannen/{plan.pk}/"
    coordinator.post(base + "vaststellen/")
    coordinator.post(base + "vaststellen/")  # idempotent
    chosen = core_plan(plan).chosen
    actions = Action.objects.filter(plan=plan)
    assert sorted(a.measure_id for a in actions) == sorted(c.id for c in chosen)
    assert {a.measure_id: a.due_quarter for a in actions} == {c.id: c.quarter for c in chosen}
    action = actions.first()
    assert action is not None
    prefix = f"a{action.pk}"
    response = coordinator.post(
        f"/gemeente/{scan.municipality_id}/acties/{action.pk}/",
        {f"{prefix}-owner": "Teamleider inkoop", f"{prefix}-due_quarter": "2",
         f"{prefix}-status": "done", f"{prefix}-evidence": "Besluit B&W 12-3"},
    )  # fmt: skip
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.owner, action.status, action.due_quarter) == (
        "Teamleider inkoop", ActionStatus.DONE, 2
    )  # fmt: skip
    html = coordinator.get(
        f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/resultaten/"
    ).content.decode()
    assert f"1 van {len(chosen)} acties gereed" in html


def test_action_due_quarter_outside_the_plan_is_refused(scan: Scan, coordinator: Any) -> None:
    coordinator.post(plan_url(scan), {"hours": "400", "budget_eur": "20000", "quarters": "4"})
    plan = Plan.objects.get()
    coordinator.post(f"/gemeente/{scan.municipality_id}/actieplannen/{plan.pk}/vaststellen/")
    action = Action.objects.filter(plan=plan).first()
    assert action is not None
    prefix = f"a{action.pk}"
    coordinator.post(
        f"/gemeente/{scan.municipality_id}/acties/{action.pk}/",
        {f"{prefix}-due_quarter": "9", f"{prefix}-status": "done"},
    )
    action.refresh_from_db()
    assert action.status == ActionStatus.TODO


def test_viewer_sees_the_plan_but_cannot_change_it(
    scan: Scan, coordinator: Any, world: Any, client_for: Any
) -> None:
    coordinator.post(plan_url(scan), {"hours": "400", "budget_eur": "20000", "quarters": "4"})
    plan = Plan.objects.get()
    viewer = client_for(world.user(SCORED, "viewer"))
    base = f"/gemeente/{scan.municipality_id}/actieplannen/{plan.pk}/"
    assert viewer.get(base).status_code == 200
    assert "Plan vaststellen" not in viewer.get(base).content.decode()
    assert viewer.post(base + "vaststellen/").status_code == 403
    assert viewer.get(plan_url(scan)).status_code == 403
    assert not Action.objects.exists()


def test_scan_without_weak_answers_needs_no_plan(world: Any, coordinator: Any) -> None:
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=3)
    response = coordinator.get(plan_url(scan))
    assert response.status_code == 302
    assert response["Location"].endswith("/resultaten/")


def greedy_short_plan() -> Any:
    """A core plan where greedy misses the theme minimum (see tests/measures)."""
    from weerbaar.measures import Candidate, Gap, PlanProblem, PlanRequest, make_plan

    problem = PlanProblem(
        gaps=(Gap(id="ga", process="inkoop", points=40), Gap(id="gb", process="inkoop", points=30)),
        candidates=(
            Candidate(id="a", theme="kennis", effect="hoog", intro_hours=10, cost_eur=60,
                      gaps=("ga",)),
            Candidate(id="b", theme="kennis", effect="hoog", intro_hours=10, cost_eur=50,
                      gaps=("gb",)),
            Candidate(id="c", theme="kennis", effect="laag", intro_hours=10, cost_eur=50),
        ),
        vulnerability={"inkoop": 100.0},
    )  # fmt: skip
    request = PlanRequest(hours=100, budget_eur=100, quarters=1, min_theme={"kennis": 2})
    return make_plan(problem, request)


def test_plan_page_says_when_greedy_found_no_plan(scan: Scan, coordinator: Any) -> None:
    from weerbaar.measures import plan_to_json

    core = greedy_short_plan()
    assert not core.greedy_feasible
    plan = Plan.objects.create(
        scan=scan, parameters=core.request.model_dump(mode="json"), result=plan_to_json(core)
    )
    html = coordinator.get(f"/gemeente/{scan.municipality_id}/actieplannen/{plan.pk}/")
    text = " ".join(html.content.decode().split())
    assert "levert hier geen plan op dat aan de eisen voldoet" in text
    assert "punten meer dan steeds" not in text
    assert '<td class="utrecht-table__cell">–</td> </tr>' in text


@pytest.mark.parametrize("field", ["hours", "budget_eur", "hours_per_quarter"])
def test_form_refuses_non_finite_numbers(scan: Scan, coordinator: Any, field: str) -> None:
    data = {"hours": "100", "budget_eur": "1000", "quarters": "4", field: "inf"}
    response = coordinator.post(plan_url(scan), data)
    assert response.status_code == 400
    assert not Plan.objects.exists()


def test_plan_totals_are_grouped_the_dutch_way(scan: Scan, coordinator: Any) -> None:
    """Thousands are grouped with a point on Dutch pages (€ 15.000, as the reasons write it)."""
    response = coordinator.post(
        plan_url(scan), {"hours": "5000", "budget_eur": "1000000", "quarters": "4"}
    )
    result = core_plan(Plan.objects.get(scan=scan))
    assert result.total_hours >= 1000 and result.total_cost_eur >= 1000
    html = coordinator.get(response["Location"], HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    hours = f"{round(result.total_hours):,}".replace(",", ".")
    cost = f"{round(result.total_cost_eur):,}".replace(",", ".")
    assert f"{hours} uur en € {cost} in totaal" in html


def test_plan_input_is_written_as_the_page_language_writes_it(scan: Scan, coordinator: Any) -> None:
    """Hours typed as 12,5 are shown as 12,5 on a Dutch page (not 12.5), 12.5 in English."""
    response = coordinator.post(
        plan_url(scan),
        {"hours": "1212,5", "budget_eur": "20000", "quarters": "4", "hours_per_quarter": "7,5"},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    dutch = coordinator.get(response["Location"], HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "<dt>Uren</dt><dd>1.212,5</dd>" in dutch
    assert "<dt>Uren per kwartaal</dt><dd>7,5</dd>" in dutch
    assert "<dt>Budget</dt><dd>€ 20.000</dd>" in dutch
    english = coordinator.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dt>Hours</dt><dd>1,212.5</dd>" in english
    assert "<dt>Budget</dt><dd>€20,000</dd>" in english
