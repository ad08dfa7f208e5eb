"""A survey from several workbooks: one respondent per workbook, combined into one scan."""

from __future__ import annotations

from collections.abc import Sequence

from weerbaar.scan.errors import ScanFileError, ScanProblem
from weerbaar.scan.models import Scan


def merge_survey(scans: list[Scan], names: Sequence[str] | None = None) -> Scan:
    """One survey scan from several respondents' workbooks (same municipality and version).

    Problems name each workbook by ``names`` (e.g. its file name, in the order of ``scans``),
    or by its position (``workbook 1`` = the first one given) without them.
    """
    labels = list(names) if names else [f"workbook {n}" for n in range(1, len(scans) + 1)]
    first = scans[0]
    problems = []
    for label, scan in zip(labels, scans, strict=True):
        if scan.mode != "survey":
            message = f"a {scan.mode} workbook: only survey workbooks can be combined"
            problems.append(ScanProblem(message, location=label))
        for key in ("municipality", "framework_version"):
            mine, theirs = getattr(scan, key), getattr(first, key)
            if mine != theirs:
                message = f"{key} {mine} differs from {labels[0]} ({theirs})"
                problems.append(ScanProblem(message, location=label))
    seen: dict[str, str] = {}
    for label, scan in zip(labels, scans, strict=True):
        for token in scan.respondents:
            if token in seen:
                message = f"respondent token {token} is also in {seen[token]}"
                problems.append(ScanProblem(message, location=label))
            seen.setdefault(token, label)
    if problems:
        raise ScanFileError("<workbooks>", problems)
    return first.model_copy(
        update={
            "date": max(scan.date for scan in scans),
            "respondents": list(seen),
            "answers": [a for scan in scans for a in scan.answers],
        }
    )
