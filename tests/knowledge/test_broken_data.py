"""Deliberately broken copies of the shipped data: every problem names file, path and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from knowledge_helpers import copy_data, edit_yaml, find, first_file, problems_of, replace_text


def _text_case(
    file: str, old: str, new: str, path: str, message: str, exact: bool = True
) -> Callable[[Path], Any]:
    """Replace ``old`` by ``new``; the problem must point at that line (or, for a whole object
    such as a red flag, at the object's first line above it)."""

    def run(data: Path) -> None:
        line = replace_text(data / file, old, new)
        problem = find(problems_of(data), file, path, message)
        assert problem.line is not None
        assert problem.line == line if exact else line - 15 < problem.line <= line

    return run


TEXT_CASES = {
    "missing English": _text_case(
        "themes.yaml", "en: Knowledge", 'en: ""', "themes[0].name.en", "at least 1 character"
    ),
    "unknown source": _text_case(
        "processes/financien.yaml",
        "    sources: [FI3]",
        "    sources: [NOPE]",
        "modus_operandi[2].sources[0]",
        "unknown source 'NOPE'",
    ),
    "wrong type": _text_case(
        "size_classes.yaml",
        "min_population: 25000",
        "min_population: veel",
        "size_classes[1].min_population",
        "valid integer",
    ),
    "unknown SBI code": _text_case(
        "circumstances.yaml",
        'sbi_code: "4941"',
        'sbi_code: "9999"',
        "circumstances[4].sectors[13].sbi_code",
        "unknown SBI code '9999'",
    ),
    "unknown SAINT area": _text_case(
        "processes/inkoop.yaml",
        "saint_areas: [contracteren]",
        "saint_areas: [kopen]",
        "saint_areas[0]",
        "unknown SAINT area 'kopen'",
    ),
    "unknown key": _text_case(
        "factors.yaml",
        "    group: saint_raising",
        "    groep: saint_raising",
        "factors[3].groep",
        "Extra inputs are not permitted",
    ),
    "red flag in data without datasets": _text_case(
        "processes/toezicht.yaml",
        "    datasets: [inspections]\n    signal_rules: [TOE-005]\n    sources: [WG19]\n",
        "    sources: [WG19]\n",
        "red_flags[0]",
        "must name at least one dataset",
        exact=False,
    ),
    "malformed signal rule": _text_case(
        "processes/financien.yaml",
        "signal_rules: [FIN-001, FIN-002]",
        "signal_rules: [fin2, FIN-002]",
        "red_flags[1].signal_rules[0]",
        "malformed signal rule id",
    ),
}


@pytest.mark.parametrize("case", sorted(TEXT_CASES))
def test_text_breakage_is_reported_with_file_path_and_line(case: str, tmp_path: Path) -> None:
    TEXT_CASES[case](copy_data(tmp_path))


def test_bad_yaml_syntax_names_the_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(data / "factors.yaml", "  - id: cultuur", "  - id: [cultuur")
    problems = problems_of(data)
    problem = find(problems, "factors.yaml", "", "invalid YAML")
    assert problem.line is not None and problem.line >= line
    assert problems == [problem]  # no cascade of follow-up reference errors


def test_duplicate_yaml_key_is_not_silently_dropped(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(
        data / "themes.yaml", "      en: Knowledge\n", "      en: Knowledge\n      en: Kennis\n"
    )
    problem = find(problems_of(data), "themes.yaml", "themes[0].name.en", "duplicate key 'en'")
    assert problem.line == line + 1


def test_missing_process_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "processes" / "brp.yaml").unlink()
    find(problems_of(data), "processes/brp.yaml", "process", "missing process 'brp'")


def test_process_in_the_wrong_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "processes" / "brp.yaml").rename(data / "processes" / "bevolking.yaml")
    find(problems_of(data), "processes/bevolking.yaml", "id", "must be in processes/brp.yaml")


def _measure_file(data: Path) -> Path:
    return first_file(data, "measures/*.yaml")


