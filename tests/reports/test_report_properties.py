"""Properties of the report over generated answers to the demo scan's questions."""

from __future__ import annotations

from html import escape
from io import BytesIO

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from weerbaar.reports import build_report, render
from weerbaar.scan import Scan, score_scan
from weerbaar.scan.profile import resolve_framework


@st.composite
def answered(draw: st.DrawFn, scan: Scan) -> Scan:
    """The scan with every answer replaced by a level of its scale or "weet niet"."""
    framework = resolve_framework(scan.framework_version)
    answers = []
    for answer in scan.answers:
        top = framework.scales[framework.questions[answer.question_id].scale].max_value
        value = draw(st.one_of(st.none(), st.integers(0, top)))
        answers.append(answer.model_copy(update={"value": value}))
    return scan.model_copy(update={"answers": answers})


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_report_follows_the_scores_for_any_answers(data: st.DataObject, scan_2026: Scan) -> None:
    scan = data.draw(answered(scan_2026))
    lang = data.draw(st.sampled_from(["nl", "en"]))
    result = score_scan(scan)
    report = build_report(scan, lang=lang)
    assert [p.id for p in report.processes] == list(result.processes)
    assert report.summary.overall == result.overall
    for section in report.processes:
        assert section.vulnerability == result.processes[section.id].vulnerability
        assert all(w.weakness >= 0.5 for w in section.weak)
    for row in report.answers:
        assert sum(row.distribution.values()) + row.dont_know == row.answers
    html = render(report, "html").decode("utf-8")
    for section in report.processes:
        assert escape(section.name) in html
    book = load_workbook(BytesIO(render(report, "xlsx")))
    answers_sheet = book["Answers" if lang == "en" else "Antwoorden"]
    assert answers_sheet.max_row == len(report.answers) + 1
