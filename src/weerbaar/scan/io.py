"""Scan files (JSON): load with every problem named, dump atomically, publish the JSON Schema."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from weerbaar.knowledge.models import Framework
from weerbaar.scan.errors import ScanError, ScanFileError, ScanProblem
from weerbaar.scan.models import Scan, ScanComparison, ScanResult
from weerbaar.scan.profile import resolve_framework
from weerbaar.scan.validation import scan_problems

SCHEMA_ID = "https://weerbaar.example/schema/scan.schema.json"
MAX_BYTES = 20 * 1024 * 1024


def load_scan(path: Path | str, framework: Framework | None = None, check: bool = True) -> Scan:
    """Read a scan file; with ``check`` also validate it against its framework.

    The framework is ``framework`` or, when not given, the version the scan records.
    Raises :class:`ScanFileError` listing every problem with question id and respondent.
    """
    path = Path(path)
    try:
        too_large = path.stat().st_size > MAX_BYTES
        data = None if too_large else json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScanFileError(path, [ScanProblem(f"cannot read file: {exc.strerror}")]) from exc
    except (ValueError, RecursionError) as exc:
        # ValueError: bad encoding or JSON, and a number too long to read (over 4300 digits)
        raise ScanFileError(path, [ScanProblem(f"not valid JSON: {exc}")]) from exc
    if too_large:
        raise ScanFileError(path, [ScanProblem(f"file larger than {MAX_BYTES} bytes")])
    scan = parse_scan(data, path)
    if check:
        try:
            framework = framework or resolve_framework(scan.framework_version)
        except ScanError as exc:
            raise ScanFileError(path, exc.problems) from exc
        problems = scan_problems(scan, framework)
        if problems:
            raise ScanFileError(path, problems)
    return scan


def parse_scan(data: Any, path: Path | str = "<scan>") -> Scan:
    """A :class:`Scan` from decoded JSON; shape errors name the answer's question and respondent."""
    try:
        return Scan.model_validate(data)
    except ValidationError as exc:
        raise ScanFileError(path, [_problem(data, error) for error in exc.errors()]) from exc


def _problem(data: Any, error: Any) -> ScanProblem:
    loc = tuple(error["loc"])
    location = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)
    question_id = respondent = None
    if len(loc) >= 2 and loc[0] == "answers" and isinstance(loc[1], int):
        try:
            answer = data["answers"][loc[1]]
            question_id = str(answer.get("question_id")) if answer.get("question_id") else None
            respondent = str(answer.get("respondent")) if answer.get("respondent") else None
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
    return ScanProblem(error["msg"], question_id, respondent, location.lstrip(".") or "<root>")


def scan_to_json(scan: Scan) -> str:
    """Readable JSON: empty optional fields left out, but ``"value": null`` ("weet niet") kept."""
    data = scan.model_dump(mode="json", exclude_none=True)
    data["answers"] = [
        {
            "question_id": answer.question_id,
            "value": answer.value,
            **answer.model_dump(mode="json", exclude_none=True),
        }
        for answer in scan.answers
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump_scan(scan: Scan, path: Path | str) -> None:
    """Write ``scan`` as JSON; the file appears whole or not at all."""
    write_text_atomic(Path(path), scan_to_json(scan))


def write_text_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def result_to_json(result: ScanResult) -> dict[str, Any]:
    """The scored result as plain JSON data (``processes``, ``scan``, ``heatmap``, ...)."""
    return result.model_dump(mode="json")


def comparison_to_json(comparison: ScanComparison) -> dict[str, Any]:
    return comparison.model_dump(mode="json")


def scan_json_schema() -> dict[str, Any]:
    """The published JSON Schema of a scan file (``docs/scan.schema.json``), from the model."""
    schema = Scan.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "weerbaar scan",
        "description": "A municipality's self-assessment (scan) against a weerbaar framework "
        "version. Answers are validated against that framework on import.",
    }


def schema_text() -> str:
    return json.dumps(scan_json_schema(), ensure_ascii=False, indent=2) + "\n"
