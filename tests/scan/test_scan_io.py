"""Scan files: JSON load/dump, problems named by question and respondent, the schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from weerbaar.knowledge.models import Framework
from weerbaar.scan import ScanFileError
from weerbaar.scan.io import dump_scan, load_scan, scan_json_schema

DOCS = Path(__file__).parents[2] / "docs"


def survey_data(framework: Framework) -> dict[str, object]:
    return {
        "municipality": "GM9999",
        "date": "2026-02-01",
        "framework_version": framework.version,
        "mode": "survey",
        "respondents": ["r1", "r2"],
        "answers": [
            {"question_id": "fin-a", "value": 1, "respondent": "r1", "note": "alleen op papier"},
            {"question_id": "fin-a", "value": None, "respondent": "r2"},
        ],
    }


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "scan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_round_trip(tmp_path: Path, knowledge_with: Framework) -> None:
    scan = load_scan(write(tmp_path, survey_data(knowledge_with)))
    dump_scan(scan, tmp_path / "out" / "copy.json")
    assert load_scan(tmp_path / "out" / "copy.json") == scan
    assert scan.answers[1].value is None


def test_broken_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "scan.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ScanFileError, match=r"scan\.json") as caught:
        load_scan(path)
    assert "not valid JSON" in str(caught.value)


def test_shape_errors_name_question_and_respondent(
    tmp_path: Path, small_framework: Framework
) -> None:
    data = survey_data(small_framework)
    data["answers"][1]["value"] = -1  # type: ignore[index]
    with pytest.raises(ScanFileError) as caught:
        load_scan(write(tmp_path, data), small_framework)
    [problem] = caught.value.problems
    assert (problem.question_id, problem.respondent, problem.location) == (
        "fin-a",
        "r2",
        "answers[1].value",
    )


def test_framework_problems_are_all_collected(tmp_path: Path, small_framework: Framework) -> None:
    data = survey_data(small_framework)
    data["answers"] += [  # type: ignore[operator]
        {"question_id": "bestaat-niet", "value": 1, "respondent": "r1"},
        {"question_id": "fin-x", "value": 3, "respondent": "r1"},  # volume: 0..2
        {"question_id": "fin-b", "value": 1, "respondent": "r3"},
    ]
    with pytest.raises(ScanFileError) as caught:
        load_scan(write(tmp_path, data), small_framework)
    named = {(p.question_id, p.respondent) for p in caught.value.problems}
    assert named == {("bestaat-niet", "r1"), ("fin-x", "r1"), ("fin-b", "r3")}
    assert str(tmp_path / "scan.json") in str(caught.value)


def test_a_workshop_scan_needs_its_workshop_block(
    tmp_path: Path, small_framework: Framework
) -> None:
    data = survey_data(small_framework) | {"mode": "workshop", "respondents": []}
    with pytest.raises(ScanFileError, match="workshop"):
        load_scan(write(tmp_path, data), small_framework)


def test_published_schema_is_current_and_accepts_a_scan(small_framework: Framework) -> None:
    published = json.loads((DOCS / "scan.schema.json").read_text(encoding="utf-8"))
    assert published == scan_json_schema(), "run: weerbaar scan schema --out docs/scan.schema.json"
    jsonschema.validate(survey_data(small_framework), published)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"municipality": "Voorbeeld"}, published)


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe not utf-8",
        b"[" * 100_000,
        b"[]",
        b'{"answers": "none"}',
        b'{"answers": [{"question_id": "fin-a", "value": 1' + b"0" * 5000 + b"}]}",
    ],
    ids=["encoding", "deep-nesting", "not-an-object", "wrong-types", "huge-integer"],
)
def test_hostile_files_get_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "scan.json"
    path.write_bytes(content)
    with pytest.raises(ScanFileError) as caught:
        load_scan(path)
    assert str(path) in str(caught.value)


def test_a_too_large_file_is_refused_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weerbaar.scan.io

    monkeypatch.setattr(weerbaar.scan.io, "MAX_BYTES", 10)
    path = write(tmp_path, {"answers": []})
    with pytest.raises(ScanFileError) as caught:
        load_scan(path)
    assert [str(p) for p in caught.value.problems] == ["file larger than 10 bytes"]


@pytest.mark.parametrize("value", [True, False, "2", "weet niet"])
def test_an_answer_value_that_is_not_a_number_is_refused(
    tmp_path: Path, small_framework: Framework, value: object
) -> None:
    """Review finding: ``"value": true`` was read as level 1 and ``"2"`` as 2, although the
    published schema says integer or null; a boolean answer is not a level on the scale."""
    data = survey_data(small_framework)
    data["answers"][0]["value"] = value  # type: ignore[index]
    with pytest.raises(ScanFileError) as caught:
        load_scan(write(tmp_path, data), small_framework)
    [problem] = caught.value.problems
    assert (problem.question_id, problem.location) == ("fin-a", "answers[0].value")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, scan_json_schema())


def test_a_whole_number_written_as_a_float_is_still_a_level(
    tmp_path: Path, small_framework: Framework
) -> None:
    """Tools that export a column with nulls (pandas) write 2.0; that stays level 2."""
    data = survey_data(small_framework)
    data["answers"][0]["value"] = 2.0  # type: ignore[index]
    assert load_scan(write(tmp_path, data), small_framework).answers[0].value == 2
