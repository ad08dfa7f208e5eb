"""The report model: content taken from the scan, plan and previous scan; inputs checked."""

from __future__ import annotations

import datetime as dt

import pytest
from report_fixtures import GENERATED

from weerbaar.measures import Plan
from weerbaar.reports import Report, ReportError, build_report
from weerbaar.scan import Scan, score_scan


def test_report_holds_every_scored_process_in_order(report_nl: Report, scan_2026: Scan) -> None:
    result = score_scan(scan_2026)
    assert [p.id for p in report_nl.processes] == list(result.processes)
    for section in report_nl.processes:
        assert section.vulnerability == result.processes[section.id].vulnerability
        assert section.red_flags, section.id


def test_summary_names_the_most_vulnerable_processes(report_nl: Report, scan_2026: Scan) -> None:
    result = score_scan(scan_2026)
    worst = max(result.processes.values(), key=lambda p: p.vulnerability)
    text = " ".join(report_nl.summary.paragraphs)
    assert report_nl.summary.top[0].process == worst.process
    assert report_nl.summary.top[0].name.lower() in text
    assert "Gemeente Voorbeeld" in text
    assert "18 maart 2026" in text
    assert report_nl.meta.generated == GENERATED


def test_plan_section_matches_the_plan(report_nl: Report, plan_2026: Plan) -> None:
    plan = report_nl.plan
    assert plan is not None
    assert [m.id for m in plan.measures] == [c.id for c in plan_2026.chosen]
    assert plan.total_hours == plan_2026.total_hours
    assert plan.hours_by_quarter == plan_2026.hours_by_quarter
    assert {row.process: row.after for row in plan.effect} == plan_2026.after
    assert plan.overall_after <= plan.overall_before
    assert "<svg" in plan.chart_svg


def test_change_section_compares_with_the_previous_scan(
    report_nl: Report, scan_2025: Scan, scan_2026: Scan
) -> None:
    change = report_nl.change
    assert change is not None
    old, new = score_scan(scan_2025), score_scan(scan_2026)
    assert change.previous_date == scan_2025.date
    assert (change.overall_old, change.overall_new) == (old.overall, new.overall)
    for row in change.rows:
        assert row.delta == pytest.approx(row.new - row.old, abs=1e-9)


def test_weak_answers_are_all_kept_largest_first(report_nl: Report) -> None:
    for section in report_nl.processes:
        points = [w.points for w in section.weak]
        assert points == sorted(points, reverse=True)
        assert all(w.weakness >= 0.5 for w in section.weak)


def test_answers_cover_every_counted_question_with_counts(
    report_nl: Report, scan_2026: Scan
) -> None:
    result = score_scan(scan_2026)
    counted = {c.question_id for p in result.processes.values() for c in p.contributions}
    assert {row.question_id for row in report_nl.answers} == counted
    given = {a.question_id for a in scan_2026.answers}
    for row in report_nl.answers:
        assert sum(row.distribution.values()) + row.dont_know == row.answers
        assert (row.answers > 0) == (row.question_id in given)


def test_survey_respondents_are_never_named(scan_2025: Scan) -> None:
    report = build_report(scan_2025, generated=GENERATED)
    dumped = report.model_dump_json()
    assert report.meta.respondents == len(scan_2025.respondents)
    for token in scan_2025.respondents:
        assert token not in dumped


def test_english_report_is_in_english(report_en: Report, report_nl: Report) -> None:
    assert report_en.meta.lang == "en"
    assert report_en.title.startswith("Management report")
    assert "18 March 2026" in report_en.summary.paragraphs[0]
    assert report_en.processes[0].name != report_nl.processes[0].name
    assert report_en.plan is not None and report_nl.plan is not None
    assert [m.id for m in report_en.plan.measures] == [m.id for m in report_nl.plan.measures]


def test_without_plan_or_previous_the_sections_are_absent(scan_2026: Scan) -> None:
    report = build_report(scan_2026, generated=GENERATED)
    assert report.plan is None and report.change is None
    assert len(report.communication) >= 5


def test_communication_plan_reaches_every_level(report_nl: Report) -> None:
    audiences = " ".join(item.audience for item in report_nl.communication).lower()
    for audience in ("college", "raad", "managementteam", "proceseigenaren", "medewerkers"):
        assert audience in audiences
    assert any("Gemeentesecretaris" in item.who for item in report_nl.communication)


def test_sources_are_the_cited_ones(report_nl: Report) -> None:
    ids = [s.id for s in report_nl.sources]
    assert "VJ" in ids
    assert len(ids) == len(set(ids))
    assert all(s.address.startswith("http") for s in report_nl.sources)


def test_unknown_language_is_refused(scan_2026: Scan) -> None:
    with pytest.raises(ReportError, match="lang"):
        build_report(scan_2026, lang="de")


def test_previous_scan_must_be_earlier(scan_2026: Scan, scan_2025: Scan) -> None:
    with pytest.raises(ReportError, match=r"previous\.date"):
        build_report(scan_2025, previous=scan_2026)


def test_previous_scan_must_be_of_the_same_municipality(scan_2026: Scan, scan_2025: Scan) -> None:
    other = scan_2025.model_copy(update={"municipality": "GM0363"})
    with pytest.raises(ReportError, match=r"previous\.municipality"):
        build_report(scan_2026, previous=other)


def test_plan_for_another_scan_is_refused(scan_2025: Scan, plan_2026: Plan) -> None:
    with pytest.raises(ReportError, match="another scan"):
        build_report(scan_2025, plan=plan_2026)


def test_plan_for_another_framework_is_refused(scan_2026: Scan, plan_2026: Plan) -> None:
    plan = plan_2026.model_copy(update={"framework_version": "9.9.9+abc"})
    with pytest.raises(ReportError, match="framework"):
        build_report(scan_2026, plan=plan)


def test_generated_date_defaults_to_today(scan_2026: Scan) -> None:
    assert build_report(scan_2026).meta.generated == dt.date.today()


def test_change_causes_are_signed_like_the_difference_column(report_nl: Report) -> None:
    """A cause reads (+1,5) or (−2,9), as the Verschil column does, not (1,5) or (-2,9)."""
    change = report_nl.change
    assert change is not None
    causes = [cause for row in change.rows for cause in row.causes]
    assert causes
    for cause in causes:
        shown = cause.rsplit("(", 1)[1]
        assert shown[0] in "+−", cause
        assert "-" not in shown and "." not in shown, cause
