"""Properties of the scoring method that hold for every framework and every scan."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scan_builders import frameworks, scans

from weerbaar.knowledge.models import Framework
from weerbaar.scan import Scan, ScanResult, score_scan

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def framework_and_scan(draw: st.DrawFn, survey: bool | None = None) -> tuple[Framework, Scan]:
    fw = draw(frameworks())
    return fw, draw(scans(fw, survey))


def _replace(scan: Scan, index: int, value: int | None) -> Scan:
    answers = list(scan.answers)
    answers[index] = answers[index].model_copy(update={"value": value})
    return scan.model_copy(update={"answers": answers})


def _pick(draw: st.DrawFn, scan: Scan, fw: Framework, kind: str) -> int | None:
    indexes = [i for i, a in enumerate(scan.answers) if fw.questions[a.question_id].kind == kind]
    return draw(st.sampled_from(indexes)) if indexes else None


def _vulnerabilities(result: ScanResult) -> dict[str, float]:
    return {pid: p.vulnerability for pid, p in result.processes.items()}


@SETTINGS
@given(framework_and_scan())
def test_scores_lie_in_range_and_contributions_add_up_exactly(case: tuple[Framework, Scan]) -> None:
    fw, scan = case
    result = score_scan(scan, fw)
    assert set(result.processes) == set(fw.processes)
    for score in result.processes.values():
        for value in (score.vulnerability, score.exposure, score.resilience, score.confidence):
            assert 0 <= value <= 100
        total = sum(Decimal(str(c.points)) for c in score.contributions)
        assert total == Decimal(str(score.vulnerability))
        assert all(c.points >= 0 for c in score.contributions)
        row = result.heatmap[score.process]
        assert sum(Decimal(str(v)) for v in row.values()) == Decimal(str(score.vulnerability))


@SETTINGS
@given(st.data())
def test_improving_a_control_never_raises_vulnerability(data: st.DataObject) -> None:
    fw, scan = data.draw(framework_and_scan())
    index = _pick(data.draw, scan, fw, "control")
    if index is None:
        return
    answer = scan.answers[index]
    top = fw.scales[fw.questions[answer.question_id].scale].max_value
    current = -1 if answer.value is None else answer.value  # "weet niet" is below every level
    better = data.draw(st.integers(min_value=max(current, 0), max_value=top))
    before = _vulnerabilities(score_scan(scan, fw))
    after = _vulnerabilities(score_scan(_replace(scan, index, better), fw))
    assert all(after[p] <= before[p] for p in before)


@SETTINGS
@given(st.data())
def test_more_exposure_never_lowers_vulnerability(data: st.DataObject) -> None:
    fw, scan = data.draw(framework_and_scan())
    index = _pick(data.draw, scan, fw, "exposure")
    if index is None:
        return
    answer = scan.answers[index]
    scale = fw.scales[fw.questions[answer.question_id].scale]
    if answer.value is None:
        return  # "weet niet" already counts as the highest exposure
    if scale.direction == "exposure":
        higher = data.draw(st.integers(min_value=answer.value, max_value=scale.max_value))
    else:  # an exposure question on a maturity scale: a lower level means more exposure
        higher = data.draw(st.integers(min_value=0, max_value=answer.value))
    before = _vulnerabilities(score_scan(scan, fw))
    after = _vulnerabilities(score_scan(_replace(scan, index, higher), fw))
    assert all(after[p] >= before[p] for p in before)


@SETTINGS
@given(st.data())
def test_respondent_and_answer_order_do_not_matter(data: st.DataObject) -> None:
    fw, scan = data.draw(framework_and_scan(survey=True))
    shuffled = data.draw(st.permutations(scan.answers))
    respondents = data.draw(st.permutations(scan.respondents))
    other = scan.model_copy(update={"answers": shuffled, "respondents": respondents})
    first = score_scan(scan, fw).model_dump()
    assert score_scan(other, fw).model_dump() == first
    assert score_scan(scan, fw).model_dump() == first  # same input, same output


@SETTINGS
@given(st.data())
def test_weet_niet_is_never_better_than_the_worst_answer_and_lowers_confidence(
    data: st.DataObject,
) -> None:
    fw, scan = data.draw(framework_and_scan())
    known = [i for i, a in enumerate(scan.answers) if a.value is not None]
    if not known:
        return
    index = data.draw(st.sampled_from(known))
    question = fw.questions[scan.answers[index].question_id]
    scale = fw.scales[question.scale]
    worst = scale.max_value if scale.direction == "exposure" else 0
    worst_result = score_scan(_replace(scan, index, worst), fw)
    known_result = score_scan(scan, fw)
    unknown_result = score_scan(_replace(scan, index, None), fw)
    for pid, score in unknown_result.processes.items():
        assert score.vulnerability >= worst_result.processes[pid].vulnerability
        counted = any(c.question_id == question.id for c in score.contributions)
        if counted:
            assert score.confidence < known_result.processes[pid].confidence or (
                known_result.processes[pid].confidence == 0
            )
            assert score.dont_know_share > known_result.processes[pid].dont_know_share
