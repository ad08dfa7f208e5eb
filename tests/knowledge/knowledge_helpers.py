"""Helpers for tests that break a copy of the shipped knowledge data."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from weerbaar.knowledge import DATA_DIR, KnowledgeError, Problem, load_framework


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def replace_text(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` by ``new``; return the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def edit_yaml(path: Path, change: Callable[[Any], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first_file(directory: Path, pattern: str) -> Path:
    files = sorted(directory.glob(pattern))
    if not files:
        pytest.skip(f"no {pattern} in the shipped data yet")
    return files[0]


def problems_of(directory: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as caught:
        load_framework(directory)
    return caught.value.problems


def find(problems: list[Problem], file: str, path: str, message: str) -> Problem:
    """The problem in ``file`` at ``path`` (a path ending in ``[`` matches any index)."""
    for problem in problems:
        same_path = problem.path == path or (path.endswith("[") and problem.path.startswith(path))
        if problem.file == file and same_path and message in problem.message:
            return problem
    listing = "\n".join(str(p) for p in problems)
    raise AssertionError(f"no problem {file} {path} {message!r} among:\n{listing}")
