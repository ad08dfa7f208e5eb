"""Catalogue pages for the awareness kit: the dilemma cards, the lessons and the pulse (Dutch).

Called from :func:`weerbaar.knowledge.catalogue.render_catalogue`; the pages are generated and a
test fails when the committed ones differ.
"""

from __future__ import annotations

from weerbaar.knowledge.awareness import CARD_TOPICS, Dilemma, Lesson
from weerbaar.knowledge.models import Framework

HEADER = (
    "<!-- Gegenereerd uit src/weerbaar/knowledge/data met "
    "`weerbaar knowledge catalogue --out docs/catalogus`; niet met de hand bewerken. -->\n"
)
TOPIC_NAMES = {"bestuur": "Bestuurders (college, raad)", "integriteit": "Integriteit algemeen"}


def _cite(framework: Framework, ids: list[str]) -> str:
    return ", ".join(
        f"[{source}](bronnen.md#{source.lower()})" for source in ids if source in framework.sources
    )


def _topic_name(framework: Framework, topic: str) -> str:
    process = framework.processes.get(topic)
    return process.name.nl if process else TOPIC_NAMES.get(topic, topic)


def _links(framework: Framework, card: Dilemma) -> list[str]:
    lines = []
    if card.red_flags:
        titles = []
        for flag_id in card.red_flags:
            process, flag = framework.red_flag(flag_id)
            titles.append(f"[{flag.title.nl}](processen/{process.id}.md)")
        lines.append("- Rode vlaggen: " + "; ".join(titles))
    if card.measures:
        titles = [framework.measures[m].title.nl for m in card.measures if m in framework.measures]
        lines.append("- Maatregelen: " + "; ".join(titles))
    if card.questions:
        lines.append(
            "- Telt als bewijs bij scanvragen: " + ", ".join(f"`{q}`" for q in card.questions)
        )
    return lines


def _card(framework: Framework, card: Dilemma) -> list[str]:
    groups = ", ".join(
        framework.function_groups[g].name.nl
        for g in card.function_groups
        if g in framework.function_groups
    )
    lines = [
        f"### {card.title.nl} (`{card.id}`)",
        "",
        card.situation.nl,
        "",
        f"**{card.question.nl}**",
        "",
    ]
    lines += [f"{option.id}. {option.text.nl}" for option in card.options]
    lines += ["", "Gesprekspunten:", ""] + [f"- {point.nl}" for point in card.discussion]
    lines += ["", f"- Voor: {groups}", *_links(framework, card)]
    return [*lines, f"- Bronnen: {_cite(framework, card.sources)}", ""]


def render_dilemmas(framework: Framework) -> str:
    cards = list(framework.dilemmas.values())
    lines = [HEADER, "# Dilemmakaarten", ""]
    lines += [
        f"{len(cards)} kaarten voor dilemmasessies: een situatie uit een kleine gemeente, "
        "een vraag, twee tot vier antwoorden om anoniem op te stemmen, en punten voor het "
        "gesprek daarna. Bij elke kaart staan de rode vlaggen en maatregelen die erbij horen, "
        "en de scanvragen waarbij een gehouden sessie als bewijs telt. Elke kaart is er ook "
        "in het Engels.",
        "",
    ]
    for topic in CARD_TOPICS:
        topic_cards = [card for card in cards if card.topic == topic]
        lines += [f"## {_topic_name(framework, topic)} ({len(topic_cards)})", ""]
        for card in topic_cards:
            lines += _card(framework, card)
    return "\n".join(lines)


def _lesson(framework: Framework, lesson: Lesson) -> list[str]:
    lines = [f"## {lesson.title.nl} (`{lesson.id}`, {lesson.minutes} minuten)", ""]
    lines += ["**Wat gaat er mis.** " + lesson.what_goes_wrong.nl, "", "**Drie rode vlaggen:**", ""]
    lines += [f"1. {flag.nl}" for flag in lesson.red_flags]
    lines += [
        "",
        "**Wat doe je.** " + lesson.what_to_do.nl,
        "",
        "**Wie vertel je het.** " + lesson.whom_to_tell.nl,
    ]
    lines += ["", "Toets (drie vragen):", ""]
    for question in lesson.check:
        answer = next(o for o in question.options if o.id == question.answer)
        lines.append(f"- {question.text.nl} — juist: *{answer.text.nl}*. {question.explanation.nl}")
    return [*lines, "", f"Bronnen: {_cite(framework, lesson.sources)}", ""]


def render_lessons(framework: Framework) -> str:
    lines = [HEADER, "# Korte lessen en pulsmeting", ""]
    lines += [
        "Per kwetsbaar proces een les van vijf minuten: wat gaat er mis, drie rode vlaggen, wat je "
        "doet als je er een ziet en wie je het vertelt, met een toets van drie vragen. De gemeente "
        "telt per afdeling hoeveel medewerkers de les hebben afgerond, zonder namen.",
        "",
    ]
    for lesson in framework.lessons.values():
        lines += _lesson(framework, lesson)
    pulse = framework.pulse
    if pulse is not None:
        lines += [f"## {pulse.title.nl}", "", pulse.intro.nl, ""]
        scale = ", ".join(f"{i} = {label.nl.lower()}" for i, label in enumerate(pulse.scale, 1))
        lines += [f"Schaal: {scale}.", ""]
        lines += [f"{i}. {s.text.nl} (`{s.id}`)" for i, s in enumerate(pulse.statements, 1)]
        lines += ["", f"Bronnen: {_cite(framework, pulse.sources)}", ""]
    return "\n".join(lines)
