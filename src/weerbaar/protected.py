"""Attributes no signal rule, red flag or input dataset may use (docs/signals/lawful-use.md).

Special categories of personal data (GDPR art. 9) and their proxies: nationality, ethnicity,
origin, country of birth, religion, migration background. One pattern, used by
``weerbaar knowledge validate`` for red flags and by the signal-rule registry for rules.
"""

from __future__ import annotations

import re

PROTECTED_ATTRIBUTE = re.compile(
    r"\b(nationalit\w*|etnic\w*|etnisch\w*|ethnic\w*|afkomst|geboorteland\w*|country of birth"
    r"|country_of_birth|religi\w*|geloofsovertuiging\w*|migratieachtergrond\w*"
    r"|migration background|migration_background|allochto\w*)\b",
    re.IGNORECASE,
)


def protected_terms(text: str) -> list[str]:
    """The protected attributes ``text`` names (empty when none)."""
    return [match.group(0) for match in PROTECTED_ATTRIBUTE.finditer(text)]
