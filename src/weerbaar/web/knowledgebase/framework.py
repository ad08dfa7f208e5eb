"""The loaded knowledge base (framework), shared by every ui view; loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from weerbaar.knowledge.models import Framework, Question

GENERAL = "algemeen"


@lru_cache(maxsize=1)
def framework() -> Framework:
    from weerbaar.knowledge import load_framework

    return load_framework()


@lru_cache(maxsize=8)
def _archived(version: str) -> Framework:
    from weerbaar.knowledge import framework_for_version

    return framework_for_version(version)


def framework_for(version: str) -> Framework:
    """The framework a scan was started on: the current one for the same semantic version
    (texts may improve within a version), else its archived snapshot."""
    current = framework()
    if version.split("+", 1)[0] == current.info.version:
        return current
    return _archived(version)


def _applies(municipality_code: str | None, fw: Framework) -> object:
    """The core's size-class profile check for a municipality (every question without one)."""
    from weerbaar.scan import ScanError
    from weerbaar.scan.profile import profile_for

    if municipality_code is None:
        return lambda question: True
    try:
        return profile_for(fw, municipality_code).applies
    except ScanError:
        # Not in the reference data (e.g. a new municipality code): every question applies;
        # scoring will say why it cannot score such a scan.
        return lambda question: True


def question_parts(
    municipality_code: str | None = None, fw: Framework | None = None
) -> dict[str, list[Question]]:
    """Questions grouped by part: one part per process (framework order), then ``algemeen``.

    With a municipality, questions that do not apply to its size class (the core's profile) are
    left out. ``fw`` defaults to the current framework.
    """
    fw = fw or framework()
    applies = _applies(municipality_code, fw)
    parts: dict[str, list[Question]] = {pid: [] for pid in fw.processes}
    parts[GENERAL] = []
    for question in fw.questions.values():
        if applies(question):  # type: ignore[operator]
            parts[question.process or GENERAL].append(question)
    return {part: questions for part, questions in parts.items() if questions}


def part_of(question: Question) -> str:
    return question.process or GENERAL
