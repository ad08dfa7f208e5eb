"""Explanations name processes, circumstances and questions by their names (issue 14).

The dashboard showed "financien: kwetsbaarheid 37,2 = 100 × tekort…", "Beheersing (werkwijze)"
and "Respondenten verschillen sterk over algemeen.q05": ids and a formula where a reader
expects words.
"""

from __future__ import annotations

import re

from weerbaar.demo.scans import demo_scans
from weerbaar.knowledge import load_framework
from weerbaar.scan import score_scan


def test_every_question_has_a_short_title_in_both_languages() -> None:
    framework = load_framework()
    titles = [q.short.nl for q in framework.questions.values()]
    assert len(set(titles)) == len(titles), "two questions share a short title"
    for question in framework.questions.values():
        assert 3 <= len(question.short.nl) <= 50 and 3 <= len(question.short.en) <= 50
        assert question.id not in question.short.nl


def test_explanations_use_names_not_ids() -> None:
    framework = load_framework()
    result = score_scan(demo_scans(framework)["2026"], framework)
    for pid, score in result.processes.items():
        name = framework.processes[pid].name
        assert score.explanation.nl.startswith(f"{name.nl}: kwetsbaarheid ")
        assert score.explanation.en.startswith(f"{name.en}: vulnerability ")
        assert "×" not in score.explanation.nl and "=" not in score.explanation.nl
        texts = [score.explanation.nl, *(c.explanation.nl for c in score.contributions)]
        for text in texts:
            assert not re.search(r"\b[a-z]+\.q\d\d\b", text), text  # no question id
            assert not text.startswith(f"{pid}:"), text  # no process id


def test_a_disagreement_names_the_question_by_its_short_title() -> None:
    framework = load_framework()
    result = score_scan(demo_scans(framework)["2025"], framework)
    assert result.disagreements
    for item in result.disagreements:
        short = framework.questions[item.question_id].short
        assert (
            f"‘{short.nl}’" in item.explanation.nl and item.question_id not in item.explanation.nl
        )
        assert f"‘{short.en}’" in item.explanation.en
