"""The results dashboard: core scores, heatmap with table alternative, trend, explanations."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ui_helpers import SCORED, add_respondent, answer_all, make_scan

from weerbaar.web.results.heatmap import CLASS_BOUNDS, Heatmap, colour_class, render_svg
from weerbaar.web.results.services import score


@pytest.fixture
def viewer(world: Any, client_for: Any) -> Any:
    return client_for(world.user(SCORED, "viewer"))


def dashboard(client: Any, scan: Any) -> str:
    response = client.get(f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/resultaten/")
    assert response.status_code == 200
    return str(response.content.decode())


def test_dashboard_shows_core_scores_heatmap_and_table(world: Any, viewer: Any) -> None:
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=0)
    result = score(scan)
    html = dashboard(viewer, scan)
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="wb-heatmap"' in html
    assert 'role="img"' in html
    assert html.count("<rect ") == sum(1 for _ in result.processes) * len(
        re.findall(
            r'<th class="utrecht-table__header-cell" scope="col">',
            html.split("De heatmap als tabel")[1].split("</thead>")[0],
        )
    ) - len(result.processes)
    top = result.top[0]
    assert f"{top.vulnerability:.1f}".replace(".", ",") in html
    assert "Uitleg bij" in html
    first = next(iter(result.processes.values()))
    assert first.explanation.nl.split(":")[0] in html


def test_trend_against_the_previous_scan(world: Any, viewer: Any) -> None:
    municipality = world.municipalities[SCORED]
    old = make_scan(municipality, title="Vorig jaar", date=dt.date(2025, 10, 1))
    answer_all(old, value=0)
    new = make_scan(municipality, title="Dit jaar", date=dt.date(2026, 10, 1))
    answer_all(new, value=2)
    html = dashboard(viewer, new)
    assert "Vergeleken met Vorig jaar" in html
    assert "t.o.v. vorige scan" in html
    assert "Er is geen eerdere scan" in dashboard(viewer, old)


def test_survey_without_respondents_explains_there_are_no_results(world: Any, viewer: Any) -> None:
    scan = make_scan(world.municipalities[SCORED], mode="survey")
    html = dashboard(viewer, scan)
    assert "Er zijn nog geen resultaten" in html
    assert "<svg" not in html


def test_survey_disagreement_is_listed(world: Any, viewer: Any) -> None:
    scan = make_scan(world.municipalities[SCORED], mode="survey")
    one, _ = add_respondent(scan, "r-een", ["financien"])
    two, _ = add_respondent(scan, "r-twee", ["financien"])
    answer_all(scan, one, value=0)
    answer_all(scan, two, value=3)
    html = dashboard(viewer, scan)
    assert "Respondenten verschillen sterk" in html


@given(st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100))
def test_colour_class_is_monotonic(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert colour_class(low) <= colour_class(high)
    assert 0 <= colour_class(high) <= len(CLASS_BOUNDS)


@given(st.text(min_size=1, max_size=30))
def test_heatmap_labels_are_escaped(label: str) -> None:
    heatmap = Heatmap(rows=[("p", label)], columns=[("c", label)], values={"p": {"c": 1.0}})
    svg = str(render_svg(heatmap, title=label, description=label, decimal_comma=True))
    assert "<script" not in svg
    assert svg.count("<text") == 3
    assert "1,0" in svg


def test_dashboard_is_refused_to_other_municipality(world: Any, client_for: Any) -> None:
    scan = make_scan(world.municipalities[SCORED])
    other = "a" if SCORED == "b" else "b"
    client = client_for(world.user(other, "coordinator"))
    response = client.get(f"/gemeente/{world.code(SCORED)}/scans/{scan.pk}/resultaten/")
    assert response.status_code == 404
    response = client.get(f"/gemeente/{world.code(other)}/scans/{scan.pk}/resultaten/")
    assert response.status_code == 404


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF"), ("xlsx", b"PK")])
def test_management_report_download(world: Any, viewer: Any, fmt: str, magic: bytes) -> None:
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=1)
    html = dashboard(viewer, scan)
    url = f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/rapport/?formaat={fmt}"
    assert url in html
    response = viewer.get(url)
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert "attachment" in response["Content-Disposition"]


def test_report_of_unknown_format_or_other_municipality_is_not_found(
    world: Any, viewer: Any, client_for: Any
) -> None:
    scan = make_scan(world.municipalities[SCORED])
    base = f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/rapport/?formaat="
    assert viewer.get(base + "doc").status_code == 404
    other = "a" if SCORED == "b" else "b"
    stranger = client_for(world.user(other, "viewer"))
    assert stranger.get(base + "pdf").status_code == 404


def test_report_leaves_out_a_plan_that_no_longer_fits_the_scan(world: Any, viewer: Any) -> None:
    """Answers changed after planning: the stored plan's "before" scores are stale. The report
    must still download (without the plan section) instead of failing with a server error."""
    from weerbaar.web.plans.services import create_plan

    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=0)
    create_plan(scan, {"hours": 300, "budget_eur": 20000})
    answer_all(scan, value=3)  # now the plan's "before" no longer matches the scan
    url = f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/rapport/?formaat=xlsx"
    response = viewer.get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"PK")
