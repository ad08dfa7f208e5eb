"""A survey from several workbooks: one respondent per workbook, combined into one scan."""

from __future__ import annotations

from weerbaar.scan.errors import ScanFileError, ScanProblem
from weerbaar.scan.models import Scan


def merge_survey(scans: list[Scan]) -> Scan:
    """One survey scan from several respondents' workbooks (same municipality and version).

    Problems name the workbook by its position (1 = the first one given).
    """
    first = scans[0]
    problems = []
    for number, scan in enumerate(scans, start=1):
        where = f"workbook {number}"
        if scan.mode != "survey":
            message = f"a {scan.mode} workbook: only survey workbooks can be combined"
            problems.append(ScanProblem(message, location=where))
        for key in ("municipality", "framework_version"):
            if getattr(scan, key) != getattr(first, key):
                message = (
                    f"{key} {getattr(scan, key)} differs from workbook 1 ({getattr(first, key)})"
                )
                problems.append(ScanProblem(message, location=where))
    seen: dict[str, int] = {}
    for number, scan in enumerate(scans, start=1):
        for token in scan.respondents:
            if token in seen:
                message = f"respondent token {token} is also in workbook {seen[token]}"
                problems.append(ScanProblem(message, location=f"workbook {number}"))
            seen.setdefault(token, number)
    if problems:
        raise ScanFileError("<workbooks>", problems)
    return first.model_copy(
        update={
            "date": max(scan.date for scan in scans),
            "respondents": list(seen),
            "answers": [a for scan in scans for a in scan.answers],
        }
    )
