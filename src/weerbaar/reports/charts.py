"""Charts as server-side SVG strings: the heatmap and the before/after effect of the plan.

No script and no external references; every label is escaped. Each chart is an ``<svg
role="img">`` with a ``<title>`` and ``<desc>`` (its text alternative); the same numbers also
appear as text in the report, so nothing is only visible in a chart.
"""

from __future__ import annotations

from html import escape

from weerbaar.reports.labels import number

# Upper bounds (exclusive) of the colour classes 0..3 (points); class 4 is everything above.
# The web app's dashboard imports these, so report and dashboard use one colour scale.
CLASS_BOUNDS: tuple[float, ...] = (0.05, 3.0, 6.0, 10.0)
FILLS: tuple[str, ...] = ("#ffffff", "#fde0c5", "#f8a86b", "#d9541e", "#8c1c13")
TEXT_FILLS: tuple[str, ...] = ("#1a1a1a", "#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff")
LABEL_WIDTH = 270
HEADER_HEIGHT = 140
CELL_WIDTH = 44
CELL_HEIGHT = 30
LABEL_OVERHANG = 90
BAR_LABEL = 250
BAR_WIDTH = 380
BAR_HEIGHT = 12
FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"'


def colour_class(points: float | None) -> int:
    if points is None:
        return 0
    for index, bound in enumerate(CLASS_BOUNDS):
        if points < bound:
            return index
    return len(CLASS_BOUNDS)


def _open(width: int, height: int, key: str, title: str, desc: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="wb-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{key}-title {key}-desc" {FONT}>'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(desc)}</desc>'
    )


def heatmap_svg(
    rows: list[tuple[str, str]],
    columns: list[tuple[str, str]],
    values: dict[str, dict[str, float]],
    lang: str,
    title: str,
    desc: str,
) -> str:
    """A process (row) by circumstance/factor (column) grid of points, number in every cell."""
    # room on the right for the last column's slanted label
    width = LABEL_WIDTH + CELL_WIDTH * len(columns) + LABEL_OVERHANG
    height = HEADER_HEIGHT + CELL_HEIGHT * len(rows) + 2
    parts = [_open(width, height, "heatmap", title, desc)]
    for j, (_cid, name) in enumerate(columns):
        x = LABEL_WIDTH + CELL_WIDTH * j + CELL_WIDTH // 2 + 4
        parts.append(
            f'<text x="{x}" y="{HEADER_HEIGHT - 6}" font-size="14" fill="#1a1a1a" '
            f'transform="rotate(-60 {x} {HEADER_HEIGHT - 6})">{escape(_short(name, 20))}</text>'
        )
    for i, (pid, name) in enumerate(rows):
        y = HEADER_HEIGHT + CELL_HEIGHT * i
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + CELL_HEIGHT // 2 + 5}" font-size="14" '
            f'text-anchor="end" fill="#1a1a1a">{escape(_short(name, 32))}</text>'
        )
        for j, (cid, _name) in enumerate(columns):
            parts.append(_cell(LABEL_WIDTH + CELL_WIDTH * j, y, values.get(pid, {}).get(cid), lang))
    parts.append("</svg>")
    return "".join(parts)


def _cell(x: int, y: int, points: float | None, lang: str) -> str:
    cls = colour_class(points)
    text = "–" if points is None else number(points, lang)
    return (
        f'<rect x="{x}" y="{y}" width="{CELL_WIDTH}" height="{CELL_HEIGHT}" '
        f'fill="{FILLS[cls]}" stroke="#595959" stroke-width="1"/>'
        f'<text x="{x + CELL_WIDTH // 2}" y="{y + CELL_HEIGHT // 2 + 4}" text-anchor="middle" '
        f'font-size="13" fill="{TEXT_FILLS[cls]}">{text}</text>'
    )


def _short(text: str, limit: int) -> str:
    """Shorten a label that would not fit its space, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def effect_svg(
    rows: list[tuple[str, float, float]],
    lang: str,
    labels: tuple[str, str],
    title: str,
    desc: str,
) -> str:
    """Two bars per process, before and after the plan, on a 0-100 axis; numbers beside them."""
    step = 2 * BAR_HEIGHT + 14
    height = 34 + step * len(rows)
    width = BAR_LABEL + BAR_WIDTH + 60
    parts = [_open(width, height, "effect", title, desc)]
    parts.extend(_legend(labels))
    for i, (name, before, after) in enumerate(rows):
        y = 30 + step * i
        parts.append(
            f'<text x="{BAR_LABEL - 8}" y="{y + BAR_HEIGHT + 4}" font-size="12" '
            f'text-anchor="end" fill="#1a1a1a">{escape(_short(name, 34))}</text>'
        )
        parts.append(_bar(y, before, "#767676", lang))
        parts.append(_bar(y + BAR_HEIGHT + 1, after, "#1f4e79", lang))
    parts.append("</svg>")
    return "".join(parts)


def _legend(labels: tuple[str, str]) -> list[str]:
    out = []
    for k, (text, fill) in enumerate(zip(labels, ("#767676", "#1f4e79"), strict=True)):
        x = BAR_LABEL + 110 * k
        out.append(f'<rect x="{x}" y="6" width="14" height="12" fill="{fill}"/>')
        out.append(f'<text x="{x + 20}" y="17" font-size="12" fill="#1a1a1a">{escape(text)}</text>')
    return out


def _bar(y: int, value: float, fill: str, lang: str) -> str:
    length = max(BAR_WIDTH * min(max(value, 0.0), 100.0) / 100, 0.5)
    return (
        f'<rect x="{BAR_LABEL}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{fill}"/>'
        f'<text x="{BAR_LABEL + length + 5:.1f}" y="{y + BAR_HEIGHT - 2}" font-size="11" '
        f'fill="#1a1a1a">{number(value, lang)}</text>'
    )
