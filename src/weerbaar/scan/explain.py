"""Explanations in words (Dutch first, English second) for scores and contributions."""

from __future__ import annotations

from weerbaar.knowledge.models import Text


def _nl(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _en(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}"


def _answer_words(level: float | None, scale_max: int, answers: int, dont_know: int) -> Text:
    if answers == 0:
        return Text(
            nl="niet beantwoord (telt als 'weet niet')", en="unanswered (counts as 'weet niet')"
        )
    if level is None:
        return Text(nl="'weet niet'", en="'weet niet' (don't know)")
    nl = f"niveau {_nl(level)} van {scale_max}"
    en = f"level {_en(level)} of {scale_max}"
    if answers > 1:
        nl = f"gemiddeld {nl} ({answers} antwoorden"
        en = f"mean {en} ({answers} answers"
        if dont_know:
            nl += f", waarvan {dont_know} 'weet niet'"
            en += f", {dont_know} of them 'weet niet'"
        nl, en = nl + ")", en + ")"
    return Text(nl=nl, en=en)


def contribution_text(
    kind: str,
    target: str,
    level: float | None,
    scale_max: int,
    answers: int,
    dont_know: int,
    weakness: float,
    points: float,
) -> Text:
    said = _answer_words(level, scale_max, answers, dont_know)
    pct = round(weakness * 100)
    if kind == "control":
        nl = f"Beheersing ({target}): {said.nl}; tekort {pct}% → {_nl(points)} punten."
        en = f"Control ({target}): {said.en}; gap {pct}% → {_en(points)} points."
    else:
        nl = f"Blootstelling ({target}): {said.nl}; blootstelling {pct}% → {_nl(points)} punten."
        en = f"Exposure ({target}): {said.en}; exposure {pct}% → {_en(points)} points."
    return Text(nl=nl, en=en)


def process_text(
    process: str, vulnerability: float, resilience: float, exposure: float, confidence: float
) -> Text:
    gap = 100 - resilience
    nl = (
        f"{process}: kwetsbaarheid {_nl(vulnerability)} = 100 × tekort {_nl(gap)}% × "
        f"(½ + ½ × blootstelling {_nl(exposure)}%); betrouwbaarheid {_nl(confidence)}%."
    )
    en = (
        f"{process}: vulnerability {_en(vulnerability)} = 100 × gap {_en(gap)}% × "
        f"(½ + ½ × exposure {_en(exposure)}%); confidence {_en(confidence)}%."
    )
    return Text(nl=nl, en=en)


def disagreement_text(question_id: str, spread: float) -> Text:
    pct = round(spread * 100)
    return Text(
        nl=f"Respondenten verschillen sterk over {question_id} ({pct}% van de schaal): "
        "dit is een gesprek voor een workshop.",
        en=f"Respondents differ widely on {question_id} ({pct}% of the scale): "
        "a conversation for a workshop.",
    )
