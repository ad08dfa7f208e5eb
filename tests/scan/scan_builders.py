"""Small frameworks and scans built from the models, for tests and hypothesis strategies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hypothesis import strategies as st

from weerbaar.demo import DEMO_MUNICIPALITIES
from weerbaar.knowledge.models import (
    INTERNAL_CIRCUMSTANCES,
    PROCESS_IDS,
    Framework,
    FrameworkInfo,
    Municipality,
    Question,
    Scale,
    ScaleLevel,
    SizeClass,
    Text,
)
from weerbaar.scan.models import Answer, Scan, Workshop

SRC = ["SA4"]
T = Text(nl="tekst", en="text")
CONTROL_TARGETS = (*INTERNAL_CIRCUMSTANCES, "beleid", "organisatie", "cultuur")
EXPOSURE_TARGETS = ("risicolocaties", "risicobranches", "complexiteit", "verandering")


def scale(scale_id: str, direction: str, levels: int) -> Scale:
    return Scale(
        id=scale_id,
        name=T,
        direction=direction,  # type: ignore[arg-type]
        sources=SRC,
        levels=[
            ScaleLevel(value=i, label=Text(nl=f"n{i}", en=f"l{i}"), description=T)
            for i in range(levels)
        ],
    )


SCALES = {
    "volwassenheid": scale("volwassenheid", "maturity", 4),
    "blootstelling": scale("blootstelling", "exposure", 4),
    "volume": scale("volume", "exposure", 3),
}


def question(
    qid: str,
    process: str | None,
    kind: str = "control",
    target: str = "functies",
    scale_id: str | None = None,
    weight: float = 1.0,
    applies_to: list[str] | None = None,
    small_weight: float = 1.0,
) -> Question:
    return Question(
        id=qid,
        process=process,
        section="proces" if process else ("extern" if kind == "exposure" else "organisatie"),
        kind=kind,  # type: ignore[arg-type]
        target=target,
        short=Text(nl=f"Kort {qid}", en=f"Short {qid}"),
        text=Text(nl=f"Vraag {qid}", en=f"Question {qid}"),
        scale=scale_id or ("volwassenheid" if kind == "control" else "blootstelling"),
        weight=weight,
        applies_to=applies_to or [],
        small_weight=small_weight,
        measures=["m-" + qid],
    )


def framework(
    questions: list[Question], version: str = "1.0.0", processes: tuple[str, ...] = ()
) -> Framework:
    """A framework with just enough content for scoring: processes are placeholders."""
    process_ids = processes or tuple(sorted({q.process for q in questions if q.process}))
    return Framework.model_construct(
        info=FrameworkInfo(version=version, released="2026-01-01", title=T),
        content_hash="0123456789abcdef" * 4,
        sources={},
        saint_areas={},
        processes={pid: None for pid in process_ids},
        circumstances={},
        factors={},
        themes={},
        recommendations={},
        size_classes={
            "klein": SizeClass(
                id="klein",
                name=T,
                min_population=0,
                max_population=40000,
                small_profile=True,
                sources=SRC,
            ),
            "groot": SizeClass(
                id="groot", name=T, min_population=40000, small_profile=False, sources=SRC
            ),
        },
        scales=SCALES,
        measures={},
        questions={q.id: q for q in questions},
        fictional_municipalities=DEMO_MUNICIPALITIES,
        municipalities={
            "GM0001": Municipality(
                code="GM0001",
                name="Groot",
                province="Utrecht",
                population=90000,
                riec_region="Midden-Nederland",
                size_class="groot",
            )
        },
    )


@dataclass
class Spec:
    framework: Framework
    respondents: list[str] = field(default_factory=list)


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    """Random small frameworks: 1-3 processes, each with at least one control question."""
    processes = draw(st.lists(st.sampled_from(PROCESS_IDS), min_size=1, max_size=3, unique=True))
    questions: list[Question] = []
    weights = st.sampled_from([0.5, 1.0, 1.5, 2.0, 5.0])
    for pid in [*processes, None]:
        count = draw(st.integers(min_value=1 if pid else 0, max_value=4))
        for index in range(count):
            kind = (
                "control" if index == 0 and pid else draw(st.sampled_from(["control", "exposure"]))
            )
            targets = CONTROL_TARGETS if kind == "control" else EXPOSURE_TARGETS
            questions.append(
                question(
                    f"{pid or 'alg'}-{index}",
                    pid,
                    kind,
                    draw(st.sampled_from(targets)),
                    draw(st.sampled_from(sorted(SCALES)))
                    if kind == "exposure"
                    else "volwassenheid",
                    draw(weights),
                    draw(st.sampled_from([[], ["klein"], ["groot"]])) if index else [],
                    draw(weights),
                )
            )
    return framework(questions, processes=tuple(processes))


def answer_values(fw: Framework, qid: str) -> st.SearchStrategy[int | None]:
    top = fw.scales[fw.questions[qid].scale].max_value
    return st.one_of(st.none(), st.integers(min_value=0, max_value=top))


@st.composite
def scans(draw: st.DrawFn, fw: Framework, survey: bool | None = None) -> Scan:
    """A random valid scan of ``fw`` for the demo municipality (small) or GM0001 (large)."""
    survey = draw(st.booleans()) if survey is None else survey
    code = draw(st.sampled_from(["GM9999", "GM0001"]))
    respondents = [f"r{i}" for i in range(draw(st.integers(1, 4)))] if survey else [None]
    answers = []
    for qid in fw.questions:
        for who in respondents:
            if draw(st.integers(0, 9)) == 0:
                continue  # left unanswered
            answers.append(
                Answer(question_id=qid, value=draw(answer_values(fw, qid)), respondent=who)
            )
    return Scan(
        municipality=code,
        date=dt.date(2026, 1, 1),
        framework_version=fw.info.version,
        mode="survey" if survey else "workshop",
        workshop=None if survey else Workshop(participants=6, moderator="RIEC"),
        respondents=[r for r in respondents if r],
        answers=answers,
    )
