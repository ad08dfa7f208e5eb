"""The data layout: which file (or glob) holds which model, read and shape-checked with pydantic."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from weerbaar.knowledge.awareness import Dilemma, FunctionGroup, Lesson, Pulse
from weerbaar.knowledge.errors import Problem
from weerbaar.knowledge.models import (
    Circumstance,
    Factor,
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
from weerbaar.knowledge.yamlfile import Loc, YamlFile, duplicate_keys, read_yaml


@dataclass(frozen=True)
class FileSpec:
    """``pattern`` (a glob under the data directory) holds ``key: [model, ...]``, or one model."""

    pattern: str
    model: type[Strict]
    key: str | None
    required: bool = True


SPECS: tuple[FileSpec, ...] = (
    FileSpec("framework.yaml", FrameworkInfo, None),
    FileSpec("sources.yaml", Source, "sources"),
    FileSpec("saint_areas.yaml", SaintArea, "saint_areas"),
    FileSpec("processes/*.yaml", Process, None),
    FileSpec("circumstances.yaml", Circumstance, "circumstances"),
    FileSpec("factors.yaml", Factor, "factors"),
    FileSpec("themes.yaml", Theme, "themes"),
    FileSpec("recommendations.yaml", Recommendation, "recommendations"),
    FileSpec("size_classes.yaml", SizeClass, "size_classes"),
    FileSpec("scales.yaml", Scale, "scales"),
    FileSpec("measures/*.yaml", Measure, "measures"),
    FileSpec("questions/*.yaml", Question, "questions"),
    FileSpec("awareness/function_groups.yaml", FunctionGroup, "function_groups"),
    FileSpec("awareness/dilemmas/*.yaml", Dilemma, "dilemmas"),
    FileSpec("awareness/lessons/*.yaml", Lesson, None),
    FileSpec("awareness/pulse.yaml", Pulse, None),
)


@dataclass(frozen=True)
class Item:
    """One validated model and where it was written."""

    model: Any
    file: YamlFile
    loc: Loc

    def problem(self, suffix: Loc, message: str) -> Problem:
        return self.file.problem(self.loc + suffix, message)


@dataclass
class RawData:
    """Everything read from a data directory, before cross-reference checks."""

    items: dict[type[Strict], list[Item]] = field(default_factory=dict)
    files: list[YamlFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    unreadable: list[str] = field(default_factory=list)

    def of(self, model: type[Strict]) -> list[Item]:
        return self.items.get(model, [])


def _wrapper(spec: FileSpec) -> type[BaseModel]:
    if spec.key is None:
        return spec.model
    fields: Any = {spec.key: (list[spec.model], ...)}  # type: ignore[name-defined]
    wrapper: type[BaseModel] = create_model(f"{spec.model.__name__}File", __base__=Strict, **fields)
    return wrapper


def _errors(file: YamlFile, prefix: Loc, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = prefix + tuple(detail["loc"])
        problems.append(file.problem(loc, detail["msg"]))
    return problems


def _salvage(spec: FileSpec, file: YamlFile, raw: RawData) -> None:
    """After a file failed as a whole, keep its valid items and remember the broken ids."""
    key = spec.key
    entries = file.data.get(key) if isinstance(file.data, dict) and key else None
    if key is None or not isinstance(entries, list):
        return
    for index, entry in enumerate(entries):
        try:
            model = spec.model.model_validate(entry)
        except ValidationError:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                raw.broken_ids.add(entry["id"])
            continue
        raw.items.setdefault(spec.model, []).append(Item(model, file, (key, index)))


def _read_file(spec: FileSpec, file: YamlFile, raw: RawData) -> None:
    try:
        parsed = _wrapper(spec).model_validate(file.data)
    except ValidationError as exc:
        raw.problems.extend(_errors(file, (), exc))
        if (
            spec.key is None
            and isinstance(file.data, dict)
            and isinstance(file.data.get("id"), str)
        ):
            raw.broken_ids.add(file.data["id"])
        _salvage(spec, file, raw)
        return
    bucket = raw.items.setdefault(spec.model, [])
    if spec.key is None:
        bucket.append(Item(parsed, file, ()))
        return
    for index, model in enumerate(getattr(parsed, spec.key)):
        bucket.append(Item(model, file, (spec.key, index)))


def read_directory(directory: Path) -> RawData:
    """Read and shape-check every data file; collect all problems."""
    raw = RawData()
    for spec in SPECS:
        paths = sorted(directory.glob(spec.pattern))
        if not paths and spec.required:
            raw.problems.append(Problem(spec.pattern, None, "", "required file(s) missing"))
        for path in paths:
            result = read_yaml(path, directory)
            if isinstance(result, Problem):
                raw.problems.append(result)
                raw.unreadable.append(result.file)
                continue
            raw.files.append(result)
            raw.problems.extend(duplicate_keys(result))
            _read_file(spec, result, raw)
    return raw
