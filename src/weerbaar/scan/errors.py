"""Errors of the scan package: every problem names the question id and respondent."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ScanProblem:
    """One problem in a scan: where (question, respondent, location) and what."""

    message: str
    question_id: str | None = None
    respondent: str | None = None
    location: str | None = None

    def __str__(self) -> str:
        where = []
        if self.location:
            where.append(self.location)
        if self.question_id:
            where.append(f"question {self.question_id}")
        if self.respondent:
            where.append(f"respondent {self.respondent}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class ScanError(ValueError):
    """A scan does not fit its framework (all problems collected)."""

    def __init__(self, problems: list[ScanProblem]) -> None:
        self.problems = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [f"{len(self.problems)} problem(s) in the scan:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)


class ScanFileError(ScanError):
    """A scan file (JSON or Excel) is broken or does not fit its framework."""

    def __init__(self, path: Path | str, problems: list[ScanProblem]) -> None:
        self.path = Path(path)
        super().__init__(problems)

    def _text(self) -> str:
        lines = [f"{self.path}: {len(self.problems)} problem(s):"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
