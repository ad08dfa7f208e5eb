"""Counting and summing up the awareness kit: completions, pulse waves, the dashboard panel.

Every figure shown is a count or an aggregate; pulse figures go through the core's k-anonymity
(:mod:`weerbaar.awareness.pulse`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from weerbaar.awareness.evidence import Evidence, HeldSession, evidence_by_question
from weerbaar.awareness.pulse import WaveFigures, wave_figures
from weerbaar.awareness.sessions import SessionStatus
from weerbaar.knowledge.awareness import PulseQuestion
from weerbaar.web.awareness.models import (
    DilemmaSession,
    LessonCompletion,
    PulseTally,
    PulseWave,
)
from weerbaar.web.knowledgebase.framework import framework

DEFAULT_DEPARTMENTS = (
    "Burgerzaken",
    "Financiën",
    "Inkoop",
    "Vergunningen",
    "Toezicht en handhaving",
    "Sociaal domein",
    "Informatievoorziening",
    "Bestuursondersteuning",
)


def count_completion(municipality: Any, lesson_id: str, department: str) -> None:
    with transaction.atomic():
        row, _created = LessonCompletion.objects.select_for_update().get_or_create(
            municipality=municipality, lesson_id=lesson_id, department=department
        )
        LessonCompletion.objects.filter(pk=row.pk).update(
            count=F("count") + 1, last_at=timezone.now()
        )


def completions(municipality: Any) -> dict[str, int]:
    rows = LessonCompletion.objects.filter(municipality=municipality).values("lesson_id")
    return {row["lesson_id"]: row["total"] for row in rows.annotate(total=Sum("count"))}


def completion_table(municipality: Any) -> dict[str, Any]:
    """Rows per lesson, columns per department: completion counts (no names exist)."""
    data = LessonCompletion.objects.filter(municipality=municipality)
    departments = sorted({row.department for row in data})
    cells = {(row.lesson_id, row.department): row.count for row in data}
    rows = [
        {
            "lesson": lesson,
            "counts": [cells.get((lesson.id, d), 0) for d in departments],
            "total": sum(cells.get((lesson.id, d), 0) for d in departments),
        }
        for lesson in framework().lessons.values()
    ]
    return {"departments": departments, "rows": rows}


def pulse_answers(post: Any, statements: list[PulseQuestion]) -> dict[str, int]:
    answers = {}
    for statement in statements:
        value = post.get(statement.id, "")
        if value in {"1", "2", "3", "4", "5"}:
            answers[statement.id] = int(value)
    return answers


@transaction.atomic
def count_pulse(wave: PulseWave, answers: dict[str, int]) -> None:
    PulseWave.objects.filter(pk=wave.pk).update(respondents=F("respondents") + 1)
    for statement, value in answers.items():
        try:
            with transaction.atomic():
                PulseTally.objects.create(wave=wave, statement=statement, value=value, count=1)
        except IntegrityError:
            PulseTally.objects.filter(wave=wave, statement=statement, value=value).update(
                count=F("count") + 1
            )


def figures_of(wave: PulseWave) -> WaveFigures:
    pulse = framework().pulse
    statements = [s.id for s in pulse.statements] if pulse else []
    counts: dict[str, dict[int, int]] = {}
    for tally in wave.tallies.all():
        counts.setdefault(tally.statement, {})[tally.value] = tally.count
    return wave_figures(wave.label, wave.respondents, counts, statements)


def pulse_waves(municipality: Any) -> list[WaveFigures]:
    waves = PulseWave.objects.filter(municipality=municipality).prefetch_related("tallies")
    return [figures_of(wave) for wave in waves]


def next_wave_label(municipality: Any) -> str:
    today = timezone.localdate()
    label = f"{today.year}-K{(today.month - 1) // 3 + 1}"
    taken = set(PulseWave.objects.filter(municipality=municipality).values_list("label", flat=True))
    return label if label not in taken else f"{label}-{len(taken) + 1}"


def pulse_action(municipality: Any, post: Any) -> str:
    """Open a new wave (closing the open one) or close the open wave; the message to show."""
    action = post.get("action")
    open_wave = PulseWave.objects.filter(municipality=municipality, closed_at__isnull=True)
    if action == "close":
        open_wave.update(closed_at=timezone.now())
        return _("De pulsmeting is gesloten.")
    if action == "open":
        label = (post.get("label") or next_wave_label(municipality)).strip()[:40]
        if PulseWave.objects.filter(municipality=municipality, label=label).exists():
            return _("Er is al een meting met die naam.")
        open_wave.update(closed_at=timezone.now())
        PulseWave.objects.create(municipality=municipality, label=label)
        return _("De pulsmeting %(label)s staat open.") % {"label": label}
    return _("Onbekende actie.")


def held_sessions(municipality: Any) -> list[HeldSession]:
    done = DilemmaSession.objects.filter(
        municipality=municipality, status=SessionStatus.DONE.value
    ).prefetch_related("rounds")
    return [
        HeldSession(
            s.title,
            timezone.localdate(s.finished_at or s.created_at),
            s.participants,
            tuple(r.card_id for r in s.rounds.all()),
        )
        for s in done
    ]


def latest_shown_wave(waves: list[WaveFigures]) -> WaveFigures | None:
    return next((wave for wave in reversed(waves) if wave.shown), None)


def evidence(municipality: Any) -> Evidence:
    """Scan question -> evidence lines from this municipality's sessions, lessons and pulse."""
    waves = pulse_waves(municipality)
    return evidence_by_question(
        framework(),
        held_sessions(municipality),
        completions(municipality),
        latest_shown_wave(waves),
    )


@dataclass(frozen=True)
class Panel:
    sessions_held: int
    participants: int
    lessons_completed: int
    waves: list[WaveFigures]
    statements: list[PulseQuestion]

    @property
    def trend(self) -> list[dict[str, Any]]:
        """Per statement: the share that agrees per wave (None where suppressed)."""
        rows = []
        for statement in self.statements:
            values = []
            for wave in self.waves:
                fig = next((f for f in wave.figures if f.statement == statement.id), None)
                values.append(fig.agree_percent if fig else None)
            rows.append({"statement": statement, "values": values})
        return rows


def panel(municipality: Any) -> Panel:
    held = held_sessions(municipality)
    pulse = framework().pulse
    return Panel(
        sessions_held=len(held),
        participants=sum(s.participants for s in held),
        lessons_completed=sum(completions(municipality).values()),
        waves=pulse_waves(municipality),
        statements=list(pulse.statements) if pulse else [],
    )
