"""Load the knowledge base from YAML into a checked :class:`Framework`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

from weerbaar.knowledge.awareness import Dilemma, FunctionGroup, Lesson, Pulse
from weerbaar.knowledge.errors import KnowledgeError
from weerbaar.knowledge.files import RawData, read_directory
from weerbaar.knowledge.models import (
    PROCESS_IDS,
    Circumstance,
    Factor,
    Framework,
    FrameworkInfo,
    Measure,
    Process,
    Question,
    Recommendation,
    SaintArea,
    Scale,
    SizeClass,
    Source,
    Strict,
    Theme,
)
from weerbaar.knowledge.reference import FICTIONAL_FILE, municipalities, sbi_codes
from weerbaar.knowledge.validation import cross_check

DATA_DIR = Path(__file__).parent / "data"


def content_hash(raw: RawData) -> str:
    """sha256 over the parsed content of every data file (comments and layout do not count).

    Each file contributes its POSIX relative path and its data as canonical JSON, so the hash is
    the same on every platform and for every line-ending convention.
    """
    digest = hashlib.sha256()
    for file in sorted(raw.files, key=lambda f: f.relative):
        digest.update(file.relative.encode("utf-8") + b"\0")
        canonical = json.dumps(file.data, sort_keys=True, ensure_ascii=False, default=str)
        digest.update(canonical.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _by_id(raw: RawData, model: type[Strict]) -> dict[str, Any]:
    return {item.model.id: item.model for item in raw.of(model)}


def _in_order(items: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """``items`` in the canonical order of the study (files are read alphabetically)."""
    return dict(sorted(items.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99))


def _build(raw: RawData) -> Framework:
    size_classes = [item.model for item in raw.of(SizeClass)]
    places, problems = municipalities(size_classes)
    fictional, more = municipalities(size_classes, file=FICTIONAL_FILE)
    if problems or more:
        raise KnowledgeError(problems + more)
    return Framework(
        info=raw.of(FrameworkInfo)[0].model,
        content_hash=content_hash(raw),
        sources=_by_id(raw, Source),
        saint_areas=_by_id(raw, SaintArea),
        processes=_in_order(_by_id(raw, Process), PROCESS_IDS),
        circumstances=_by_id(raw, Circumstance),
        factors=_by_id(raw, Factor),
        themes=_by_id(raw, Theme),
        recommendations=_by_id(raw, Recommendation),
        size_classes=_by_id(raw, SizeClass),
        scales=_by_id(raw, Scale),
        measures=_by_id(raw, Measure),
        questions=_by_id(raw, Question),
        municipalities=places,
        fictional_municipalities=fictional,
        function_groups=_by_id(raw, FunctionGroup),
        dilemmas=_by_id(raw, Dilemma),
        lessons=_in_order(_by_id(raw, Lesson), tuple(f"les-{p}" for p in PROCESS_IDS)),
        pulse=next((item.model for item in raw.of(Pulse)), None),
    )


def _load(directory: Path, signal_rules: Collection[str] | None = None) -> Framework:
    if not directory.is_dir():
        raise FileNotFoundError(f"knowledge data directory not found: {directory}")
    raw = read_directory(directory)
    # An unreadable file would make every reference into it look broken: report it alone.
    problems = (
        raw.problems
        if raw.unreadable
        else raw.problems + cross_check(raw, sbi_codes(), signal_rules)
    )
    if problems:
        raise KnowledgeError(problems)
    return _build(raw)


def validate_framework(
    directory: Path | None = None, *, signal_rules: Collection[str] | None = None
) -> Framework:
    """Load ``directory`` afresh (default: the shipped data) with every check.

    ``signal_rules``: the rule registry's ids; red flags may cite only these (see
    :func:`weerbaar.knowledge.validation.cross_check`). Raises :class:`KnowledgeError`.
    """
    return _load(directory or DATA_DIR, signal_rules)


@lru_cache(maxsize=1)
def _shipped() -> Framework:
    return _load(DATA_DIR)


def load_framework(directory: Path | None = None) -> Framework:
    """The framework in ``directory`` (default: the shipped data, loaded once and cached).

    Raises :class:`KnowledgeError` listing every problem (file, YAML path, line, message).
    """
    if directory is None or directory.resolve() == DATA_DIR.resolve():
        return _shipped()
    return _load(directory)
