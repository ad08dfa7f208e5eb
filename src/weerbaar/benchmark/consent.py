"""Consent: what a municipality lets leave it, as an ordered level.

A municipality's coordinator chooses one level, and may change or revoke it at any time:

- ``none`` (the default): nothing leaves the municipality;
- ``aggregates``: its figures count, anonymised, in the benchmark of other municipalities and
  in the national monitor (only in groups of at least five municipalities);
- ``named_riec``: as ``aggregates``, and its own RIEC sees its results by name: vulnerability
  per process, trend, plan progress and the number of open signals (never their contents).

The levels are cumulative: a higher level permits everything a lower one does. Decision and
reason in ``docs/regional.md``: a municipality that shows its results to its RIEC by name has no
reason to keep them out of anonymous totals, and one ordered choice is easier to explain on one
page than two independent switches.
"""

from __future__ import annotations

from enum import StrEnum


class ConsentLevel(StrEnum):
    NONE = "none"
    AGGREGATES = "aggregates"
    NAMED_RIEC = "named_riec"


class Use(StrEnum):
    """What a figure is used for; each use needs a minimum consent level."""

    AGGREGATES = "aggregates"
    NAMED_RIEC = "named_riec"


RANK: dict[ConsentLevel, int] = {
    ConsentLevel.NONE: 0,
    ConsentLevel.AGGREGATES: 1,
    ConsentLevel.NAMED_RIEC: 2,
}
NEEDED: dict[Use, ConsentLevel] = {
    Use.AGGREGATES: ConsentLevel.AGGREGATES,
    Use.NAMED_RIEC: ConsentLevel.NAMED_RIEC,
}
DEFAULT = ConsentLevel.NONE


def permits(level: ConsentLevel | str | None, use: Use) -> bool:
    """Whether a municipality at consent ``level`` allows its figures to be used for ``use``.

    An unknown or missing level permits nothing (nothing is shared by default).
    """
    try:
        given = ConsentLevel(level) if level is not None else DEFAULT
    except ValueError:
        return False
    return RANK[given] >= RANK[NEEDED[use]]


def levels_permitting(use: Use) -> frozenset[ConsentLevel]:
    """The consent levels at which ``use`` is allowed (for database filters)."""
    return frozenset(level for level in ConsentLevel if permits(level, use))
