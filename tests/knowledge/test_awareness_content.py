"""The awareness kit's content: dilemma cards, lessons and pulse load, are complete and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from knowledge_helpers import copy_data, edit_yaml, find, problems_of, replace_text

from weerbaar.knowledge import load_framework
from weerbaar.knowledge.awareness import CARD_TOPICS, PULSE_QUESTIONS
from weerbaar.knowledge.models import PROCESS_IDS


def test_at_least_forty_cards_five_per_topic_in_both_languages() -> None:
    framework = load_framework()
    cards = list(framework.dilemmas.values())
    assert len(cards) >= 40
    for topic in CARD_TOPICS:
        assert sum(card.topic == topic for card in cards) >= 5, topic
    for card in cards:
        assert card.process is None or card.process in PROCESS_IDS
        assert card.sources and len(card.discussion) >= 2 and 2 <= len(card.options) <= 4
        for text in (card.title, card.situation, card.question, *card.discussion):
            assert text.nl and text.en and text.nl != text.en, card.id
        for option in card.options:
            assert option.text.nl != option.text.en, (card.id, option.id)


def test_cards_link_to_real_red_flags_measures_and_questions() -> None:
    framework = load_framework()
    flags = {flag.id for flag in framework.red_flags_all()}
    for card in framework.dilemmas.values():
        assert set(card.red_flags) <= flags
        assert set(card.measures) <= set(framework.measures)
        assert card.questions and set(card.questions) <= set(framework.questions)


def test_one_five_minute_lesson_per_process_with_a_three_question_check() -> None:
    framework = load_framework()
    assert [lesson.process for lesson in framework.lessons.values()] == list(PROCESS_IDS)
    for lesson in framework.lessons.values():
        assert lesson.minutes <= 5 and len(lesson.red_flags) == 3 and len(lesson.check) == 3
        words = len(
            " ".join(
                [lesson.what_goes_wrong.nl, lesson.what_to_do.nl, lesson.whom_to_tell.nl]
                + [flag.nl for flag in lesson.red_flags]
            ).split()
        )
        assert words < 5 * 200, f"{lesson.id}: {words} words do not read in five minutes"


def test_the_pulse_has_five_statements_evidencing_scan_questions() -> None:
    pulse = load_framework().pulse
    assert pulse is not None and len(pulse.statements) == PULSE_QUESTIONS
    assert all(statement.questions for statement in pulse.statements)


def _card_file(data: Path) -> Path:
    return data / "awareness" / "dilemmas" / "reisdocumenten.yaml"


def test_a_card_without_sources_or_discussion_is_refused_by_file_and_path(tmp_path: Path) -> None:
    data = copy_data(tmp_path)

    def strip(content: dict) -> None:  # type: ignore[type-arg]
        content["dilemmas"][0]["sources"] = []
        content["dilemmas"][1]["discussion"] = [content["dilemmas"][1]["discussion"][0]]
        content["dilemmas"][2].pop("options")

    edit_yaml(_card_file(data), strip)
    problems = problems_of(data)
    file = "awareness/dilemmas/reisdocumenten.yaml"
    find(problems, file, "dilemmas[0].sources", "at least 1")
    find(problems, file, "dilemmas[1].discussion", "at least 2")
    find(problems, file, "dilemmas[2].options", "Field required")


@pytest.mark.parametrize(
    ("old", "new", "path", "message"),
    [
        ("process: reisdocumenten", "process: paspoorten", "dilemmas[0]", "topic"),
        (
            "function_groups: [balie, burgerzaken]",
            "function_groups: [loket]",
            "dilemmas[0].function_groups[0]",
            "unknown function group 'loket'",
        ),
        (
            "red_flags: [rd-rf-herhaalde-vermissing, rd-rf-zelfde-medewerker]",
            "red_flags: [rd-rf-nergens]",
            "dilemmas[0].red_flags[0]",
            "unknown red flag",
        ),
        (
            "questions: [reisdocumenten.q08, reisdocumenten.q02]",
            "questions: [reisdocumenten.q99]",
            "dilemmas[0].questions[0]",
            "unknown scan question",
        ),
    ],
)
def test_broken_card_references_name_file_path_and_line(
    tmp_path: Path, old: str, new: str, path: str, message: str
) -> None:
    data = copy_data(tmp_path)
    file = "awareness/dilemmas/reisdocumenten.yaml"
    replace_text(data / file, old, new)
    problem = find(problems_of(data), file, path, message)
    assert problem.line is not None


def test_too_few_cards_for_a_topic_and_a_missing_lesson_are_named(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit_yaml(_card_file(data), lambda content: content["dilemmas"].pop())
    (data / "awareness" / "lessons" / "toezicht.yaml").unlink()
    problems = problems_of(data)
    find(problems, "awareness/dilemmas/reisdocumenten.yaml", "dilemmas", "has 4 cards")
    find(problems, "awareness/lessons/toezicht.yaml", "", "missing lesson for process 'toezicht'")


def test_a_lesson_check_answer_must_be_one_of_its_options(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    file = "awareness/lessons/brp.yaml"
    edit_yaml(data / file, lambda content: content["check"][1].update(answer="d"))
    find(problems_of(data), file, "check[1]", "answer 'd' is not one of the options")
