"""Scoring on small hand-made frameworks: exact numbers, profiles, validation, versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from scan_builders import framework, question

import weerbaar.knowledge
from weerbaar.scan import Answer, Scan, ScanError, Workshop, score_scan, weak_answers


def workshop(answers: dict[str, int | None], code: str = "GM9999", version: str = "1.0.0") -> Scan:
    return Scan(
        municipality=code,
        date=dt.date(2026, 3, 1),
        framework_version=version,
        mode="workshop",
        workshop=Workshop(participants=5, moderator="RIEC Oost-Nederland"),
        answers=[Answer(question_id=q, value=v) for q, v in answers.items()],
    )


FW = framework(
    [
        question("fin-a", "financien", "control", "functies"),
        question("fin-b", "financien", "control", "werkwijze"),
        question("fin-x", "financien", "exposure", "risicolocaties"),
    ]
)


def test_worked_example_is_exact() -> None:
    result = score_scan(workshop({"fin-a": 0, "fin-b": 3, "fin-x": 2}), FW)
    score = result.processes["financien"]
    # G = 1/2, X = 2/3: V = 100 * 1/2 * (1/2 + 1/2 * 2/3) = 41.67
    assert score.vulnerability == 41.7
    assert score.resilience == 50.0
    assert score.exposure == 66.7
    points = {c.question_id: c.points for c in score.contributions}
    # exposure share: 50 * 1/2 * 1/2 * 2/3 = 8.33; controls 33.33, all from the absent control
    assert points == {"fin-a": 33.4, "fin-b": 0.0, "fin-x": 8.3}
    assert score.exposure_points == 8.3 and score.control_points == 33.4
    assert score.confidence == 100.0 and score.dont_know_share == 0
    assert result.heatmap["financien"] == {
        "functies": 33.4,
        "werkwijze": 0.0,
        "risicolocaties": 8.3,
    }
    assert result.top[0].drivers == ["fin-a", "fin-x"]


def test_perfect_controls_score_zero_whatever_the_exposure() -> None:
    score = score_scan(workshop({"fin-a": 3, "fin-b": 3, "fin-x": 3}), FW).processes["financien"]
    assert score.vulnerability == 0 and score.resilience == 100
    assert all(c.points == 0 for c in score.contributions)


def test_weet_niet_and_unanswered_count_as_absent_and_lower_confidence() -> None:
    known = score_scan(workshop({"fin-a": 0, "fin-b": 0, "fin-x": 3}), FW).processes["financien"]
    unknown = score_scan(workshop({"fin-a": None, "fin-x": 3}), FW).processes["financien"]
    assert unknown.vulnerability == known.vulnerability == 100
    assert unknown.confidence == pytest.approx(100 / 3, abs=0.1)
    assert unknown.dont_know_share == pytest.approx(2 / 3, abs=0.001)
    texts = {c.question_id: c.explanation.nl for c in unknown.contributions}
    assert "weet niet" in texts["fin-a"] and "niet beantwoord" in texts["fin-b"]


def test_general_questions_count_for_every_process() -> None:
    fw = framework(
        [
            question("fin-a", "financien"),
            question("ink-a", "inkoop"),
            question("alg-a", None, "control", "cultuur"),
        ]
    )
    result = score_scan(workshop({"fin-a": 3, "ink-a": 3, "alg-a": 0}), fw)
    for pid in ("financien", "inkoop"):
        assert {c.question_id for c in result.processes[pid].contributions} == {
            pid[:3] + "-a",
            "alg-a",
        }
        assert result.processes[pid].vulnerability == 25.0
    assert result.circumstances["cultuur"].weakness == 100
    assert result.circumstances["cultuur"].vulnerability == 25.0


def test_size_class_selects_the_small_profile() -> None:
    fw = framework(
        [
            question("fin-a", "financien", small_weight=3.0),
            question("fin-b", "financien"),
            question("fin-groot", "financien", applies_to=["groot"]),
        ]
    )
    answers = {"fin-a": 0, "fin-b": 3, "fin-groot": 0}
    small = score_scan(workshop(answers), fw)
    large = score_scan(workshop(answers, code="GM0001"), fw)
    assert small.scan.small_profile and small.scan.size_class == "klein"
    assert {c.question_id for c in small.processes["financien"].contributions} == {"fin-a", "fin-b"}
    assert small.processes["financien"].resilience == 25.0  # weights 3 and 1
    assert large.processes["financien"].resilience == pytest.approx(33.3)  # weights 1, 1, 1


def test_survey_disagreement_is_flagged_and_lowers_confidence() -> None:
    scan = Scan(
        municipality="GM9999",
        date=dt.date(2026, 3, 1),
        framework_version="1.0.0",
        mode="survey",
        respondents=["r1", "r2"],
        answers=[
            Answer(question_id="fin-a", value=0, respondent="r1"),
            Answer(question_id="fin-a", value=3, respondent="r2"),
            Answer(question_id="fin-b", value=2, respondent="r1"),
            Answer(question_id="fin-b", value=2, respondent="r2"),
        ],
    )
    result = score_scan(scan, FW)
    assert [d.question_id for d in result.disagreements] == ["fin-a"]
    assert result.disagreements[0].values == {"r1": 0, "r2": 3}
    assert result.disagreements[0].spread == 1.0
    score = result.processes["financien"]
    # fin-a: 1 - 1/3 * 1; fin-b: 1; fin-x unanswered: 0 -> mean (2/3 + 1 + 0) / 3
    assert score.confidence == pytest.approx(500 / 9, abs=1e-4)


def test_weak_answers_lists_weak_controls_with_their_measures() -> None:
    result = score_scan(workshop({"fin-a": 0, "fin-b": 2, "fin-x": 3}), FW)
    weak = weak_answers(result)
    assert [(w.question_id, w.measures) for w in weak] == [("fin-a", ["m-fin-a"])]
    assert {w.question_id for w in weak_answers(result, threshold=0.3)} == {"fin-a", "fin-b"}


def test_every_problem_names_question_and_respondent() -> None:
    scan = Scan(
        municipality="GM9999",
        date=dt.date(2026, 3, 1),
        framework_version="1.0.0",
        mode="survey",
        respondents=["r1"],
        answers=[
            Answer(question_id="nope", value=1, respondent="r1"),
            Answer(question_id="fin-a", value=9, respondent="r1"),
            Answer(question_id="fin-b", value=1, respondent="r9"),
            Answer(question_id="fin-x", value=1, respondent="r1"),
            Answer(question_id="fin-x", value=2, respondent="r1"),
        ],
    )
    with pytest.raises(ScanError) as caught:
        score_scan(scan, FW)
    found = {(p.question_id, p.respondent, p.message.split(" ")[0]) for p in caught.value.problems}
    assert found == {
        ("nope", "r1", "unknown"),
        ("fin-a", "r1", "value"),
        ("fin-b", "r9", "respondent"),
        ("fin-x", "r1", "duplicate"),
    }
    assert "question fin-a, respondent r1" in str(caught.value)


def test_unknown_municipality_is_an_error() -> None:
    with pytest.raises(ScanError, match="GM0002"):
        score_scan(workshop({"fin-a": 1}, code="GM0002"), FW)


def test_a_scan_scores_against_its_own_older_framework_version(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = framework([question("fin-oud", "financien")], version="0.9.0")
    new = framework(
        [question("fin-a", "financien"), question("fin-b", "financien")], version="1.0.0"
    )
    versions = {"0.9.0": old, "1.0.0": new}
    monkeypatch.setattr(
        weerbaar.knowledge, "framework_for_version", lambda v: versions[v.split("+")[0]]
    )
    result = score_scan(workshop({"fin-oud": 1}, version="0.9.0"))
    assert result.scan.framework_version == "0.9.0"
    assert [c.question_id for c in result.processes["financien"].contributions] == ["fin-oud"]
    assert result.processes["financien"].vulnerability == pytest.approx(100 * 2 / 3 / 2, abs=0.05)
    with pytest.raises(ScanError, match=r"0\.9\.0"):
        score_scan(workshop({"fin-oud": 1}, version="0.9.0"), new)


def test_points_sum_exactly_when_rounding_is_awkward() -> None:
    fw = framework(
        [question(f"fin-{i}", "financien", weight=w) for i, w in enumerate([1, 1, 1, 2, 5])]
    )
    result = score_scan(workshop({"fin-0": 1, "fin-1": 2, "fin-2": 0, "fin-3": 1, "fin-4": 2}), fw)
    score = result.processes["financien"]
    assert sum(Decimal(str(c.points)) for c in score.contributions) == Decimal(
        str(score.vulnerability)
    )


def test_one_more_weet_niet_lowers_confidence_even_in_a_large_survey() -> None:
    """Review finding: with one decimal, one respondent in a large survey switching to "weet
    niet" left the reported confidence and "weet niet" share unchanged."""
    tokens = [f"r{i}" for i in range(1000)]
    answers = [
        Answer(question_id=qid, value=2, respondent=token)
        for qid in ("fin-a", "fin-b", "fin-x")
        for token in tokens
    ]
    scan = Scan(
        municipality="GM9999",
        date=dt.date(2026, 1, 1),
        framework_version=FW.version,
        mode="survey",
        respondents=tokens,
        answers=answers,
    )
    before = score_scan(scan, FW)
    changed = [answers[0].model_copy(update={"value": None}), *answers[1:]]
    after = score_scan(scan.model_copy(update={"answers": changed}), FW)
    for pid in before.processes:
        if pid == "financien":
            assert after.processes[pid].confidence < before.processes[pid].confidence
            assert after.processes[pid].dont_know_share > before.processes[pid].dont_know_share
    assert after.confidence < before.confidence


def test_disagreement_of_a_large_survey_is_exact_and_quick() -> None:
    """Review finding: the pairwise differences were summed pair by pair in fractions, so a
    survey of 500 respondents took 17 s to score (and 2,500 respondents minutes)."""
    import itertools
    import random
    import time
    from fractions import Fraction

    from weerbaar.scan.scoring import question_stats

    small = [0, 3, None, 2, 2, 1, 3]
    stats = question_stats(small, 3, False)
    known = [v for v in small if v is not None]
    pairs = list(itertools.combinations(known, 2))
    expected = sum(Fraction(abs(a - b), 3) for a, b in pairs) / len(pairs)
    assert stats.known_difference == expected
    assert stats.confidence == 1 - Fraction(1, 7) - Fraction(1, 3) * expected * len(pairs) / 21
    rng = random.Random(1)
    values = [rng.choice([0, 1, 2, 3, None]) for _ in range(4000)]
    started = time.perf_counter()
    question_stats(values, 3, False)
    assert time.perf_counter() - started < 1.0
