"""Consent levels: ordered, cumulative, nothing permitted by default or for unknown levels."""

from __future__ import annotations

import pytest

from weerbaar.benchmark.consent import ConsentLevel, Use, levels_permitting, permits

EXPECTED = {
    (ConsentLevel.NONE, Use.AGGREGATES): False,
    (ConsentLevel.NONE, Use.NAMED_RIEC): False,
    (ConsentLevel.AGGREGATES, Use.AGGREGATES): True,
    (ConsentLevel.AGGREGATES, Use.NAMED_RIEC): False,
    (ConsentLevel.NAMED_RIEC, Use.AGGREGATES): True,
    (ConsentLevel.NAMED_RIEC, Use.NAMED_RIEC): True,
}


@pytest.mark.parametrize(("level", "use"), list(EXPECTED))
def test_every_level_and_use(level: ConsentLevel, use: Use) -> None:
    assert permits(level, use) is EXPECTED[(level, use)]
    assert permits(level.value, use) is EXPECTED[(level, use)]


@pytest.mark.parametrize("use", list(Use))
def test_missing_or_unknown_level_permits_nothing(use: Use) -> None:
    assert not permits(None, use)
    assert not permits("everything", use)


def test_levels_permitting_matches_permits() -> None:
    for use in Use:
        assert levels_permitting(use) == {lvl for lvl in ConsentLevel if permits(lvl, use)}
