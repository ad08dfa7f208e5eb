"""The awareness kit of the demo municipality: a held session, a prepared one, lessons, pulse.

Synthetic counts from a fixed seed, so the dashboard panel, the report and the evidence on the
scan have something to show. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from weerbaar.awareness import Event
from weerbaar.web.awareness import sessions
from weerbaar.web.awareness.commplan import seed
from weerbaar.web.awareness.kit import kit_link
from weerbaar.web.awareness.models import (
    DilemmaSession,
    LessonCompletion,
    PulseTally,
    PulseWave,
    Tally,
)
from weerbaar.web.knowledgebase.framework import framework

HELD_CARDS = ["rd-bekende-aan-de-balie", "brp-collega-vraagt-adres", "int-melden-of-niet"]
PREPARED_CARDS = ["fin-iban-wijziging-per-mail", "ink-zwager-schrijft-in", "ver-buurman-wethouder"]
# (label, days ago, respondents, share agreeing per statement): awareness grows over two rounds.
WAVES = (("2026-K2", 150, 14, 0.45), ("2026-K3", 60, 17, 0.6))


def _held_session(municipality: Any, rng: random.Random) -> None:
    session = sessions.create_session(
        municipality, "Team Burgerzaken, voorjaar", "team", HELD_CARDS, None
    )
    session = sessions.apply(session, Event.START)
    for round_ in session.rounds.all():
        for tally in Tally.objects.filter(round=round_):
            tally.count = rng.randint(1, 5)
            tally.save(update_fields=["count"])
        round_.notes = "Afgesproken: bij bekenden altijd een collega laten behandelen."
        round_.save(update_fields=["notes"])
    session.participants = 9
    session.save(update_fields=["participants"])
    for event in (Event.REVEAL, Event.DISCUSS, Event.NEXT, Event.REVEAL, Event.NEXT, Event.REVEAL):
        session = sessions.apply(session, event)
    session = sessions.apply(session, Event.FINISH)
    DilemmaSession.objects.filter(pk=session.pk).update(
        finished_at=timezone.now() - dt.timedelta(days=40)
    )


def _pulse(municipality: Any, rng: random.Random) -> None:
    statements = [s.id for s in framework().pulse.statements] if framework().pulse else []
    for label, days, respondents, agree in WAVES:
        wave = PulseWave.objects.create(
            municipality=municipality,
            label=label,
            respondents=respondents,
            closed_at=timezone.now() - dt.timedelta(days=days - 21),
        )
        PulseWave.objects.filter(pk=wave.pk).update(
            opened_at=timezone.now() - dt.timedelta(days=days)
        )
        for statement in statements:
            counts = {v: 0 for v in range(1, 6)}
            for _ in range(respondents):
                high = rng.random() < agree
                counts[rng.choice((4, 5)) if high else rng.choice((1, 2, 3))] += 1
            PulseTally.objects.bulk_create(
                PulseTally(wave=wave, statement=statement, value=value, count=count)
                for value, count in counts.items()
                if count
            )


def _lessons(municipality: Any, rng: random.Random) -> None:
    departments = kit_link(municipality).departments
    rows = []
    for lesson in framework().lessons.values():
        for department in rng.sample(departments, 3):
            rows.append(
                LessonCompletion(
                    municipality=municipality,
                    lesson_id=lesson.id,
                    department=department,
                    count=rng.randint(1, 6),
                    last_at=timezone.now(),
                )
            )
    LessonCompletion.objects.bulk_create(rows)


def ensure_demo_awareness(municipality: Any) -> str:
    """Fill the demo's awareness kit once; returns the employee link's token."""
    if not DilemmaSession.objects.filter(municipality=municipality).exists():
        rng = random.Random(19)
        _held_session(municipality, rng)
        sessions.create_session(
            municipality, "Managementteam, dilemma's", "management", PREPARED_CARDS, None
        )
        _pulse(municipality, rng)
        _lessons(municipality, rng)
        seed(municipality, "nl")
    return kit_link(municipality).token
