"""Content checks on the shipped scales, measures and questionnaire.

These load the YAML straight into the pydantic models (independent of the loader) and check
what the content must satisfy beyond the shape of single items: counts per process and theme,
cross-references between measures and questions, the scale a question may use for its kind and
target, and the good practices the catalogue must cover.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.knowledge.models import (
    EXTERNAL_CIRCUMSTANCES,
    INTERNAL_CIRCUMSTANCES,
    PROCESS_IDS,
    SAINT_RAISING_FACTORS,
    SMALL_MUNICIPALITY_FACTORS,
    THEME_IDS,
    Deliverer,
    Measure,
    Question,
    Scale,
)

DATA = Path(__file__).resolve().parents[2] / "src" / "weerbaar" / "knowledge" / "data"
SIZE_CLASSES = {"klein", "middelgroot", "groot"}
CONTROL_TARGETS = set(INTERNAL_CIRCUMSTANCES) | set(SMALL_MUNICIPALITY_FACTORS)
EXPOSURE_TARGETS = set(EXTERNAL_CIRCUMSTANCES) | set(SAINT_RAISING_FACTORS)
GENERAL_SECTIONS = {"beleid", "organisatie", "cultuur", "extern"}


def _items(path: Path, key: str) -> list[dict[str, Any]]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict) and list(document) == [key], f"{path}: one key {key!r}"
    items = document[key]
    assert isinstance(items, list), f"{path}: {key} must be a list"
    return items


def _load_scales() -> dict[str, Scale]:
    return {
        scale.id: scale
        for scale in map(Scale.model_validate, _items(DATA / "scales.yaml", "scales"))
    }


def _load_measures() -> dict[str, tuple[Path, Measure]]:
    found: dict[str, tuple[Path, Measure]] = {}
    for path in sorted((DATA / "measures").glob("*.yaml")):
        for raw in _items(path, "measures"):
            measure = Measure.model_validate(raw)
            assert measure.id not in found, f"duplicate measure id {measure.id} in {path.name}"
            found[measure.id] = (path, measure)
    return found


def _load_questions() -> dict[str, tuple[Path, Question]]:
    found: dict[str, tuple[Path, Question]] = {}
    for path in sorted((DATA / "questions").glob("*.yaml")):
        for raw in _items(path, "questions"):
            question = Question.model_validate(raw)
            assert question.id not in found, f"duplicate question id {question.id}"
            found[question.id] = (path, question)
    return found


SCALES = _load_scales()
MEASURES = {key: measure for key, (_, measure) in _load_measures().items()}
MEASURE_FILES = {key: path for key, (path, _) in _load_measures().items()}
QUESTIONS = {key: question for key, (_, question) in _load_questions().items()}
QUESTION_FILES = {key: path for key, (path, _) in _load_questions().items()}


def find_cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """Return one cycle in a directed graph as a list of nodes, or None when it is acyclic."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


# --- scales --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scale_id", "direction"),
    [("volwassenheid", "maturity"), ("blootstelling", "exposure"), ("volume", "exposure")],
)
def test_required_scales_have_four_described_levels(scale_id: str, direction: str) -> None:
    scale = SCALES[scale_id]
    assert scale.direction == direction
    assert [level.value for level in scale.levels] == [0, 1, 2, 3]
    descriptions = [level.description.nl for level in scale.levels]
    assert len(set(descriptions)) == len(descriptions), "each level needs its own description"


def test_maturity_scale_follows_saint_exists_works_effective() -> None:
    labels = [level.label.nl.lower() for level in SCALES["volwassenheid"].levels]
    for label, word in zip(labels, ["afwezig", "bestaat", "werkt", "effectief"], strict=True):
        assert word in label
    assert {"SA4", "SA5", "EN1"} <= set(SCALES["volwassenheid"].sources)


def test_no_weet_niet_level() -> None:
    for scale in SCALES.values():
        for level in scale.levels:
            assert "weet niet" not in level.label.nl.lower(), f"{scale.id}: weet niet is implicit"


# --- measures ------------------------------------------------------------------------------------


