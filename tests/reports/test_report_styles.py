"""Trimming the NL Design System CSS to what the report uses."""

from __future__ import annotations

from weerbaar.reports.styles import report_css, trim, used_classes

CSS = """
.utrecht-table { border: 0; }
.utrecht-button { color: red; }
.utrecht-button, .utrecht-paragraph { margin: 0; }
.voorbeeld-theme { --utrecht-table-border-width: 1px; }
@media print { .utrecht-button { display: none; } }
"""


def test_trim_keeps_used_and_unclassed_rules_and_drops_the_rest() -> None:
    kept = trim(CSS, frozenset({"utrecht-table", "utrecht-paragraph"}))
    assert ".utrecht-table { border: 0; }" in kept
    assert ".utrecht-button, .utrecht-paragraph" in kept  # one used class keeps the list
    assert "--utrecht-table-border-width" in kept
    assert "@media print" in kept
    assert "color: red" not in kept


def test_templates_use_utrecht_classes_that_survive_trimming() -> None:
    classes = used_classes()
    assert {"utrecht-table", "utrecht-heading-2", "utrecht-paragraph"} <= classes
    css = "\n".join(report_css())
    for name in ("utrecht-table__cell", "utrecht-heading-2"):
        if name in classes:
            assert f".{name}" in css
