"""What the awareness kit shows as evidence on scan questions.

A held dilemma session, completed lessons and pulse results are facts the respondents of a
scan may weigh; they never change an answer. :func:`evidence_by_question` turns those facts
into short lines (Dutch and English) per scan question, using the links in the knowledge base:
a card's, lesson's or pulse statement's ``questions``. Pulse figures appear only where they are
shown at all (k respondents, :mod:`weerbaar.awareness.pulse`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from weerbaar.awareness.pulse import WaveFigures
from weerbaar.knowledge.models import Framework


@dataclass(frozen=True)
class HeldSession:
    title: str
    held_on: dt.date
    participants: int
    card_ids: tuple[str, ...]


@dataclass(frozen=True)
class EvidenceLine:
    nl: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


Evidence = dict[str, list[EvidenceLine]]


def _session_lines(framework: Framework, sessions: list[HeldSession], out: Evidence) -> None:
    for session in sessions:
        cards = [framework.dilemmas[c] for c in session.card_ids if c in framework.dilemmas]
        questions = sorted({q for card in cards for q in card.questions})
        for question in questions:
            titles = [card for card in cards if question in card.questions]
            names_nl = ", ".join(f"'{card.title.nl}'" for card in titles)
            names_en = ", ".join(f"'{card.title.en}'" for card in titles)
            out[question].append(
                EvidenceLine(
                    f"Dilemmasessie '{session.title}' op {session.held_on:%d-%m-%Y} met "
                    f"{session.participants} deelnemers; besproken: {names_nl}.",
                    f"Dilemma session '{session.title}' on {session.held_on:%Y-%m-%d} with "
                    f"{session.participants} participants; discussed: {names_en}.",
                )
            )


def _lesson_lines(framework: Framework, completions: dict[str, int], out: Evidence) -> None:
    for lesson_id, count in completions.items():
        lesson = framework.lessons.get(lesson_id)
        if lesson is None or count < 1:
            continue
        for question in lesson.questions:
            out[question].append(
                EvidenceLine(
                    f"Les '{lesson.title.nl}' {count} keer afgerond (toets van drie vragen goed).",
                    f"Lesson '{lesson.title.en}' completed {count} times (three-question check "
                    "passed).",
                )
            )


def _pulse_lines(framework: Framework, wave: WaveFigures | None, out: Evidence) -> None:
    if framework.pulse is None or wave is None or not wave.shown:
        return
    statements = {s.id: s for s in framework.pulse.statements}
    for fig in wave.figures:
        statement = statements.get(fig.statement)
        if statement is None or not fig.shown:
            continue
        for question in statement.questions:
            out[question].append(
                EvidenceLine(
                    f"Pulsmeting {wave.wave}: {fig.agree_percent}% eens met '{statement.text.nl}' "
                    f"({fig.answers} antwoorden).",
                    f"Pulse {wave.wave}: {fig.agree_percent}% agree with '{statement.text.en}' "
                    f"({fig.answers} answers).",
                )
            )


def evidence_by_question(
    framework: Framework,
    sessions: list[HeldSession],
    completions: dict[str, int],
    latest_wave: WaveFigures | None,
) -> Evidence:
    """Scan question id -> evidence lines from sessions held, lessons completed and the pulse."""
    out: Evidence = defaultdict(list)
    _session_lines(framework, sessions, out)
    _lesson_lines(framework, completions, out)
    _pulse_lines(framework, latest_wave, out)
    return dict(out)
