"""The shipped reference data (municipalities) and what a broken copy of it reports."""

from __future__ import annotations

import shutil
from pathlib import Path

from weerbaar.knowledge import load_framework
from weerbaar.knowledge.reference import REFERENCE_DIR, municipalities


def test_broken_municipality_rows_are_all_named_by_line_and_field(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, reference)
    csv_path = reference / "municipalities.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace(lines[2].split(",")[0], "GM12A", 1)  # line 3: malformed code
    fields = lines[4].split(",")
    fields[3] = "12x"  # line 5: population is not a number
    lines[4] = ",".join(fields)
    lines.append(lines[1])  # a duplicate of line 2, written at the end
    csv_path.write_text("".join(lines), encoding="utf-8")

    classes = list(load_framework().size_classes.values())
    places, problems = municipalities(classes, reference)

    found = {(p.file, p.line, p.path) for p in problems}
    assert found == {
        ("reference/municipalities.csv", 3, "code"),
        ("reference/municipalities.csv", 5, "population"),
        ("reference/municipalities.csv", len(lines), "code"),
    }
    assert any("GM12A" in p.message for p in problems)
    assert any("duplicate municipality code" in p.message for p in problems)
    assert len(places) == 342 - 2


def test_shipped_municipalities_are_the_342_with_provenance() -> None:
    framework = load_framework()
    assert len(framework.municipalities) == 342
    assert sum(m.population for m in framework.municipalities.values()) == 18_044_027
    provenance = (REFERENCE_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "municipalities.csv (342 rows)" in provenance
