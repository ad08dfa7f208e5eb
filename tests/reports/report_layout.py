"""Layout checks on a WeasyPrint document: text that sticks out of its box or off the page."""

from __future__ import annotations

from typing import Any

TOLERANCE = 0.5  # CSS px


def _children(box: Any) -> list[Any]:
    return list(getattr(box, "children", []) or [])


def _is_block_container(box: Any) -> bool:
    from weasyprint.formatting_structure import boxes

    return isinstance(box, boxes.BlockContainerBox)


def overflows(document: Any) -> list[str]:
    """Every text or image box that reaches outside its block container or its page.

    A text box is laid out inside a line of its nearest block container (paragraph, table cell,
    margin box); when a word cannot be broken it sticks out to the right of that container's
    content box. The message names the page, the element and the text.
    """
    from weasyprint.formatting_structure import boxes

    problems: list[str] = []
    for number, page in enumerate(document.pages, start=1):
        root = page._page_box
        page_width, page_height = root.margin_width(), root.margin_height()
        stack: list[tuple[Any, Any]] = [(root, root)]
        while stack:
            box, container = stack.pop()
            if (box.element_tag or "").endswith("::marker"):
                continue  # list markers sit outside their item on purpose
            if isinstance(box, boxes.TextBox | boxes.InlineReplacedBox):
                problems.extend(_check(number, box, container, page_width, page_height))
                continue
            inner = box if _is_block_container(box) else container
            stack.extend((child, inner) for child in _children(box))
    return problems


def _check(number: int, box: Any, container: Any, width: float, height: float) -> list[str]:
    left = container.content_box_x()
    right = left + container.width
    x, end = box.position_x, box.position_x + box.margin_width()
    text = getattr(box, "text", "") or f"<{box.element_tag}>"
    where = f"page {number}, <{box.element_tag}> {text[:40]!r}"
    found = []
    if x < left - TOLERANCE or end > right + TOLERANCE:
        found.append(f"{where}: x {x:.1f}..{end:.1f} outside its box {left:.1f}..{right:.1f}")
    if end > width + TOLERANCE or box.position_y + box.margin_height() > height + TOLERANCE:
        found.append(f"{where}: outside the page")
    return found
