"""Errors of the reports package: inputs that do not belong together, or a file that is broken."""

from __future__ import annotations


class ReportError(ValueError):
    """A report cannot be made; the message names the input (file, field) that is wrong."""

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.message = message
        self.location = location
