"""The dilemma session state machine (exhaustively) and what the screen may show of a vote."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.awareness import (
    MIN_VOTES_SHOWN,
    Event,
    Phase,
    SessionState,
    SessionStatus,
    TransitionError,
    advance,
    distribution,
    format_code,
    new_code,
    normalise_code,
)
from weerbaar.awareness.sessions import TRANSITIONS

PHASES: list[Phase | None] = [None, *Phase]


@pytest.mark.parametrize(
    ("status", "phase", "event", "index"),
    list(itertools.product(SessionStatus, PHASES, Event, (0, 1, 2))),
)
def test_every_state_and_event_is_either_in_the_table_or_refused(
    status: SessionStatus, phase: Phase | None, event: Event, index: int
) -> None:
    state = SessionState(status, phase, index, 3)
    target = TRANSITIONS.get((status, phase, event))
    if target is None or (target[2] and index == 2):
        with pytest.raises(TransitionError) as caught:
            advance(state, event)
        assert caught.value.nl and caught.value.en
        return
    after = advance(state, event)
    assert (after.status, after.phase) == target[:2]
    assert after.card_index == index + target[2]
    assert after.accepts_votes == (
        after.status is SessionStatus.LIVE and after.phase is Phase.VOTING
    )


def test_a_whole_session_runs_card_by_card_and_ends_done() -> None:
    state = SessionState(SessionStatus.PREPARED, None, 0, 2)
    for event in (Event.START, Event.REVEAL, Event.DISCUSS, Event.NEXT, Event.REVEAL):
        state = advance(state, event)
    assert state.card_index == 1 and state.phase is Phase.RESULTS
    assert advance(state, Event.FINISH).status is SessionStatus.DONE


def test_a_session_without_cards_cannot_start() -> None:
    with pytest.raises(TransitionError):
        advance(SessionState(SessionStatus.PREPARED, None, 0, 0), Event.START)


def test_done_and_cancelled_are_final() -> None:
    for status in (SessionStatus.DONE, SessionStatus.CANCELLED):
        assert not [key for key in TRANSITIONS if key[0] is status]


@given(st.lists(st.integers(min_value=0, max_value=200), min_size=2, max_size=4))
def test_distribution_is_hidden_below_five_votes_and_adds_up_to_100(counts: list[int]) -> None:
    options = [chr(ord("a") + i) for i in range(len(counts))]
    shown = distribution(dict(zip(options, counts, strict=True)), options)
    assert shown.total == sum(counts)
    if sum(counts) < MIN_VOTES_SHOWN:
        assert not shown.shown and shown.shares == () and shown.missing == 5 - sum(counts)
    else:
        assert shown.shown and sum(share.percent for share in shown.shares) == 100
        assert [share.count for share in shown.shares] == counts


def test_join_codes_are_readable_and_typed_back_in_any_form() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert not set(code) & set("01ILO8")
        assert normalise_code(format_code(code).lower()) == code
        assert normalise_code(" " + code[:3] + " - " + code[3:]) == code
    assert normalise_code("ABC") is None and normalise_code("ABCDE0") is None
