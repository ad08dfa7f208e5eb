"""The arithmetic of the scan, exact (``fractions.Fraction``) until the final rounding.

Per question: the answers of all respondents are aggregated into a *weakness* in [0, 1] (the
gap of a control, the level of an exposure); "weet niet" counts as the weakest level. Per
process::

    G = weighted mean gap of its control questions           (resilience = 1 - G)
    X = weighted mean exposure of its exposure questions     (0 when it has none)

where the general questions carry half of each mean and the process's own questions the other
half (:func:`term_shares`).
    V = 100 * G * (B + (1 - B) * X)                          with baseline B = 1/2

``V`` is split exactly over the questions (see :func:`split_points`): the exposure term gets
half of ``100 * G * (1 - B) * X`` (the symmetric Shapley share of the product), the controls
the rest; within a term each question gets its share of the weighted weakness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

BASELINE = Fraction(1, 2)
"""Share of the gap that counts regardless of exposure: every process is vulnerable (VJ 2023)."""
GENERAL_SHARE = Fraction(1, 2)
"""Share of a term (gap or exposure) that the general questions carry when the process also has
its own questions: the organisation-wide answers count for every process, but never drown out
what is specific to the process."""
DISAGREEMENT_FACTOR = Fraction(1, 3)
"""How heavily disagreement between respondents lowers confidence, relative to "weet niet"."""
DISAGREEMENT_FLAG = Fraction(2, 5)
"""A question is flagged when known answers differ, on average per pair, by this share of the
scale (on a 0-3 scale: 1.2 levels; 0 versus 3 always, 0 versus 2 between two respondents)."""
TENTH = Fraction(1, 10)


@dataclass(frozen=True)
class QuestionStats:
    """The aggregated answers to one question (shared by every process it counts for)."""

    weakness: Fraction
    level: Fraction | None
    answers: int
    dont_know: int
    confidence: Fraction
    spread: Fraction
    known_difference: Fraction


def normalised_weakness(value: int | None, scale_max: int, higher_is_weaker: bool) -> Fraction:
    """0 (strongest) .. 1 (weakest); "weet niet" (None) is the weakest."""
    if value is None:
        return Fraction(1)
    share = Fraction(value, scale_max)
    return share if higher_is_weaker else 1 - share


def question_stats(
    values: Sequence[int | None], scale_max: int, higher_is_weaker: bool
) -> QuestionStats:
    """Aggregate one question's answers; no answer at all counts as one "weet niet"."""
    answers = list(values) if values else [None]
    known = sorted(v for v in answers if v is not None)
    n = len(answers)
    weakness = (
        sum((normalised_weakness(v, scale_max, higher_is_weaker) for v in answers), Fraction(0)) / n
    )
    dont_know = n - len(known)
    pair_gaps = Fraction(pairwise_distance(known), scale_max)
    disagreement = pair_gaps / (n * (n - 1) // 2) if n > 1 else Fraction(0)
    confidence = 1 - Fraction(dont_know, n) - DISAGREEMENT_FACTOR * disagreement
    spread = Fraction(known[-1] - known[0], scale_max) if len(known) > 1 else Fraction(0)
    level = Fraction(sum(known), len(known)) if known else None
    known_pairs = len(known) * (len(known) - 1) // 2
    known_difference = pair_gaps / known_pairs if known_pairs else Fraction(0)
    return QuestionStats(
        weakness, level, len(values), dont_know, confidence, spread, known_difference
    )


def pairwise_distance(ordered: Sequence[int]) -> int:
    """Sum of ``|a - b|`` over all pairs of the ascending ``ordered``, in one pass: the value
    at position ``i`` is the larger of ``i`` pairs and the smaller of ``n - 1 - i``."""
    n = len(ordered)
    return sum(value * (2 * i - (n - 1)) for i, value in enumerate(ordered))


def weighted_mean(pairs: Sequence[tuple[Fraction, Fraction]]) -> Fraction:
    """Mean of ``value`` weighted by ``weight`` over ``(weight, value)`` pairs; 0 when empty."""
    total = sum((w for w, _ in pairs), Fraction(0))
    if total == 0:
        return Fraction(0)
    return sum((w * v for w, v in pairs), Fraction(0)) / total


def term_shares(items: Sequence[tuple[bool, Fraction]]) -> list[Fraction]:
    """Each question's share of its term, from ``(is_general, weight)``; the shares sum to 1.

    Within the process's own questions and within the general ones, shares follow the weights;
    the two groups carry ``1 - GENERAL_SHARE`` and ``GENERAL_SHARE`` when both are present.
    """
    general = sum((w for g, w in items if g), Fraction(0))
    own = sum((w for g, w in items if not g), Fraction(0))
    general_part = GENERAL_SHARE if general and own else (Fraction(1) if general else Fraction(0))
    return [
        general_part * w / general if is_general else (1 - general_part) * w / own
        for is_general, w in items
    ]


def vulnerability(gap: Fraction, exposure: Fraction) -> Fraction:
    return 100 * gap * (BASELINE + (1 - BASELINE) * exposure)


def exposure_share(gap: Fraction, exposure: Fraction) -> Fraction:
    """The exposure term's Shapley share of the vulnerability (the rest belongs to controls)."""
    return 50 * (1 - BASELINE) * gap * exposure


def split_points(total: Fraction, shares: Sequence[Fraction]) -> list[Fraction]:
    """Split ``total`` in proportion to ``shares`` (all 0 when the shares are all 0)."""
    whole = sum(shares, Fraction(0))
    if whole == 0:
        return [Fraction(0) for _ in shares]
    return [total * share / whole for share in shares]


def to_tenths(value: Fraction) -> int:
    """``value`` rounded half up to one decimal, returned as an integer number of tenths."""
    scaled = value * 10
    floor = scaled.numerator // scaled.denominator
    return floor + 1 if scaled - floor >= Fraction(1, 2) else floor


def apportion(total_tenths: int, parts: Sequence[Fraction], keys: Sequence[str]) -> list[int]:
    """Largest-remainder rounding: integer tenths per part that add up to ``total_tenths``.

    Ties are broken by ``keys`` so the result never depends on input order.
    """
    scaled = [part * 10 for part in parts]
    floors = [s.numerator // s.denominator for s in scaled]
    remaining = total_tenths - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(scaled[i] - floors[i]), keys[i]))
    for step in range(max(remaining, 0)):
        floors[order[step % len(order)]] += 1
    return floors


def tenths_to_float(tenths: int) -> float:
    return float(Decimal(tenths) / 10)


def fraction_to_float(value: Fraction, decimals: int = 1) -> float:
    quantum = Decimal(1).scaleb(-decimals)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(quantum, rounding=ROUND_HALF_UP))
