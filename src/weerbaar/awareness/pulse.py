"""The awareness pulse: per-wave figures and the trend, shown only where k respondents answered.

A wave (one quarter's round) stores, per statement, the number of answers at each scale value
1-5 and nothing else. A figure (the mean and the share that agrees) is shown only when at least
:data:`K_MIN` people answered that statement in that wave; otherwise it is suppressed, so that
nobody's answer can be deduced in a small department or a quiet quarter.
"""

from __future__ import annotations

from dataclasses import dataclass

K_MIN = 5
SCALE = (1, 2, 3, 4, 5)
AGREE = (4, 5)


@dataclass(frozen=True)
class Figure:
    """One statement in one wave; ``mean`` and ``agree_percent`` are None when suppressed."""

    statement: str
    answers: int
    mean: float | None
    agree_percent: int | None

    @property
    def shown(self) -> bool:
        return self.mean is not None


@dataclass(frozen=True)
class WaveFigures:
    wave: str
    respondents: int
    figures: tuple[Figure, ...]

    @property
    def shown(self) -> bool:
        return self.respondents >= K_MIN


def figure(statement: str, counts: dict[int, int], k: int = K_MIN) -> Figure:
    """The figure for one statement from its counts per scale value (1-5)."""
    valid = {value: max(0, counts.get(value, 0)) for value in SCALE}
    answers = sum(valid.values())
    if answers < k:
        return Figure(statement, answers, None, None)
    mean = sum(value * count for value, count in valid.items()) / answers
    agree = sum(valid[value] for value in AGREE)
    return Figure(statement, answers, round(mean, 1), round(agree * 100 / answers))


def wave_figures(
    wave: str,
    respondents: int,
    counts: dict[str, dict[int, int]],
    statements: list[str],
    k: int = K_MIN,
) -> WaveFigures:
    """Every statement's figure in one wave; all suppressed below ``k`` respondents."""
    if respondents < k:
        return WaveFigures(wave, respondents, tuple(Figure(s, 0, None, None) for s in statements))
    return WaveFigures(
        wave, respondents, tuple(figure(s, counts.get(s, {}), k) for s in statements)
    )


def trend(waves: list[WaveFigures], statement: str) -> list[tuple[str, int | None]]:
    """(wave, share that agrees) for one statement over the waves, None where suppressed."""
    out = []
    for wave in waves:
        found = next((f for f in wave.figures if f.statement == statement), None)
        out.append((wave.wave, found.agree_percent if found else None))
    return out
