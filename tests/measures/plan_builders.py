"""A small framework with measures and a scan of it, for the recommendation and CLI tests."""

from __future__ import annotations

import datetime as dt

from weerbaar.demo import DEMO_MUNICIPALITIES
from weerbaar.knowledge.models import (
    Deliverer,
    Framework,
    FrameworkInfo,
    Measure,
    Question,
    Scale,
    ScaleLevel,
    SizeClass,
    Text,
    Theme,
)
from weerbaar.scan.models import Answer, Scan, Workshop

SRC = ["SA4"]
T = Text(nl="tekst", en="text")


def scale(scale_id: str, direction: str) -> Scale:
    levels = [ScaleLevel(value=i, label=T, description=T) for i in range(4)]
    return Scale(id=scale_id, name=T, direction=direction, levels=levels, sources=SRC)  # type: ignore[arg-type]


def question(qid: str, process: str | None, measures: list[str], kind: str = "control") -> Question:
    return Question(
        id=qid,
        process=process,
        section="proces" if process else "organisatie",
        kind=kind,  # type: ignore[arg-type]
        target="functies" if kind == "control" else "risicolocaties",
        short=Text(nl=f"Kort {qid}", en=f"Short {qid}"),
        text=Text(nl=f"Vraag {qid}", en=f"Question {qid}"),
        scale="volwassenheid" if kind == "control" else "blootstelling",
        measures=measures,
    )


def measure(mid: str, processes: list[str], **extra: object) -> Measure:
    fields: dict[str, object] = {
        "id": mid,
        "title": Text(nl=f"Maatregel {mid}", en=f"Measure {mid}"),
        "description": T,
        "processes": processes,
        "theme": "instrumenten",
        "type": "preventive",
        "effort_intro_hours": 20,
        "effort_run_hours_per_year": 8,
        "cost_eur": 1000,
        "delivered_by": [Deliverer.GEMEENTE],
        "small_municipality": True,
        "effect": "middel",
        "effect_description": T,
        "sources": SRC,
    }
    fields.update(extra)
    return Measure.model_validate(fields)


def plan_framework() -> Framework:
    questions = [
        question("ink-a", "inkoop", ["m-bibob", "m-training"]),
        question("ink-b", "inkoop", ["m-register", "m-specialist"]),
        question("ink-x", "inkoop", ["m-bibob"], kind="exposure"),
        question("brp-a", "brp", ["m-adres"]),
        question("alg-a", None, ["m-training", "m-cultuur"]),
    ]
    measures = [
        measure("m-bibob", ["inkoop"], effect="hoog", effort_intro_hours=40, cost_eur=3000),
        measure("m-training", ["inkoop"], theme="kennis"),
        measure("m-register", ["inkoop"], prerequisites=["m-basis"]),
        measure("m-basis", ["inkoop"], effect="laag", effort_intro_hours=4, cost_eur=0),
        measure(
            "m-adres", ["brp"], delivered_by=[Deliverer.GEMEENTE, Deliverer.RIEC], shared_share=0.5
        ),
        measure("m-cultuur", ["inkoop", "brp"], theme="bewustzijn", effort_intro_hours=8),
        measure("m-los", ["toezicht"]),
        measure("m-vervolg", ["toezicht"], prerequisites=["m-los"], cost_eur=500),
        measure(
            "m-specialist",
            ["inkoop"],
            effect="hoog",
            effort_intro_hours=10,
            cost_eur=0,
            small_municipality=False,
        ),
    ]
    themes = {
        tid: Theme(id=tid, name=T, description=T, sources=SRC)  # type: ignore[arg-type]
        for tid in ("kennis", "bewustzijn", "ondersteuning", "instrumenten")
    }
    return Framework.model_construct(
        info=FrameworkInfo(version="1.0.0", released="2026-01-01", title=T),
        content_hash="0123456789abcdef" * 4,
        sources={},
        saint_areas={},
        processes={"inkoop": None, "brp": None},
        circumstances={},
        factors={},
        themes=themes,
        recommendations={},
        size_classes={
            "klein": SizeClass(
                id="klein",
                name=T,
                min_population=0,
                max_population=40000,
                small_profile=True,
                sources=SRC,
            )
        },
        scales={
            "volwassenheid": scale("volwassenheid", "maturity"),
            "blootstelling": scale("blootstelling", "exposure"),
        },
        measures={m.id: m for m in measures},
        questions={q.id: q for q in questions},
        fictional_municipalities=DEMO_MUNICIPALITIES,
        municipalities={},
    )


def plan_scan(values: dict[str, int | None] | None = None) -> Scan:
    """A workshop scan of the demo municipality; controls absent (0) unless ``values`` says."""
    given = {"ink-a": 0, "ink-b": 0, "ink-x": 3, "brp-a": 0, "alg-a": 0, **(values or {})}
    return Scan(
        municipality="GM9999",
        date=dt.date(2026, 3, 1),
        framework_version="1.0.0",
        mode="workshop",
        workshop=Workshop(participants=5, moderator="RIEC"),
        answers=[Answer(question_id=q, value=v) for q, v in given.items()],
    )
