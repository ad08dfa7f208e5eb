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
    target: Text,
    level: float | None,
    scale_max: int,
    answers: int,
    dont_know: int,
    weakness: float,
    points: float,
) -> Text:
    """One question's part of a process score, e.g. "Beheersing (werkwijze): niveau 1,0 van 3;
    67% tekort, 2,3 punten." ``target`` is the name of the circumstance or factor it measures."""
    said = _answer_words(level, scale_max, answers, dont_know)
    pct = round(weakness * 100)
    what_nl, what_en = target.nl.lower(), target.en.lower()
    if kind == "control":
        nl = f"Beheersing ({what_nl}): {said.nl}; {pct}% tekort, {_nl(points)} punten."
        en = f"Control ({what_en}): {said.en}; {pct}% gap, {_en(points)} points."
    else:
        nl = f"Blootstelling ({what_nl}): {said.nl}; {pct}% blootstelling, {_nl(points)} punten."
        en = f"Exposure ({what_en}): {said.en}; {pct}% exposure, {_en(points)} points."
    return Text(nl=nl, en=en)


def process_text(
    name: Text, vulnerability: float, resilience: float, exposure: float, confidence: float
) -> Text:
    """The score of a process in words: how vulnerable, from which gap and which exposure."""
    gap = 100 - resilience
    nl = (
        f"{name.nl}: kwetsbaarheid {_nl(vulnerability)} van 100. De beheersmaatregelen schieten "
        f"voor {_nl(gap)}% tekort en de blootstelling is {_nl(exposure)}%; hoe groter beide, "
        f"hoe kwetsbaarder. Betrouwbaarheid {_nl(confidence)}%."
    )
    en = (
        f"{name.en}: vulnerability {_en(vulnerability)} out of 100. The controls fall "
        f"{_en(gap)}% short and the exposure is {_en(exposure)}%; the larger both, the more "
        f"vulnerable. Confidence {_en(confidence)}%."
    )
    return Text(nl=nl, en=en)


def disagreement_text(question: Text, spread: float) -> Text:
    """Respondents disagree on a question (named by its short title): one for a workshop."""
    pct = round(spread * 100)
    return Text(
        nl=f"Respondenten verschillen sterk over ‘{question.nl}’ ({pct}% van de schaal): "
        "dit is een gesprek voor een workshop.",
        en=f"Respondents differ widely on ‘{question.en}’ ({pct}% of the scale): "
        "a conversation for a workshop.",
    )
