"""Pulse figures with k-anonymity, lesson grading and evidence lines."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from weerbaar.awareness.evidence import HeldSession, evidence_by_question
from weerbaar.awareness.lessons import grade
from weerbaar.awareness.pulse import K_MIN, figure, trend, wave_figures
from weerbaar.knowledge import load_framework

COUNTS = st.dictionaries(st.integers(1, 5), st.integers(0, 30), max_size=5)


@given(COUNTS)
def test_a_figure_is_shown_only_from_k_answers(counts: dict[int, int]) -> None:
    fig = figure("p", counts)
    answers = sum(counts.values())
    assert fig.answers == answers
    if answers < K_MIN:
        assert fig.mean is None and fig.agree_percent is None and not fig.shown
    else:
        assert fig.mean is not None and 1 <= fig.mean <= 5
        assert fig.agree_percent is not None and 0 <= fig.agree_percent <= 100


def test_a_wave_below_k_respondents_shows_nothing_and_the_trend_has_gaps() -> None:
    statements = ["a", "b"]
    small = wave_figures("2026-K1", 4, {"a": {5: 4}}, statements)
    assert not small.shown and not any(f.shown for f in small.figures)
    large = wave_figures("2026-K2", 8, {"a": {4: 6, 2: 2}, "b": {5: 3}}, statements)
    assert [f.agree_percent for f in large.figures] == [75, None]
    assert trend([small, large], "a") == [("2026-K1", None), ("2026-K2", 75)]


def test_a_lesson_is_passed_only_with_every_answer_right() -> None:
    lesson = load_framework().lessons["les-brp"]
    right = {q.id: q.answer for q in lesson.check}
    assert grade(lesson, right).passed
    one_wrong = dict(right, **{lesson.check[0].id: "z"})
    result = grade(lesson, one_wrong)
    assert not result.passed and result.correct == 2
    assert not grade(lesson, {}).passed


def test_sessions_lessons_and_pulse_become_evidence_on_the_linked_questions() -> None:
    framework = load_framework()
    session = HeldSession("Team Burgerzaken", dt.date(2026, 3, 3), 9, ("rd-bekende-aan-de-balie",))
    wave = wave_figures("2026-K1", 12, {"p-weet-waar": {4: 8, 2: 4}}, ["p-weet-waar"])
    evidence = evidence_by_question(framework, [session], {"les-brp": 3}, wave)
    assert "Team Burgerzaken" in evidence["reisdocumenten.q08"][0].nl
    assert "9 deelnemers" in evidence["reisdocumenten.q08"][0].nl
    assert "3 keer afgerond" in evidence["brp.q07"][0].nl
    assert "67% eens" in evidence["algemeen.q15"][0].nl
    hidden = wave_figures("2026-K1", 3, {"p-weet-waar": {4: 3}}, ["p-weet-waar"])
    assert "algemeen.q15" not in evidence_by_question(framework, [], {}, hidden)
