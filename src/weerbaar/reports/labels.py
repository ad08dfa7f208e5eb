"""Fixed texts of the report (Dutch first, English second) and number/date formatting.

The templates call :func:`label` through ``t('key')``; a missing key is an error at render time,
never a silently empty heading.
"""

from __future__ import annotations

import datetime as dt

LABELS: dict[str, tuple[str, str]] = {
    "confidential": ("Vertrouwelijk", "Confidential"),
    "report": ("Managementrapportage weerbaarheid", "Management report on resilience"),
    "subtitle": (
        "Kwetsbare processen en ondermijning: uitkomsten van de scan en het actieplan",
        "Vulnerable processes and subversive crime: scan results and action plan",
    ),
    "municipality": ("Gemeente", "Municipality"),
    "scan_date": ("Datum scan", "Scan date"),
    "generated": ("Opgesteld op", "Prepared on"),
    "framework": ("Kennisbank", "Framework"),
    "page": ("Pagina", "Page"),
    "of": ("van", "of"),
    "summary": ("Samenvatting voor college en raad", "Summary for the executive and council"),
    "asks": ("Wat wij vragen", "What we ask"),
    "overall": ("Gemiddelde kwetsbaarheid", "Mean vulnerability"),
    "confidence": ("Betrouwbaarheid", "Confidence"),
    "top": ("Grootste kwetsbaarheden", "Largest vulnerabilities"),
    "heatmap": ("Waar de kwetsbaarheid vandaan komt", "Where the vulnerability comes from"),
    "heatmap_intro": (
        "Per proces (rij) de punten die elke omstandigheid of factor (kolom) bijdraagt; "
        "een rij telt op tot de kwetsbaarheid van het proces. Donkerder is meer.",
        "Per process (row) the points each circumstance or factor (column) adds; a row adds "
        "up to the process's vulnerability. Darker is more.",
    ),
    "process": ("Proces", "Process"),
    "processes": ("De processen", "The processes"),
    "vulnerability": ("Kwetsbaarheid", "Vulnerability"),
    "exposure": ("Blootstelling", "Exposure"),
    "resilience": ("Weerbaarheid", "Resilience"),
    "dont_know": ("Aandeel 'weet niet'", "Share 'weet niet' (don't know)"),
    "dont_know_count": ("Aantal 'weet niet'", "Number 'weet niet' (don't know)"),
    "dont_know_flag": ("Weet niet", "Don't know (weet niet)"),
    "rating": ("Oordeel", "Rating"),
    "text": ("Tekst", "Text"),
    "title": ("Titel", "Title"),
    "description": ("Omschrijving", "Description"),
    "publisher": ("Uitgever", "Publisher"),
    "year": ("Jaar", "Year"),
    "spread": ("Spreiding", "Spread"),
    "at_stake": ("Wat er op het spel staat", "What is at stake"),
    "why_score": ("Hoe de score ontstaat", "How the score comes about"),
    "drivers": ("Belangrijkste oorzaken", "Main causes"),
    "weak": ("Zwakke antwoorden", "Weak answers"),
    "weak_none": ("Geen zwakke antwoorden in dit proces.", "No weak answers in this process."),
    "weak_more": ("en nog {n} (zie het Excel-bestand)", "and {n} more (see the Excel file)"),
    "question": ("Vraag", "Question"),
    "target": ("Omstandigheid", "Circumstance"),
    "gap": ("Tekort", "Gap"),
    "points": ("Punten", "Points"),
    "measures": ("Maatregelen", "Measures"),
    "red_flags": ("Rode vlaggen om op te letten", "Red flags to watch for"),
    "signal_rules": ("Signaalregels", "Signal rules"),
    "not_in_data": ("alleen waar te nemen in de praktijk", "observable in practice only"),
    "plan": ("Actieplan", "Action plan"),
    "plan_none": (
        "Er is nog geen actieplan bij deze scan. Maak er een met 'weerbaar plan'.",
        "There is no action plan for this scan yet. Make one with 'weerbaar plan'.",
    ),
    "measure": ("Maatregel", "Measure"),
    "theme": ("Thema", "Theme"),
    "quarter": ("Kwartaal", "Quarter"),
    "q": ("K", "Q"),
    "hours": ("Uren", "Hours"),
    "cost": ("Kosten", "Cost"),
    "shared": ("gedeeld", "shared"),
    "reason": ("Waarom", "Why"),
    "total": ("Totaal", "Total"),
    "available": ("beschikbaar", "available"),
    "schedule": ("Planning per kwartaal", "Schedule per quarter"),
    "effect": ("Verwacht effect", "Expected effect"),
    "before": ("Voor", "Before"),
    "after": ("Na", "After"),
    "rejected": (
        "{n} andere sterke maatregelen pasten niet; de redenen staan in het Excel-bestand.",
        "{n} other strong measures did not fit; the reasons are in the Excel file.",
    ),
    "change": ("Verandering sinds de vorige scan", "Change since the previous scan"),
    "change_none": (
        "Dit is de eerste scan; er is nog geen vergelijking.",
        "This is the first scan; there is nothing to compare with yet.",
    ),
    "old": ("Vorige", "Previous"),
    "new": ("Nu", "Now"),
    "delta": ("Verschil", "Difference"),
    "causes": ("Oorzaken", "Causes"),
    "communication": ("Communicatieplan", "Communication plan"),
    "communication_intro": (
        "Wie vertelt wie wat, binnen de organisatie. Bewustwording is de derde aanbeveling uit "
        "het onderzoek van Verwey-Jonker (2023), met een trekkende rol voor de "
        "gemeentesecretaris. Details over zwakke plekken blijven vertrouwelijk.",
        "Who tells whom what, inside the organisation. Awareness is the third recommendation "
        "of the Verwey-Jonker study (2023), with a leading role for the gemeentesecretaris "
        "(municipal secretary). Details of weak spots stay confidential.",
    ),
    "who": ("Wie", "Who"),
    "channel": ("Kanaal", "Channel"),
    "status": ("Status", "Status"),
    "sessions_held": ("Dilemmasessies gehouden", "Dilemma sessions held"),
    "participants": ("Deelnemers", "Participants"),
    "pulse": ("Pulsmeting", "Pulse"),
    "respondents": ("ingevuld", "answered"),
    "figure": ("Cijfer", "Figure"),
    "value": ("Waarde", "Value"),
    "awareness": ("Bewustwording", "Awareness"),
    "awareness_intro": (
        "Dilemmasessies, korte lessen en de pulsmeting (aandeel eens of helemaal eens). "
        "Alleen aantallen; een pulscijfer pas vanaf vijf antwoorden (–: minder).",
        "Dilemma sessions, short lessons and the pulse (share agreeing or strongly agreeing). "
        "Counts only; a pulse figure only from five answers (–: fewer).",
    ),
    "own_plan": (
        "Het communicatieplan van de gemeente zelf, zoals het in weerbaar is bijgehouden.",
        "The municipality's own communication plan, as kept in weerbaar.",
    ),
    "lesson": ("Les", "Lesson"),
    "completed": ("Afgerond", "Completed"),
    "statement": ("Stelling", "Statement"),
    "audience": ("Aan wie", "To whom"),
    "message": ("Wat", "What"),
    "moment": ("Wanneer", "When"),
    "method": ("Methode", "Method"),
    "sources": ("Bronnen", "Sources"),
    "contents": ("Inhoud", "Contents"),
    "answers_sheet": ("Antwoorden", "Answers"),
    "general": ("algemeen", "general"),
    "level": ("Niveau", "Level"),
    "answers": ("Antwoorden", "Answers"),
    "distribution": ("Verdeling", "Distribution"),
    "kind": ("Soort", "Kind"),
    "section": ("Onderdeel", "Section"),
    "weakness": ("Zwakte", "Weakness"),
    "chart_effect": (
        "Kwetsbaarheid per proces voor en na het actieplan",
        "Vulnerability per process before and after the action plan",
    ),
}

MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def label(key: str, lang: str, **values: object) -> str:
    """The fixed text ``key`` in ``lang``; ``{name}`` placeholders filled from ``values``."""
    nl, en = LABELS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def number(value: float, lang: str, digits: int = 1) -> str:
    """``1234.5`` as ``1.234,5`` (nl) or ``1,234.5`` (en)."""
    text = f"{value:,.{digits}f}"
    if lang == "en":
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def signed(value: float, lang: str, digits: int = 1) -> str:
    text = number(abs(value), lang, digits)
    if round(value, digits) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def euro(value: float, lang: str) -> str:
    return f"€ {number(value, lang, 0)}"


def percent(share: float, lang: str) -> str:
    """A share 0..1 as a whole percentage."""
    return f"{round(share * 100)}%"


def long_date(day: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def level_word(vulnerability: float, lang: str) -> str:
    """The 0-100 score in words: this report's own four bands, stated in the method section."""
    bands = (
        (25.0, "laag", "low"),
        (50.0, "midden", "moderate"),
        (75.0, "hoog", "high"),
    )
    for bound, nl, en in bands:
        if vulnerability < bound:
            return en if lang == "en" else nl
    return "very high" if lang == "en" else "zeer hoog"
