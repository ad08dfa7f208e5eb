"""Between database rows and the core scan: nothing is lost or changed on the way."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ui_helpers import SCORED, add_respondent, make_scan

from weerbaar.scan import score_scan
from weerbaar.web.knowledgebase.framework import framework, question_parts
from weerbaar.web.scans.models import Answer, Scan
from weerbaar.web.scans.services import (
    AnswerError,
    AnswerInput,
    import_scan,
    record_answer,
    to_core_scan,
)

QUESTIONS = [q for qs in question_parts().values() for q in qs]


def answer_strategy() -> Any:
    def for_question(index: int) -> Any:
        question = QUESTIONS[index]
        top = framework().scales[question.scale].max_value
        return st.tuples(
            st.just(question.id),
            st.none() | st.integers(min_value=0, max_value=top),
            st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20).map(str.strip),
        )

    indexes = st.lists(
        st.integers(min_value=0, max_value=len(QUESTIONS) - 1), unique=True, max_size=25
    )
    return indexes.flatmap(lambda ix: st.tuples(*[for_question(i) for i in ix]))


PROPERTY = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@PROPERTY
@given(answers=answer_strategy())
def test_workshop_round_trip_through_the_core(world: Any, answers: tuple[Any, ...]) -> None:
    scan = make_scan(world.municipalities[SCORED])
    for qid, value, note in answers:
        record_answer(scan, None, AnswerInput(qid, value, note=note))
    core = to_core_scan(scan)
    assert {(a.question_id, a.value, a.note or "") for a in core.answers} == set(answers)
    score_scan(core)  # the core accepts every stored scan
    copy = import_scan(scan.municipality, core)
    assert to_core_scan(copy).answers == core.answers
    Scan.objects.all().delete()


@PROPERTY
@given(answers=answer_strategy(), again=st.integers(min_value=0, max_value=3))
def test_last_answer_wins(world: Any, answers: tuple[Any, ...], again: int) -> None:
    scan = make_scan(world.municipalities[SCORED])
    for qid, value, _note in answers:
        record_answer(scan, None, AnswerInput(qid, value))
    for qid, _value, _note in answers:
        top = framework().scales[framework().questions[qid].scale].max_value
        record_answer(scan, None, AnswerInput(qid, min(again, top)))
    stored = dict(Answer.objects.filter(scan=scan).values_list("question_id", "value"))
    assert stored == {
        qid: min(again, framework().scales[framework().questions[qid].scale].max_value)
        for qid, _v, _n in answers
    }
    Scan.objects.all().delete()


def test_survey_answers_reach_the_core_under_pseudonymous_tokens(world: Any) -> None:
    scan = make_scan(world.municipalities[SCORED], mode="survey")
    respondent, _ = add_respondent(scan, "Anja de Vries", ["inkoop"])
    question = question_parts(scan.municipality_id)["inkoop"][0]
    record_answer(scan, respondent, AnswerInput(question.id, 2))
    core = to_core_scan(scan)
    assert core.respondents == [f"r{respondent.pk}"]
    assert core.answers[0].respondent == f"r{respondent.pk}"
    assert "Vries" not in core.model_dump_json()


@pytest.mark.parametrize("value", [-1, 4, 99])
def test_values_outside_the_scale_are_refused(world: Any, value: int) -> None:
    scan = make_scan(world.municipalities[SCORED])
    question = QUESTIONS[0]
    with pytest.raises(AnswerError):
        record_answer(scan, None, AnswerInput(question.id, value))
    assert not Answer.objects.exists()


@pytest.mark.parametrize("bad", ["\x00", "a\x1bb", "\x7f"])
def test_control_characters_in_notes_are_refused_before_anything_is_stored(
    world: Any, bad: str
) -> None:
    scan = make_scan(world.municipalities[SCORED])
    qid = QUESTIONS[0].id
    with pytest.raises(AnswerError, match="ongeldig teken"):
        record_answer(scan, None, AnswerInput(qid, 1, note=bad))
    assert not Answer.objects.filter(scan=scan).exists()
    record_answer(scan, None, AnswerInput(qid, 1, note="goed"))
    good = to_core_scan(scan)
    tampered = good.model_copy(
        update={"answers": [good.answers[0].model_copy(update={"evidence": bad})]}
    )
    before = Scan.objects.count()
    with pytest.raises(AnswerError, match="ongeldig teken"):
        import_scan(scan.municipality, tampered)
    assert Scan.objects.count() == before
