"""Reports on scans unlike the demo: an empty plan, a scan with no vulnerability at all.

The summary must not present an empty plan as a plan (nothing to adopt, no expected fall) nor
name "most vulnerable" processes and "main causes" when every score is 0.
"""

from __future__ import annotations

import pytest
from report_fixtures import GENERATED

from weerbaar.measures import Plan, PlanRequest, make_plan, problem_from_scan
from weerbaar.reports import Report, build_report
from weerbaar.scan import Answer, Scan, score_scan
from weerbaar.scan.profile import resolve_framework


def _answered(scan: Scan, strong: bool) -> Scan:
    """Every question at its strongest (or weakest) level."""
    framework = resolve_framework(scan.framework_version)
    answers = []
    for question in framework.questions.values():
        scale = framework.scales[question.scale]
        exposure = scale.direction == "exposure"
        value = (
            (0 if exposure else scale.max_value) if strong else (scale.max_value if exposure else 0)
        )
        answers.append(Answer(question_id=question.id, value=value))
    return scan.model_copy(update={"answers": answers})


def _plan(scan: Scan, hours: float, budget: float) -> Plan:
    framework = resolve_framework(scan.framework_version)
    problem = problem_from_scan(score_scan(scan, framework), framework)
    request = PlanRequest(hours=hours, budget_eur=budget)
    return make_plan(problem, request, framework_version=framework.version)


def _report(scan: Scan, plan: Plan, lang: str) -> Report:
    return build_report(scan, plan=plan, lang=lang, generated=GENERATED)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_without_measures_is_not_presented_as_a_plan(scan_2026: Scan, lang: str) -> None:
    weakest = _answered(scan_2026, strong=False)
    plan = _plan(weakest, hours=0, budget=0)
    assert plan.chosen == [] and plan.rejected
    report = _report(weakest, plan, lang)
    text = " ".join(report.summary.paragraphs)
    asks = " ".join(report.summary.asks)
    assert "0 maatregelen" not in text and "0 measures" not in text
    assert "daalt" not in text and "fall from" not in text
    assert "stelt het actieplan vast" not in asks and "adopts the action plan" not in asks
    expected = {"nl": "past geen enkele maatregel", "en": "not a single measure fits"}[lang]
    assert expected in text and expected in asks


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_scan_without_vulnerability_names_no_worst_process_or_cause(
    scan_2026: Scan, lang: str
) -> None:
    strongest = _answered(scan_2026, strong=True)
    assert score_scan(strongest).overall == 0
    plan = _plan(strongest, hours=400, budget=25_000)
    assert plan.chosen == [] and not plan.rejected
    report = _report(strongest, plan, lang)
    text = " ".join(report.summary.paragraphs)
    asks = " ".join(report.summary.asks)
    assert "meest kwetsbaar" not in text and "Most vulnerable" not in text
    assert "komt vooral voort uit" not in text and "comes mainly from" not in text
    assert "daalt" not in text and "fall from" not in text
    assert "actieplan vast" not in asks and "adopts the action plan" not in asks
    expected = {"nl": "Geen proces is kwetsbaar", "en": "No process is vulnerable"}[lang]
    assert expected in text
    assert {"nl": "geen maatregelen nodig", "en": "no measures are needed"}[lang] in text


def test_a_plan_that_lowers_nothing_does_not_promise_a_fall(scan_2026: Scan) -> None:
    plan = _plan(scan_2026, hours=400, budget=20_000)
    frozen = plan.model_copy(update={"after": plan.before})
    text = " ".join(_report(scan_2026, frozen, "nl").summary.paragraphs)
    assert "daalt" not in text and "blijft naar verwachting" in text