def _relative(data: Path, path: Path) -> str:
    return path.relative_to(data).as_posix()


def test_unknown_process_in_measure(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = _measure_file(data)
    edit_yaml(path, lambda d: d["measures"][0]["processes"].insert(0, "nope"))
    problem = find(
        problems_of(data), _relative(data, path), "measures[0].processes[0]", "unknown process"
    )
    assert problem.line is not None


def test_duplicate_measure_id_across_files(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    files = sorted(data.glob("measures/*.yaml"))
    if len(files) < 2:
        pytest.skip("needs two measure files")
    first: dict[str, Any] = {}
    edit_yaml(files[0], lambda d: first.update(d["measures"][0]))
    edit_yaml(files[1], lambda d: d["measures"].append(dict(first)))
    find(problems_of(data), _relative(data, files[1]), "measures[", f"duplicate id {first['id']!r}")


def test_orphan_measure(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = _measure_file(data)

    def add_orphan(d: Any) -> None:
        d["measures"].append({**d["measures"][0], "id": "verweesde-maatregel", "prerequisites": []})

    edit_yaml(path, add_orphan)
    find(
        problems_of(data),
        _relative(data, path),
        "measures[",
        "orphan measure 'verweesde-maatregel'",
    )


def test_prerequisite_cycle(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = _measure_file(data)

    def cycle(d: Any) -> None:
        a, b = d["measures"][0], d["measures"][1]
        a["prerequisites"], b["prerequisites"] = [b["id"]], [a["id"]]

    edit_yaml(path, cycle)
    problems = problems_of(data)
    assert any(
        "prerequisite cycle" in p.message and p.file == _relative(data, path) for p in problems
    )


def test_question_without_measure(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = first_file(data, "questions/*.yaml")
    edit_yaml(path, lambda d: d["questions"][0].update(measures=[]))
    find(problems_of(data), _relative(data, path), "questions[0].measures", "at least 1 item")


def test_question_with_unknown_scale_and_wrong_anchor_count(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = first_file(data, "questions/*.yaml")

    def breaks(d: Any) -> None:
        d["questions"][0]["scale"] = "geen-schaal"
        d["questions"][1]["anchors"] = [{"nl": "alleen", "en": "only"}]

    edit_yaml(path, breaks)
    problems = problems_of(data)
    find(problems, _relative(data, path), "questions[0].scale", "unknown scale 'geen-schaal'")
    find(problems, _relative(data, path), "questions[1].anchors", "1 anchors, but scale")


def test_question_in_the_wrong_file(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "questions" / "brp.yaml"
    edit_yaml(path, lambda d: d["questions"][0].update(process="toezicht"))
    find(problems_of(data), "questions/brp.yaml", "questions[0].process", "questions/toezicht.yaml")


def test_all_problems_are_collected_not_only_the_first(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    replace_text(data / "themes.yaml", "en: Knowledge", 'en: ""')
    replace_text(data / "processes/inkoop.yaml", "saint_areas: [contracteren]", "saint_areas: [x]")
    replace_text(data / "size_classes.yaml", "min_population: 25000", "min_population: veel")
    files = {p.file for p in problems_of(data)}
    assert {"themes.yaml", "processes/inkoop.yaml", "size_classes.yaml"} <= files


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("nl", "Veel bewoners met een andere nationaliteit op één adres.", "nationaliteit"),
        ("en", "Many residents of non-western ethnicity at one address.", "ethnicity"),
        ("nl", "Aanvragers met een migratieachtergrond.", "migratieachtergrond"),
    ],
)
def test_red_flag_on_a_protected_attribute_is_refused(
    language: str, text: str, word: str, tmp_path: Path
) -> None:
    data = copy_data(tmp_path)
    path = data / "processes" / "brp.yaml"
    edit_yaml(path, lambda d: d["red_flags"][0]["description"].__setitem__(language, text))
    problem = find(
        problems_of(data),
        "processes/brp.yaml",
        f"red_flags[0].description.{language}",
        f"protected attribute ({word!r})",
    )
    assert problem.line is not None
