"""Errors of the knowledge base: every problem names file, YAML path and line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge data, located as precisely as possible."""

    file: str
    line: int | None
    path: str
    message: str

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.path, self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where} {self.path or '<root>'}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge data is invalid; ``problems`` lists everything found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the knowledge base:\n{lines}")


class UnknownMunicipalityError(KeyError):
    """A municipality code that is neither one of the 342 municipalities nor a demo one."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"unknown municipality code {code!r} (expected GMxxxx of a Dutch municipality)"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownVersionError(KnowledgeError, LookupError):
    """No current or archived framework has the requested version (or its snapshot is broken)."""

    def __init__(self, message: str, file: str = "archive") -> None:
        super().__init__([Problem(file, None, "version", message)])
        self.message = message
