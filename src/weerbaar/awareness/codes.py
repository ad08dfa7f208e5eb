"""Short join codes for dilemma sessions: six characters a participant can type on a phone.

The alphabet leaves out characters that are easily confused when read from a projector
(0/O, 1/I/L); 30^6 is about 729 million codes. A code is only valid while its session is
open, so guessing one gives at most a look at the card on screen, never stored data.
"""

from __future__ import annotations

import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ2345679"
LENGTH = 6


def new_code() -> str:
    """A random code such as ``K7MQ2X`` (store and compare it in this normalised form)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text: str) -> str | None:
    """The code as typed (any case, spaces or a dash) in normalised form; None if malformed."""
    code = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code


def format_code(code: str) -> str:
    """The code as shown on screen, in two groups of three: ``K7M-Q2X``."""
    return f"{code[:3]}-{code[3:]}"
