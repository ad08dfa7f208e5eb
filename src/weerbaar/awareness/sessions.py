"""Dilemma sessions: the allowed transitions and what the screen may show of a vote.

A session is *prepared* (cards picked), goes *live* (participants join and vote per card),
and ends *done* (it counts as held) or *cancelled*. While live, each card passes through the
phases *voting* -> *results* -> *discussion*; ``next`` moves to the following card. The table
:data:`TRANSITIONS` is the whole state machine; :func:`advance` applies it.

A vote is anonymous: the session keeps a count per answer, nothing per participant. Below
:data:`MIN_VOTES_SHOWN` votes the distribution is hidden, so that in a small group nobody's
answer can be read off the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

MIN_VOTES_SHOWN = 5


class SessionStatus(StrEnum):
    PREPARED = "prepared"
    LIVE = "live"
    DONE = "done"
    CANCELLED = "cancelled"


class Phase(StrEnum):
    VOTING = "voting"
    RESULTS = "results"
    DISCUSSION = "discussion"


class Event(StrEnum):
    START = "start"
    REVEAL = "reveal"
    REOPEN = "reopen"
    DISCUSS = "discuss"
    NEXT = "next"
    FINISH = "finish"
    CANCEL = "cancel"


Key = tuple[SessionStatus, Phase | None, Event]
Target = tuple[SessionStatus, Phase | None, int]
L, P = SessionStatus.LIVE, SessionStatus.PREPARED
V, R, D = Phase.VOTING, Phase.RESULTS, Phase.DISCUSSION

# (status, phase, event) -> (new status, new phase, step to the next card)
TRANSITIONS: dict[Key, Target] = {
    (P, None, Event.START): (L, V, 0),
    (P, None, Event.CANCEL): (SessionStatus.CANCELLED, None, 0),
    (L, V, Event.REVEAL): (L, R, 0),
    (L, R, Event.REOPEN): (L, V, 0),
    (L, R, Event.DISCUSS): (L, D, 0),
    (L, R, Event.NEXT): (L, V, 1),
    (L, D, Event.NEXT): (L, V, 1),
    (L, R, Event.FINISH): (SessionStatus.DONE, None, 0),
    (L, D, Event.FINISH): (SessionStatus.DONE, None, 0),
    (L, V, Event.CANCEL): (SessionStatus.CANCELLED, None, 0),
    (L, R, Event.CANCEL): (SessionStatus.CANCELLED, None, 0),
    (L, D, Event.CANCEL): (SessionStatus.CANCELLED, None, 0),
}


class TransitionError(ValueError):
    """An event that the session's state does not allow, in Dutch and English."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(en)
        self.nl, self.en = nl, en


@dataclass(frozen=True)
class SessionState:
    status: SessionStatus
    phase: Phase | None
    card_index: int
    card_count: int

    @property
    def accepts_votes(self) -> bool:
        return self.status is SessionStatus.LIVE and self.phase is Phase.VOTING

    @property
    def is_last_card(self) -> bool:
        return self.card_index >= self.card_count - 1


def advance(state: SessionState, event: Event) -> SessionState:
    """The state after ``event``; :class:`TransitionError` when the table does not allow it."""
    target = TRANSITIONS.get((state.status, state.phase, event))
    if target is None:
        raise TransitionError(
            f"'{event.value}' kan niet nu de sessie '{state.status.value}' is",
            f"'{event.value}' is not possible while the session is '{state.status.value}'",
        )
    status, phase, step = target
    if event is Event.START and state.card_count < 1:
        raise TransitionError("Kies eerst minstens één kaart.", "Pick at least one card first.")
    if step and state.is_last_card:
        raise TransitionError(
            "Dit is de laatste kaart: rond de sessie af.",
            "This is the last card: finish the session.",
        )
    return SessionState(status, phase, state.card_index + step, state.card_count)


@dataclass(frozen=True)
class Share:
    option: str
    count: int
    percent: int


@dataclass(frozen=True)
class Distribution:
    """What the facilitator's screen shows of one card's vote."""

    total: int
    shown: bool
    shares: tuple[Share, ...]
    missing: int  # votes still needed before the distribution is shown


def _percentages(counts: list[int], total: int) -> list[int]:
    """Whole percentages that add up to 100 (largest remainder)."""
    exact = [count * 100 / total for count in counts]
    floors = [int(value) for value in exact]
    order = sorted(range(len(counts)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[: 100 - sum(floors)]:
        floors[i] += 1
    return floors


def distribution(
    counts: dict[str, int], options: list[str], minimum: int = MIN_VOTES_SHOWN
) -> Distribution:
    """The vote of one card as the screen may show it: hidden below ``minimum`` votes."""
    values = [max(0, counts.get(option, 0)) for option in options]
    total = sum(values)
    if total < minimum:
        return Distribution(total, False, (), minimum - total)
    percents = _percentages(values, total)
    shares = tuple(Share(o, c, p) for o, c, p in zip(options, values, percents, strict=True))
    return Distribution(total, True, shares, 0)
