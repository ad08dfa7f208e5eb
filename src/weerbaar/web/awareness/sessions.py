"""Dilemma sessions in the database: create, move through the core's state table, vote, show.

Every piece of state lives in the database (no process memory), so the live view works with
any number of server processes and threads: the facilitator's screen and the participants'
phones poll :func:`screen_state` / :func:`participant_state`. A vote is one conditional
``UPDATE ... SET count = count + 1`` that only succeeds while the card it names is open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from weerbaar.awareness import (
    Distribution,
    Event,
    Phase,
    SessionState,
    SessionStatus,
    advance,
    distribution,
    new_code,
)
from weerbaar.knowledge.awareness import Dilemma
from weerbaar.web.awareness.models import CardRound, DilemmaSession, GroupKind, Tally
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.plans.models import Action, ActionStatus

# The action-plan measure that a held session carries out, by the group it was held for.
MEASURE_FOR_GROUP = {
    GroupKind.COLLEGE: "raad-en-college-bewustwording",
    GroupKind.COUNCIL: "raad-en-college-bewustwording",
}
DEFAULT_MEASURE = "dilemmatraining"


def card(card_id: str) -> Dilemma | None:
    found: Dilemma | None = framework().dilemmas.get(card_id)
    return found


def create_session(
    municipality: Any, title: str, group: str, cards: list[str], user: Any
) -> DilemmaSession:
    """A prepared session with a fresh join code (retried on the rare collision)."""
    for _attempt in range(10):
        try:
            with transaction.atomic():
                session = DilemmaSession.objects.create(
                    municipality=municipality,
                    title=title,
                    group=group,
                    join_code=new_code(),
                    created_by=user if getattr(user, "is_authenticated", False) else None,
                )
                set_cards(session, cards)
                return session
        except IntegrityError:
            continue
    raise RuntimeError("no free join code after 10 attempts")


def set_cards(session: DilemmaSession, cards: list[str]) -> None:
    """Replace the cards of a prepared session (in the order given)."""
    session.rounds.all().delete()
    CardRound.objects.bulk_create(
        CardRound(session=session, position=i, card_id=c) for i, c in enumerate(cards)
    )


def state_of(session: DilemmaSession) -> SessionState:
    return SessionState(
        SessionStatus(session.status),
        Phase(session.phase) if session.phase else None,
        session.card_index,
        session.rounds.count(),
    )


@transaction.atomic
def apply(session: DilemmaSession, event: Event) -> DilemmaSession:
    """Apply ``event`` (core table); raises the core's TransitionError when not allowed."""
    session = DilemmaSession.objects.select_for_update().get(pk=session.pk)
    after = advance(state_of(session), event)
    session.status = after.status.value
    session.phase = after.phase.value if after.phase else ""
    session.card_index = after.card_index
    now = timezone.now()
    if event is Event.START:
        session.started_at = now
        _create_tallies(session)
    if after.status in (SessionStatus.DONE, SessionStatus.CANCELLED):
        session.finished_at = now
    session.save()
    if after.status is SessionStatus.DONE:
        complete_matching_actions(session)
    return session


def _create_tallies(session: DilemmaSession) -> None:
    tallies = []
    for round_ in session.rounds.all():
        found = card(round_.card_id)
        for option in found.options if found else []:
            tallies.append(Tally(round=round_, option=option.id))
    Tally.objects.bulk_create(tallies, ignore_conflicts=True)


def vote(session_id: int, position: int, option: str) -> bool:
    """Count one vote for ``option`` on card ``position``; False when that card is not open.

    One conditional UPDATE: it matches only while the session is live, in the voting phase and
    at this card, so a late vote for a previous card is refused, never counted on another.
    """
    updated = Tally.objects.filter(
        round__session_id=session_id,
        round__position=position,
        option=option,
        round__session__status=SessionStatus.LIVE.value,
        round__session__phase=Phase.VOTING.value,
        round__session__card_index=position,
    ).update(count=F("count") + 1)
    return updated == 1


def join(session: DilemmaSession) -> None:
    DilemmaSession.objects.filter(pk=session.pk).update(participants=F("participants") + 1)


def complete_matching_actions(session: DilemmaSession) -> list[Action]:
    """A held session completes the matching open action of the municipality's accepted plans.

    The matching measure is ``dilemmatraining``, or ``raad-en-college-bewustwording`` for a
    session with the college or the council. The action's evidence records the session.
    """
    measure = MEASURE_FOR_GROUP.get(GroupKind(session.group), DEFAULT_MEASURE)
    actions = list(
        Action.objects.filter(
            plan__scan__municipality=session.municipality,
            plan__accepted_at__isnull=False,
            measure_id=measure,
        ).exclude(status=ActionStatus.DONE)
    )
    held = timezone.localdate(session.finished_at or timezone.now())
    line = (
        f"Dilemmasessie '{session.title}' gehouden op {held:%d-%m-%Y} "
        f"({session.participants} deelnemers, {session.rounds.count()} kaarten)."
    )
    for action in actions:
        action.status = ActionStatus.DONE
        action.evidence = f"{action.evidence}\n{line}".strip()
        action.save(update_fields=["status", "evidence", "updated_at"])
    return actions


@dataclass(frozen=True)
class RoundView:
    position: int
    card: Dilemma | None
    distribution: Distribution
    notes: str


def round_view(round_: CardRound) -> RoundView:
    found = card(round_.card_id)
    options = [o.id for o in found.options] if found else []
    counts = dict(round_.tallies.values_list("option", "count"))
    return RoundView(round_.position, found, distribution(counts, options), round_.notes)


def current_round(session: DilemmaSession) -> CardRound | None:
    return session.rounds.filter(position=session.card_index).first()


def screen_state(session: DilemmaSession, lang: str) -> dict[str, Any]:
    """What the projector shows now (polled): status, phase, card, vote count, distribution."""
    round_ = current_round(session)
    data: dict[str, Any] = {
        "status": session.status,
        "phase": session.phase,
        "position": session.card_index,
        "participants": session.participants,
    }
    if round_ is None:
        return data
    view = round_view(round_)
    labels = {o.id: o.text.get(lang) for o in view.card.options} if view.card else {}
    data.update(
        card=round_.card_id,
        votes=view.distribution.total,
        shown=view.distribution.shown,
        missing=view.distribution.missing,
        shares=[
            {
                "option": s.option,
                "label": labels.get(s.option, s.option),
                "count": s.count,
                "percent": s.percent,
            }
            for s in view.distribution.shares
        ],
    )
    return data


def participant_state(session: DilemmaSession) -> dict[str, Any]:
    """What a phone needs to know (polled): which card is open for voting, if any."""
    round_ = current_round(session)
    return {
        "status": session.status,
        "phase": session.phase,
        "position": session.card_index,
        "card": round_.card_id if round_ else None,
    }
