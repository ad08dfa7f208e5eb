"""The method section: how the scores and the plan come about, in a few short paragraphs.

A summary of the scan's arithmetic (:mod:`weerbaar.scan.scoring`) and of the optimiser
(:mod:`weerbaar.measures`); the full description is in the developer documentation.
"""

from __future__ import annotations

from weerbaar.reports.content import pick
from weerbaar.reports.models import ReportMeta


def method_paragraphs(meta: ReportMeta, framework_title: str, has_plan: bool) -> list[str]:
    lang = meta.lang
    out = [
        pick(
            lang,
            f"Het kader is '{framework_title}', versie {meta.framework_version}. Het volgt het "
            "onderzoek 'Lessen over kwetsbare processen' van het Verwey-Jonker Instituut (2023) "
            "voor het ministerie van BZK: acht processen, omstandigheden binnen en buiten de "
            "organisatie en factoren die kleine gemeenten extra kwetsbaar maken. De "
            "werkwijze sluit aan bij de zelfevaluatie SAINT van de Algemene Rekenkamer.",
            f"The framework is '{framework_title}', version {meta.framework_version}. It follows "
            "the study 'Lessons on vulnerable processes' by the Verwey-Jonker Institute (2023) "
            "for the Ministry of the Interior (BZK): eight processes, circumstances inside and "
            "outside the organisation and factors that make small municipalities more "
            "vulnerable. The approach follows the SAINT self-assessment of the Netherlands "
            "Court of Audit.",
        ),
        pick(
            lang,
            "Elke vraag meet een beheersmaatregel (hoe goed geregeld) of een blootstelling "
            "(hoe groot het risico van buiten). 'Weet niet' telt als het zwakste antwoord. Per "
            "proces is de kwetsbaarheid 100 × tekort × (½ + ½ × blootstelling): ook zonder "
            "bijzondere blootstelling is elk proces kwetsbaar. Algemene vragen tellen voor de "
            "helft mee, de vragen over het proces zelf voor de andere helft. De punten van de "
            "vragen tellen precies op tot de score, zodat elke score te herleiden is.",
            "Each question measures a control (how well it is arranged) or an exposure (how "
            "large the outside risk is). 'Weet niet' (don't know) counts as the weakest answer. "
            "Per process the vulnerability is 100 × gap × (½ + ½ × exposure): every process is "
            "vulnerable even without particular exposure. General questions count for half, "
            "the process's own questions for the other half. The questions' points add up "
            "exactly to the score, so every score can be traced back.",
        ),
        pick(
            lang,
            "De betrouwbaarheid daalt met het aandeel 'weet niet' en met verschillen tussen "
            "respondenten. Gemeenten in de klasse 'klein' krijgen extra vragen en gewichten "
            "voor beleid, organisatie en cultuur. De woorden bij een score zijn vaste banden "
            "van dit rapport: onder 25 laag, onder 50 midden, onder 75 hoog, daarboven zeer "
            "hoog.",
            "Confidence falls with the share of 'weet niet' and with differences between "
            "respondents. Municipalities in the 'small' class get extra questions and weights "
            "for policy, organisation and culture. The words for a score are this report's "
            "fixed bands: below 25 low, below 50 moderate, below 75 high, above that very "
            "high.",
        ),
    ]
    if has_plan:
        out.append(
            pick(
                lang,
                "Het actieplan is berekend met een optimalisatiemodel (scipy milp, HiGHS): eerst "
                "de set maatregelen die de kwetsbaarheid het meest verlaagt binnen de uren (ook "
                "per kwartaal) en het budget, met voorwaarden tussen maatregelen; daarna zo "
                "vroeg mogelijke startkwartalen voor die set. Het "
                "verwachte effect is een schatting uit de effectklasse van elke maatregel, geen "
                "garantie.",
                "The action plan was computed with an optimisation model (scipy milp, HiGHS): "
                "first the set of measures that lowers vulnerability most within the hours (also "
                "per quarter) and the budget, respecting prerequisites between measures; then "
                "start quarters for that set, as early as possible. The "
                "expected effect is an estimate from each measure's effect class, not a "
                "guarantee.",
            )
        )
    out.append(
        pick(
            lang,
            "Respondenten worden in dit rapport nooit genoemd; het noemt alleen aantallen. "
            "De uitkomsten gaan over processen en omstandigheden, niet over personen. De "
            "volledige methode staat in de documentatie van weerbaar (docs/method.md).",
            "Respondents are never named in this report; it gives counts only. The results "
            "are about processes and circumstances, not about people. The full method is in "
            "weerbaar's documentation (docs/method.md).",
        )
    )
    return out
