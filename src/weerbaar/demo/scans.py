"""Two demo scans of Gemeente Voorbeeld (GM9999), a year apart, generated from a seed.

The story: a small municipality (about 15,000 inhabitants) where one person often wears several
hats (combined functions, few substitutes), the four-eyes principle at the travel-documents desk
is weak, and the rural area has holiday parks and vacant farm buildings. The 2025 scan is a
survey of five respondents (with some "weet niet" and some disagreement); the 2026 scan is a
moderated workshop after a year of measures: financien, inkoop and reisdocumenten improved,
toezicht worsened (the only enforcement officer left and was not replaced).

Regenerate the files with ``python -m weerbaar.demo.scans`` after the questionnaire changes;
a test checks that the files equal this generator's output.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from weerbaar.demo import VOORBEELD
from weerbaar.knowledge.models import Framework, Question
from weerbaar.scan.io import scan_to_json, write_text_atomic
from weerbaar.scan.models import Answer, Scan, Workshop

SEED = 20250312
DATA_DIR = Path(__file__).parent / "data"
FILES = {"2025": "voorbeeld-2025.json", "2026": "voorbeeld-2026.json"}
RESPONDENTS = 5
DONT_KNOW_RATE = 0.07
CONTESTED = 3  # questions on which respondents clearly disagree in 2025

# Typical maturity (0 absent .. 3 effective) per process in 2025, and the change by 2026.
MATURITY_2025 = {
    "financien": 1.6,
    "inkoop": 1.2,
    "subsidies": 1.0,
    "reisdocumenten": 1.4,
    "vergunningen": 1.3,
    "informatie": 1.5,
    "brp": 1.7,
    "toezicht": 1.4,
    None: 1.2,
}
CHANGE_2026 = {"financien": 0.8, "inkoop": 0.9, "reisdocumenten": 1.0, "toezicht": -0.9, None: 0.3}
# Small-municipality story per circumstance or factor (added to the maturity of controls).
CONTROL_SHIFT = {"functies": -0.7, "organisatie": -0.4, "cultuur": -0.2}
# Exposure (share of the scale) per circumstance or factor; process volume is low (small).
EXPOSURE = {
    "risicolocaties": 0.9,  # holiday parks, vacant farm buildings
    "risicobranches": 0.6,
    "personeel": 0.8,  # thin capacity, one person per task
    "complexiteit": 0.3,
    "verandering": 0.4,
    "management": 0.4,
    "probleemhistorie": 0.35,
}
NOTES = {
    ("reisdocumenten", "functies"): (
        "Vier-ogen alleen als er twee medewerkers aan de balie zijn; op dinsdag en vrijdag niet.",
        "Werkinstructie balie reisdocumenten 2023",
    ),
    (None, "organisatie"): ("Eén beleidsmedewerker doet integriteit, veiligheid en Bibob.", None),
}


def _clamp(value: float, top: int) -> int:
    return max(0, min(top, round(value)))


def true_level(question: Question, top: int, year: str) -> float:
    """The level the municipality 'really' has, before respondents' noise."""
    if question.kind == "exposure":
        return EXPOSURE.get(question.target, 0.2) * top
    level = MATURITY_2025.get(question.process, 1.2) + CONTROL_SHIFT.get(question.target, 0.0)
    if question.process == "reisdocumenten" and question.target == "functies":
        level = 0.3  # the weak four-eyes principle at the desk
    if year == "2026":
        level += CHANGE_2026.get(question.process, 0.0)
        if question.process == "reisdocumenten" and question.target == "functies":
            level += 1.2  # a neighbouring municipality now provides the second pair of eyes
    return level * top / 3


def _questions(framework: Framework) -> list[Question]:
    size_class = VOORBEELD.size_class
    return [
        q for q in framework.questions.values() if not q.applies_to or size_class in q.applies_to
    ]


def survey_2025(framework: Framework, rng: random.Random) -> Scan:
    questions = _questions(framework)
    tokens = sorted(f"r-{rng.getrandbits(24):06x}" for _ in range(RESPONDENTS))
    controls = [q for q in questions if q.kind == "control"]
    contested = {q.id for q in rng.sample(controls, CONTESTED)}
    answers = []
    for question in questions:
        top = framework.scales[question.scale].max_value
        level = true_level(question, top, "2025")
        for index, token in enumerate(tokens):
            if rng.random() < DONT_KNOW_RATE:
                value = None
            elif question.id in contested:
                value = 0 if index % 2 == 0 else top  # a real difference of view
            else:
                value = _clamp(level + rng.choice((-1, 0, 0, 0, 1)) * 0.8, top)
            answers.append(_answer(question, value, token if index == 0 else None, token))
    return Scan(
        id="voorbeeld-2025",
        title="Weerbaarheidsscan Gemeente Voorbeeld 2025 (enquête)",
        municipality=VOORBEELD.code,
        date=dt.date(2025, 3, 12),
        framework_version=framework.info.version,
        mode="survey",
        respondents=tokens,
        answers=answers,
    )


def workshop_2026(framework: Framework, rng: random.Random) -> Scan:
    questions = _questions(framework)
    # the workshop did not know three answers, outside the processes the story is about
    candidates = [q for q in questions if q.process not in ("reisdocumenten", "toezicht")]
    unknown = {q.id for q in rng.sample(candidates, 3)}
    answers = []
    for question in questions:
        top = framework.scales[question.scale].max_value
        value = None if question.id in unknown else _clamp(true_level(question, top, "2026"), top)
        answers.append(_answer(question, value, "note", None))
    return Scan(
        id="voorbeeld-2026",
        title="Weerbaarheidsscan Gemeente Voorbeeld 2026 (workshop)",
        municipality=VOORBEELD.code,
        date=dt.date(2026, 3, 18),
        framework_version=framework.info.version,
        mode="workshop",
        workshop=Workshop(participants=9, moderator="RIEC Oost-Nederland (2 moderatoren)"),
        answers=answers,
    )


def _answer(
    question: Question, value: int | None, with_note: str | None, who: str | None
) -> Answer:
    note, evidence = NOTES.get((question.process, question.target), (None, None))
    first_of_kind = with_note is not None
    return Answer(
        question_id=question.id,
        value=value,
        respondent=who,
        note=note if first_of_kind else None,
        evidence=evidence if first_of_kind else None,
    )


def demo_scans(framework: Framework | None = None) -> dict[str, Scan]:
    """The two demo scans, always the same for the same framework."""
    if framework is None:
        from weerbaar.knowledge import load_framework

        framework = load_framework()
    rng = random.Random(SEED)
    return {"2025": survey_2025(framework, rng), "2026": workshop_2026(framework, rng)}


def demo_scan_path(year: str) -> Path:
    return DATA_DIR / FILES[year]


def write_demo_scans(directory: Path = DATA_DIR, framework: Framework | None = None) -> list[Path]:
    written = []
    for year, scan in demo_scans(framework).items():
        path = directory / FILES[year]
        write_text_atomic(path, scan_to_json(scan))
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    for written in write_demo_scans():
        print(written)
