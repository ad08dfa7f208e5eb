"""Reference data shipped beside the framework: municipalities and risk-sector SBI codes."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from weerbaar.knowledge.errors import Problem
from weerbaar.knowledge.models import Municipality, SizeClass

REFERENCE_DIR = Path(__file__).parent / "reference"


def sbi_codes(directory: Path = REFERENCE_DIR) -> set[str]:
    """The SBI codes that ``circumstances.yaml`` may cite."""
    with (directory / "sbi_risk_sectors.csv").open(encoding="utf-8", newline="") as handle:
        return {row["sbi_code"].strip() for row in csv.DictReader(handle)}


def size_class_for(population: int, classes: Iterable[SizeClass]) -> str | None:
    """The id of the size class whose band holds ``population`` (``None`` if no band does)."""
    for size_class in classes:
        upper = size_class.max_population
        if population >= size_class.min_population and (upper is None or population < upper):
            return size_class.id
    return None


MUNICIPALITIES_FILE = "municipalities.csv"
FICTIONAL_FILE = "fictional_municipalities.csv"
"""Fictional municipalities (GM9999, Voorbeeld) for demos, tests and documentation: codes CBS
does not use, never counted or exported with the real ones."""


def municipalities(
    classes: list[SizeClass], directory: Path = REFERENCE_DIR, file: str = MUNICIPALITIES_FILE
) -> tuple[dict[str, Municipality], list[Problem]]:
    """The municipalities of ``file`` (default: the 342 real ones), size class from population.

    Rows of :data:`FICTIONAL_FILE` are marked ``demo``.
    """
    result: dict[str, Municipality] = {}
    problems: list[Problem] = []
    relative = f"reference/{file}"
    fictional = file == FICTIONAL_FILE
    with (directory / file).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            found = _municipality(row, classes, relative, line, problems, fictional)
            if found is None:
                continue
            if found.code in result:
                message = f"duplicate municipality code {found.code!r}"
                problems.append(Problem(relative, line, "code", message))
                continue
            result[found.code] = found
    return result, problems


def _municipality(
    row: dict[str, str],
    classes: list[SizeClass],
    relative: str,
    line: int,
    problems: list[Problem],
    fictional: bool = False,
) -> Municipality | None:
    """One row as a :class:`Municipality`; ``None`` (and its problems added) if it is broken."""
    try:
        population = int(row["population"])
    except (TypeError, ValueError):
        message = f"population {row['population']!r} is not a whole number"
        problems.append(Problem(relative, line, "population", message))
        return None
    size_class = size_class_for(population, classes)
    if size_class is None:
        message = f"population {population} falls in no size class"
        problems.append(Problem(relative, line, "population", message))
        return None
    try:
        return Municipality(
            code=row["code"],
            name=row["name"],
            province=row["province"],
            population=population,
            riec_region=row["riec_region"],
            size_class=size_class,
            demo=fictional,
        )
    except ValidationError as exc:
        for detail in exc.errors(include_url=False):
            field = ".".join(str(part) for part in detail["loc"])
            message = f"{detail['msg']} (got {row.get(field)!r})"
            problems.append(Problem(relative, line, field, message))
        return None
