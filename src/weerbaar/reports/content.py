"""Written content of the report: the plain-language summary, the communication plan, the method.

Texts are filled from the scan's figures, so the summary says what this municipality found, not
boilerplate. Dutch first, English second; :func:`pick` chooses.
"""

from __future__ import annotations

from weerbaar.reports.labels import euro, level_word, long_date, number, signed
from weerbaar.reports.models import (
    ChangeSection,
    CommunicationItem,
    PlanSection,
    ReportMeta,
    TopItem,
)

LOW_CONFIDENCE = 70.0


def pick(lang: str, nl: str, en: str) -> str:
    return en if lang == "en" else nl


def _names(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {pick(lang, 'en', 'and')} {items[-1]}"


def _how(meta: ReportMeta) -> tuple[str, str]:
    if meta.mode == "workshop":
        n = meta.participants or 0
        return (f"in een workshop met {n} deelnemers", f"in a workshop with {n} participants")
    n = meta.respondents
    return (f"met een vragenlijst onder {n} medewerkers", f"with a questionnaire for {n} staff")


def summary_paragraphs(
    meta: ReportMeta,
    overall: float,
    confidence: float,
    top: list[TopItem],
    causes: list[str],
    plan: PlanSection | None,
    change: ChangeSection | None,
    disagreements: int = 0,
) -> list[str]:
    """The summary in plain words: what was done, what was found, what will be done."""
    lang = meta.lang
    how_nl, how_en = _how(meta)
    day = long_date(meta.scan_date, lang)
    name = meta.municipality_name
    score, word = number(overall, lang), level_word(overall, lang)
    vulnerable = [t for t in top[:3] if t.vulnerability > 0]
    worst = _names(
        [f"{t.name.lower()} ({number(t.vulnerability, lang)})" for t in vulnerable], lang
    )
    out = [
        pick(
            lang,
            f"Gemeente {name} heeft op {day} {how_nl} onderzocht hoe kwetsbaar acht "
            "gemeentelijke processen zijn voor ondermijning: misbruik door georganiseerde "
            "criminaliteit van gemeentelijke diensten, geld en informatie.",
            f"The municipality of {name} examined on {day}, {how_en}, how vulnerable eight "
            "municipal processes are to subversion: organised crime misusing municipal "
            "services, money and information.",
        ),
        pick(
            lang,
            f"Gemiddeld is de kwetsbaarheid {score} op een schaal van 0 (weerbaar) tot 100 "
            f"(zeer kwetsbaar): {word}. "
            + (f"Het meest kwetsbaar zijn {worst}." if worst else "Geen proces is kwetsbaar."),
            f"On average the vulnerability is {score} on a scale from 0 (resilient) to 100 "
            f"(very vulnerable): {word}. "
            + (f"Most vulnerable are {worst}." if worst else "No process is vulnerable."),
        ),
    ]
    if causes and overall > 0:
        out.append(
            pick(
                lang,
                f"De kwetsbaarheid komt vooral voort uit {_names(causes, lang)}.",
                f"The vulnerability comes mainly from {_names(causes, lang)}.",
            )
        )
    out.append(_confidence_text(confidence, lang))
    if disagreements:
        out.append(
            pick(
                lang,
                f"Bij {disagreements} vragen liepen de antwoorden van de respondenten sterk "
                "uiteen; dat zijn gesprekken voor een workshop (zie het Excel-bestand).",
                f"On {disagreements} questions the respondents' answers differed widely; those "
                "are conversations for a workshop (see the Excel file).",
            )
        )
    if plan is not None:
        out.append(_plan_text(plan, lang))
    if change is not None:
        out.append(_change_text(change, lang))
    return out


def _confidence_text(confidence: float, lang: str) -> str:
    pct = number(confidence, lang, 0)
    if confidence < LOW_CONFIDENCE:
        return pick(
            lang,
            f"De betrouwbaarheid is {pct}%: op veel vragen was het antwoord 'weet niet' of "
            "liepen de antwoorden uiteen. Dat is zelf een bevinding: het zicht op deze "
            "processen is beperkt.",
            f"Confidence is {pct}%: many questions were answered 'weet niet' (don't know) or "
            "the answers differed. That is a finding in itself: the view of these processes "
            "is limited.",
        )
    return pick(
        lang,
        f"De betrouwbaarheid is {pct}%: de antwoorden geven een goed beeld.",
        f"Confidence is {pct}%: the answers give a good picture.",
    )


def _plan_text(plan: PlanSection, lang: str) -> str:
    if not plan.measures:
        return _empty_plan_text(plan, lang)
    n, hours = len(plan.measures), number(plan.total_hours, lang, 0)
    cost = euro(plan.total_cost_eur, lang)
    before, after = number(plan.overall_before, lang), number(plan.overall_after, lang)
    if plan.overall_after < plan.overall_before:
        effect_nl = f"Naar verwachting daalt de gemiddelde kwetsbaarheid van {before} naar {after}."
        effect_en = f"The mean vulnerability is expected to fall from {before} to {after}."
    else:
        effect_nl = f"De gemiddelde kwetsbaarheid blijft naar verwachting {before}."
        effect_en = f"The mean vulnerability is expected to stay at {before}."
    return pick(
        lang,
        f"Het actieplan bevat {n} maatregelen in {plan.quarters} kwartalen, voor {hours} uur "
        f"en {cost}. {effect_nl}",
        f"The action plan holds {n} measures over {plan.quarters} quarters, for {hours} hours "
        f"and {cost}. {effect_en}",
    )


def _empty_plan_text(plan: PlanSection, lang: str) -> str:
    """A plan without measures: either nothing is weak, or nothing fits the room given."""
    if not plan.rejected:
        return pick(
            lang,
            "Volgens deze scan zijn er geen maatregelen nodig: het actieplan is leeg.",
            "According to this scan no measures are needed: the action plan is empty.",
        )
    hours, budget = number(plan.hours_available, lang, 0), euro(plan.budget_eur, lang)
    return pick(
        lang,
        f"Er is geen actieplan: binnen {hours} uur en {budget} past geen enkele maatregel "
        f"({plan.rejected} maatregelen zijn overwogen).",
        f"There is no action plan: not a single measure fits within {hours} hours and {budget} "
        f"({plan.rejected} measures were considered).",
    )


def _change_text(change: ChangeSection, lang: str) -> str:
    day = long_date(change.previous_date, lang)
    delta = signed(change.overall_delta, lang)
    if change.overall_delta < 0:
        nl, en = "gedaald", "fallen"
    elif change.overall_delta > 0:
        nl, en = "gestegen", "risen"
    else:
        nl, en = "gelijk gebleven", "stayed the same"
    return pick(
        lang,
        f"Sinds de vorige scan ({day}) is de gemiddelde kwetsbaarheid {nl} ({delta} punten).",
        f"Since the previous scan ({day}) the mean vulnerability has {en} ({delta} points).",
    )


def asks(lang: str, plan: PlanSection | None) -> list[str]:
    """What the college and the council are asked to do."""
    items = [
        pick(
            lang,
            "Het college neemt kennis van de uitkomsten en bespreekt ze vertrouwelijk met de raad.",
            "The executive takes note of the results and discusses them confidentially with "
            "the council.",
        ),
    ]
    if plan is None:
        items.append(
            pick(
                lang,
                "Het college laat een actieplan opstellen binnen de beschikbare uren en budget.",
                "The executive has an action plan drawn up within the hours and budget.",
            )
        )
    elif plan.measures:
        items.append(
            pick(
                lang,
                "Het college stelt het actieplan vast en maakt de uren en het budget vrij.",
                "The executive adopts the action plan and frees the hours and budget.",
            )
        )
    elif plan.rejected:
        items.append(
            pick(
                lang,
                "Het college maakt meer uren of budget vrij: in de huidige ruimte past geen "
                "enkele maatregel.",
                "The executive frees more hours or budget: not a single measure fits within "
                "the present room.",
            )
        )
    items.append(
        pick(
            lang,
            "De gemeentesecretaris is trekker, bewaakt de uitvoering per kwartaal en laat de "
            "scan over een jaar herhalen.",
            "The gemeentesecretaris (municipal secretary) leads, monitors progress each "
            "quarter and has the scan repeated in a year.",
        )
    )
    return items


def communication_plan(lang: str, top_names: list[str], measures: int) -> list[CommunicationItem]:
    """Who tells whom what inside the organisation (the study's awareness recommendation)."""
    worst = _names([n.lower() for n in top_names[:3]], lang)
    rows = [
        (
            ("Gemeentesecretaris", "Gemeentesecretaris (municipal secretary)"),
            ("College van B&W", "Executive (college van B&W)"),
            (
                "Uitkomsten, grootste kwetsbaarheden en het actieplan; vraagt om vaststelling "
                "en capaciteit.",
                "Results, largest vulnerabilities and the action plan; asks for adoption and "
                "capacity.",
            ),
            ("Binnen een week na de scan", "Within a week of the scan"),
        ),
        (
            ("Burgemeester", "Mayor"),
            ("Gemeenteraad", "Municipal council"),
            (
                "Het totaalbeeld en de aanpak in een besloten bijeenkomst; geen details over "
                "zwakke plekken in openbare stukken.",
                "The overall picture and the approach in a closed session; no details of weak "
                "spots in public documents.",
            ),
            ("Eerstvolgende commissiecyclus", "Next committee cycle"),
        ),
        (
            ("Gemeentesecretaris", "Gemeentesecretaris (municipal secretary)"),
            ("Managementteam", "Management team"),
            (
                f"Uitkomsten per proces, een eigenaar per maatregel ({measures} maatregelen) "
                "en de planning per kwartaal.",
                f"Results per process, an owner per measure ({measures} measures) and the "
                "schedule per quarter.",
            ),
            ("Eerste MT-overleg na de scan", "First management meeting after the scan"),
        ),
        (
            ("Afdelingshoofden", "Heads of department"),
            ("Proceseigenaren en hun teams", "Process owners and their teams"),
            (
                f"De processpagina: zwakke antwoorden, rode vlaggen en maatregelen; eerst voor "
                f"{worst}.",
                f"The process page: weak answers, red flags and measures; first for {worst}.",
            ),
            ("Kwartaal 1", "Quarter 1"),
        ),
        (
            ("Integriteitscoördinator", "Integrity coordinator"),
            ("Alle medewerkers", "All staff"),
            (
                "Dat ondermijning ook in onze gemeente voorkomt, welke signalen ertoe doen en "
                "waar je ze meldt (vertrouwenspersoon, meldpunt); zonder details over zwakke "
                "plekken.",
                "That subversion happens in our municipality too, which signals matter and "
                "where to report them (confidential adviser, reporting point); without "
                "details of weak spots.",
            ),
            (
                "Na het collegebesluit; daarna jaarlijks",
                "After the executive's decision; then yearly",
            ),
        ),
        (
            ("Integriteitscoördinator", "Integrity coordinator"),
            ("RIEC", "RIEC (regional information and expertise centre)"),
            (
                "Het beeld voor het regionale ondermijningsbeeld en een vraag om steun bij "
                "gedeelde maatregelen.",
                "The picture for the regional assessment of subversion and a request for "
                "support with shared measures.",
            ),
            ("Binnen een maand", "Within a month"),
        ),
    ]
    return [
        CommunicationItem(
            who=pick(lang, *who),
            audience=pick(lang, *audience),
            message=pick(lang, *message),
            moment=pick(lang, *moment),
        )
        for who, audience, message, moment in rows
    ]
