"""The awareness kit's rules: dilemma sessions, lesson checks, the pulse, the communication plan.

Pure functions and small state tables over plain data (no Django); the web app
(``weerbaar.web.awareness``) stores counts and shows them. The content (cards, lessons, pulse
statements) is knowledge-base data: :mod:`weerbaar.knowledge.awareness`.
"""

from __future__ import annotations

from weerbaar.awareness.codes import format_code, new_code, normalise_code
from weerbaar.awareness.sessions import (
    MIN_VOTES_SHOWN,
    Distribution,
    Event,
    Phase,
    SessionState,
    SessionStatus,
    TransitionError,
    advance,
    distribution,
)

__all__ = [
    "MIN_VOTES_SHOWN",
    "Distribution",
    "Event",
    "Phase",
    "SessionState",
    "SessionStatus",
    "TransitionError",
    "advance",
    "distribution",
    "format_code",
    "new_code",
    "normalise_code",
]
