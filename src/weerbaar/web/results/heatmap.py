"""The process × circumstance heatmap as a server-rendered SVG (no script, no inline style).

Cells hold the points a circumstance or factor adds to a process's vulnerability (a row adds up
to the process score). Colours come in five classes with a legend; the numbers are printed in
every cell, and the page shows the same data as a table (the text alternative).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# One colour scale for the dashboard and the management report (defined in the core).
from weerbaar.reports.charts import CLASS_BOUNDS, FILLS, TEXT_FILLS, colour_class

__all__ = ["CLASS_BOUNDS", "FILLS", "TEXT_FILLS", "Heatmap", "colour_class", "render_svg"]

LABEL_WIDTH = 420
HEADER_HEIGHT = 150
CELL_WIDTH = 64
CELL_HEIGHT = 36
RIGHT_MARGIN = 90  # room for the last rotated column label


@dataclass(frozen=True)
class Heatmap:
    rows: list[tuple[str, str]]  # (process id, label)
    columns: list[tuple[str, str]]  # (target id, label)
    values: dict[str, dict[str, float]]

    def value(self, row: str, column: str) -> float | None:
        return self.values.get(row, {}).get(column)


def _number(points: float | None, decimal_comma: bool) -> str:
    if points is None:
        return "–"
    text = f"{points:.1f}"
    return text.replace(".", ",") if decimal_comma else text


def _cell(x: int, y: int, points: float | None, decimal_comma: bool) -> str:
    cls = colour_class(points)
    return (
        f'<rect x="{x}" y="{y}" width="{CELL_WIDTH}" height="{CELL_HEIGHT}" '
        f'fill="{FILLS[cls]}" stroke="#595959" stroke-width="1"/>'
        f'<text x="{x + CELL_WIDTH // 2}" y="{y + CELL_HEIGHT // 2 + 5}" text-anchor="middle" '
        f'font-size="14" fill="{TEXT_FILLS[cls]}">{_number(points, decimal_comma)}</text>'
    )


def render_svg(heatmap: Heatmap, title: str, description: str, decimal_comma: bool) -> SafeString:
    """The SVG markup; ``title``/``description`` name it for assistive technology."""
    width = LABEL_WIDTH + CELL_WIDTH * len(heatmap.columns) + RIGHT_MARGIN
    height = HEADER_HEIGHT + CELL_HEIGHT * len(heatmap.rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wb-heatmap" viewBox="0 0 {width} '
        f'{height}" width="{width}" height="{height}" role="img" '
        'aria-labelledby="heatmap-titel heatmap-beschrijving">',
        f'<title id="heatmap-titel">{escape(title)}</title>',
        f'<desc id="heatmap-beschrijving">{escape(description)}</desc>',
    ]
    for j, (_cid, label) in enumerate(heatmap.columns):
        x = LABEL_WIDTH + j * CELL_WIDTH + CELL_WIDTH // 2
        parts.append(
            f'<text x="{x}" y="{HEADER_HEIGHT - 8}" font-size="13" fill="#1a1a1a" '
            f'transform="rotate(-45 {x} {HEADER_HEIGHT - 8})">{escape(label)}</text>'
        )
    for i, (rid, label) in enumerate(heatmap.rows):
        y = HEADER_HEIGHT + i * CELL_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + CELL_HEIGHT // 2 + 5}" text-anchor="end" '
            f'font-size="14" fill="#1a1a1a">{escape(label)}</text>'
        )
        for j, (cid, _label) in enumerate(heatmap.columns):
            x = LABEL_WIDTH + j * CELL_WIDTH
            parts.append(_cell(x, y, heatmap.value(rid, cid), decimal_comma))
    parts.append("</svg>")
    return mark_safe("".join(parts))