def test_measure_count_and_coverage() -> None:
    assert len(MEASURES) >= 70
    per_process = Counter(p for m in MEASURES.values() for p in m.processes)
    assert {p: per_process[p] for p in PROCESS_IDS if per_process[p] < 8} == {}
    per_theme = Counter(m.theme for m in MEASURES.values())
    assert {t: per_theme[t] for t in THEME_IDS if per_theme[t] < 10} == {}
    assert {m.type for m in MEASURES.values()} == {"preventive", "detective", "corrective"}
    assert {d for m in MEASURES.values() for d in m.delivered_by} == set(Deliverer)


def test_measure_ids_are_kebab_slugs_and_files_are_themes() -> None:
    for measure_id, measure in MEASURES.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", measure_id), measure_id
        assert MEASURE_FILES[measure_id].stem == measure.theme, measure_id


def test_measure_references_are_known_ids() -> None:
    allowed_circumstances = CONTROL_TARGETS | EXPOSURE_TARGETS
    for measure in MEASURES.values():
        assert set(measure.processes) <= set(PROCESS_IDS), measure.id
        assert measure.theme in THEME_IDS, measure.id
        assert measure.circumstances, f"{measure.id}: name what it addresses"
        assert set(measure.circumstances) <= allowed_circumstances, measure.id
        assert len(set(measure.processes)) == len(measure.processes), measure.id
        assert set(measure.prerequisites) <= set(MEASURES), measure.id
        assert measure.id not in measure.prerequisites, measure.id


def test_prerequisites_are_acyclic() -> None:
    graph = {m.id: list(m.prerequisites) for m in MEASURES.values()}
    assert find_cycle(graph) is None


def test_find_cycle_detects_cycles() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["a"]}) == ["a", "a"]
    assert find_cycle({"a": ["b"], "b": [], "c": ["a", "b"]}) is None


@st.composite
def _dags(draw: st.DrawFn) -> dict[str, list[str]]:
    """Random acyclic graphs: edges only run from a node to nodes with a lower number."""
    size = draw(st.integers(min_value=1, max_value=12))
    graph: dict[str, list[str]] = {}
    for i in range(size):
        targets = draw(st.sets(st.integers(0, i - 1))) if i else set()
        graph[f"n{i}"] = [f"n{j}" for j in sorted(targets)]
    return graph


@given(_dags())
def test_find_cycle_accepts_every_dag(graph: dict[str, list[str]]) -> None:
    assert find_cycle(graph) is None


@given(_dags(), st.data())
def test_find_cycle_reports_a_real_cycle_once_one_exists(
    graph: dict[str, list[str]], data: st.DataObject
) -> None:
    first = data.draw(st.sampled_from(sorted(graph)))
    second = data.draw(st.sampled_from(sorted(graph)))
    graph[first].append(second)
    graph[second].append(first)  # first -> second -> first (a self-loop when equal)
    cycle = find_cycle(graph)
    assert cycle is not None
    assert cycle[0] == cycle[-1]
    assert all(b in graph[a] for a, b in pairwise(cycle))


def test_shared_share_only_for_joint_delivery() -> None:
    joint = {Deliverer.BUURGEMEENTE, Deliverer.RIEC, Deliverer.PROVINCIE}
    shared = [m for m in MEASURES.values() if m.shared_share is not None]
    assert len(shared) >= 15
    for measure in shared:
        assert joint & set(measure.delivered_by), f"{measure.id}: shared with whom?"
        assert measure.shared_share is not None and measure.shared_share < 1, measure.id


def test_efforts_and_costs_are_plausible_for_a_small_municipality() -> None:
    for measure in MEASURES.values():
        assert 0 < measure.effort_intro_hours <= 400, measure.id
        assert measure.effort_run_hours_per_year <= 400, measure.id
        assert measure.cost_eur <= 50_000, measure.id
    assert sum(m.small_municipality for m in MEASURES.values()) >= 0.8 * len(MEASURES)


def test_measures_cite_existing_sources() -> None:
    sources = {item["id"] for item in _items(DATA / "sources.yaml", "sources")}
    for measure in MEASURES.values():
        assert set(measure.sources) <= sources, f"{measure.id}: {set(measure.sources) - sources}"


