"""The shipped knowledge base: loads, exports with the promised shape, cites real sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from knowledge_helpers import copy_data, replace_text

from weerbaar.demo import VOORBEELD
from weerbaar.knowledge import (
    UnknownMunicipalityError,
    export_data,
    load_framework,
)
from weerbaar.knowledge.files import read_directory
from weerbaar.knowledge.loader import content_hash
from weerbaar.knowledge.models import PROCESS_IDS
from weerbaar.knowledge.reference import size_class_for
from weerbaar.knowledge.yamlfile import format_path


@pytest.fixture(scope="module")
def framework():  # type: ignore[no-untyped-def]
    return load_framework()


def test_shipped_framework_loads_with_semver_and_hash(framework) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", framework.version)
    assert framework.version.startswith(framework.info.version + "+")
    assert load_framework() is framework  # the default is cached


def test_export_shape_and_counts(framework) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(export_data(framework)))
    for key in ("version", "processes", "circumstances", "factors", "themes", "measures"):
        assert key in data
    for key in ("questions", "sources", "municipalities", "scales", "recommendations"):
        assert key in data
    assert sorted(data["processes"]) == sorted(PROCESS_IDS)
    assert len(data["municipalities"]) == 342
    assert "GM9999" not in data["municipalities"]
    assert len(data["recommendations"]) == 5
    assert set(data["size_classes"]) == {"klein", "middelgroot", "groot"}


def test_every_process_measure_and_red_flag_cites_an_existing_source(framework) -> None:  # type: ignore[no-untyped-def]
    cited: list[str] = []
    for process in framework.processes.values():
        cited += process.sources
        for flag in process.red_flags:
            assert flag.sources, flag.id
            cited += flag.sources
    for measure in framework.measures.values():
        assert measure.sources, measure.id
        cited += measure.sources
    assert set(cited) <= set(framework.sources)


def test_processes_have_enough_substance(framework) -> None:  # type: ignore[no-untyped-def]
    for process in framework.processes.values():
        assert len(process.modus_operandi) >= 3
        assert len(process.red_flags) >= 5
        assert len(framework.questions_for(process.id)) >= 10
    assert len(framework.questions_for(None)) >= 15


def test_municipalities_get_size_class_from_population(framework) -> None:  # type: ignore[no-untyped-def]
    for municipality in framework.municipalities.values():
        size = framework.size_classes[municipality.size_class]
        assert municipality.population >= size.min_population
        assert size.max_population is None or municipality.population < size.max_population
    assert framework.municipalities["GM0014"].size_class == "groot"  # Groningen


def test_find_municipality_resolves_demo_and_rejects_unknown(framework) -> None:  # type: ignore[no-untyped-def]
    assert framework.find_municipality("GM9999") == VOORBEELD
    assert framework.find_municipality("GM0014").name == "Groningen"
    with pytest.raises(UnknownMunicipalityError, match="GM0001"):
        framework.find_municipality("GM0001")
    with pytest.raises(KeyError):
        framework.find_municipality("nonsense")


def test_content_hash_ignores_comments_but_not_content(tmp_path: Path) -> None:
    data = copy_data(tmp_path)  # a private copy: other work may edit the shipped data meanwhile
    base = content_hash(read_directory(data))
    text = (data / "themes.yaml").read_text(encoding="utf-8")
    (data / "themes.yaml").write_text("# another comment\r\n" + text.replace("\n", "\r\n"), "utf-8")
    assert content_hash(read_directory(data)) == base
    replace_text(data / "themes.yaml", "en: Knowledge", "en: Knowhow")
    assert content_hash(read_directory(data)) != base


@given(st.integers(min_value=0, max_value=10_000_000))
def test_every_population_falls_in_exactly_one_size_class(population: int) -> None:
    classes = list(load_framework().size_classes.values())
    matches = [c.id for c in classes if size_class_for(population, [c]) is not None]
    assert len(matches) == 1
    assert size_class_for(population, classes) == matches[0]
    assert (matches[0] == "klein") == (population < 25_000)


@given(
    st.lists(
        st.one_of(st.integers(0, 99), st.from_regex(r"[a-z_]{1,8}", fullmatch=True)), max_size=6
    )
)
def test_format_path_writes_indices_in_brackets(loc: list[int | str]) -> None:
    text = format_path(tuple(loc))
    assert text.count("[") == sum(isinstance(part, int) for part in loc)
    assert not text.startswith(".")


def test_demo_municipality_is_consistent_but_not_among_the_342(framework) -> None:  # type: ignore[no-untyped-def]
    assert VOORBEELD.code not in framework.municipalities
    derived = size_class_for(VOORBEELD.population, framework.size_classes.values())
    assert VOORBEELD.size_class == derived
    assert VOORBEELD.riec_region in {m.riec_region for m in framework.municipalities.values()}


def test_the_knowledge_core_finds_the_demo_municipality_without_importing_the_demo() -> None:
    """Debt paid (issue 12): knowledge/models.py imported weerbaar.demo inside a method."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from weerbaar.knowledge import load_framework\n"
        "m = load_framework().find_municipality('GM9999')\n"
        "assert m.demo and m.name == 'Voorbeeld', m\n"
        "assert not [n for n in sys.modules if n.startswith('weerbaar.demo')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    source = (Path(__file__).parents[2] / "src/weerbaar/knowledge/models.py").read_text("utf-8")
    assert "weerbaar.demo" not in source