GOOD_PRACTICES = [
    "saint-workshop",
    "riec-weerbaarheidsscan",
    "signalenoverleg-ondermijning",
    "privacyprotocol-signaalregister",
    "bibob-beleidsregel-vergunningen",
    "bibob-beleidsregel-subsidies",
    "bibob-beleidsregel-opdrachten",
    "vog-p-risicofuncties",
    "iban-naamcheck",
    "stamgegevensbeheer-gescheiden",
    "logging-raadplegingen",
    "vier-ogen-uitgifte-reisdocumenten",
    "laa-adresonderzoek",
    "dilemmatraining",
    "integriteit-op-bw-agenda",
    "barrieremodel-sessie",
    "vertrouwenspersonen-buitengebied",
    "apv-vergunningplicht-risicobranches",
    "ensia-zelfevaluatie-benutten",
    "zelfevaluatie-brp",
    "zelfevaluatie-reisdocumenten",
    "vervangerspool-buurgemeente",
    "bibob-loket-riec-gedeeld",
    "roulatie-toezichtgebieden",
]


@pytest.mark.parametrize("measure_id", GOOD_PRACTICES)
def test_good_practice_is_in_the_catalogue(measure_id: str) -> None:
    assert measure_id in MEASURES


# --- questions -----------------------------------------------------------------------------------


def test_question_counts() -> None:
    per_process = Counter(q.process for q in QUESTIONS.values())
    assert {p: per_process[p] for p in PROCESS_IDS if per_process[p] < 12} == {}
    assert per_process[None] >= 18
    assert len(QUESTIONS) >= 114


def test_question_ids_files_and_sections_agree() -> None:
    for question_id, question in QUESTIONS.items():
        stem = QUESTION_FILES[question_id].stem
        assert re.fullmatch(rf"{stem}\.q\d{{2}}", question_id), question_id
        if question.process is None:
            assert stem == "algemeen" and question.section in GENERAL_SECTIONS, question_id
        else:
            assert stem == question.process and question.section == "proces", question_id


def test_question_kind_matches_scale_and_target() -> None:
    for question in QUESTIONS.values():
        scale = SCALES[question.scale]
        if question.kind == "control":
            assert question.scale == "volwassenheid", question.id
            assert question.target in CONTROL_TARGETS, question.id
        else:
            assert scale.direction == "exposure", question.id
            assert question.target in EXPOSURE_TARGETS, question.id


def test_anchors_describe_every_level() -> None:
    for question in QUESTIONS.values():
        if question.anchors is not None:
            assert len(question.anchors) == len(SCALES[question.scale].levels), question.id


@pytest.mark.parametrize("process", PROCESS_IDS)
def test_process_questionnaire_is_balanced(process: str) -> None:
    questions = [q for q in QUESTIONS.values() if q.process == process]
    controls = [q for q in questions if q.kind == "control"]
    assert len(controls) >= 6
    assert {"functies", "personen", "werkwijze"} <= {q.target for q in controls}
    assert any(q.scale == "volume" for q in questions), "a question on the process volume"
    assert sum(q.kind == "exposure" for q in questions) >= 3
    assert sum(q.anchors is not None for q in questions) >= 3


def test_general_questionnaire_covers_every_section() -> None:
    general = [q for q in QUESTIONS.values() if q.process is None]
    per_section = Counter(str(q.section) for q in general)
    assert {s: per_section[s] for s in GENERAL_SECTIONS if per_section[s] < 3} == {}


def test_weights_and_size_classes() -> None:
    for question in QUESTIONS.values():
        assert 1.0 <= question.weight <= 2.0, question.id
        assert 1.0 <= question.small_weight <= 2.0, question.id
        assert set(question.applies_to) <= SIZE_CLASSES, question.id
    assert any(q.small_weight > 1 for q in QUESTIONS.values())


def test_questions_reference_measures_and_no_measure_is_orphaned() -> None:
    referenced = {m for q in QUESTIONS.values() for m in q.measures}
    unknown = {q.id: set(q.measures) - set(MEASURES) for q in QUESTIONS.values()}
    assert {k: v for k, v in unknown.items() if v} == {}
    assert set(MEASURES) - referenced == set()


def test_question_measures_address_the_question_process() -> None:
    for question in QUESTIONS.values():
        if question.process is not None:
            assert any(question.process in MEASURES[m].processes for m in question.measures), (
                question.id
            )


def test_texts_are_translated() -> None:
    texts = [(m.id, m.title) for m in MEASURES.values()]
    texts += [(q.id, q.text) for q in QUESTIONS.values()]
    for item_id, text in texts:
        assert text.nl != text.en, f"{item_id}: English missing"
