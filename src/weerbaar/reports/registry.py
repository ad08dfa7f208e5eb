"""A small registry of report renderers (HTML, PDF, XLSX); extensions register the same way.

A :class:`Renderer` turns a :class:`~weerbaar.reports.models.Report` into bytes of one format.
``renderers`` is the registry with the built-ins; tests build a fresh one with
:func:`default_registry` or an empty :class:`RendererRegistry`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from weerbaar.reports.errors import ReportError
from weerbaar.reports.models import Report


@dataclass(frozen=True)
class Renderer:
    id: str
    media_type: str
    extension: str
    description: str
    render: Callable[[Report], bytes]


class RendererRegistry:
    def __init__(self) -> None:
        self._renderers: dict[str, Renderer] = {}

    def register(self, renderer: Renderer) -> Renderer:
        if not renderer.id or not renderer.id.isidentifier():
            raise ValueError(f"renderer id {renderer.id!r} must be a short identifier")
        if renderer.id in self._renderers:
            raise ValueError(f"a renderer with id {renderer.id!r} is already registered")
        self._renderers[renderer.id] = renderer
        return renderer

    def get(self, renderer_id: str) -> Renderer:
        try:
            return self._renderers[renderer_id]
        except KeyError:
            known = ", ".join(self.ids())
            raise ReportError(f"unknown format {renderer_id!r}; known: {known}", "format") from None

    def ids(self) -> list[str]:
        return list(self._renderers)

    def __contains__(self, renderer_id: object) -> bool:
        return renderer_id in self._renderers

    def __iter__(self) -> Iterator[Renderer]:
        return iter(self._renderers.values())


def default_registry() -> RendererRegistry:
    """A registry with the built-in renderers: ``html``, ``pdf`` and ``xlsx``."""
    from weerbaar.reports.html import render_html_bytes
    from weerbaar.reports.pdf import render_pdf
    from weerbaar.reports.xlsx import render_xlsx

    registry = RendererRegistry()
    registry.register(
        Renderer(
            "html", "text/html; charset=utf-8", "html", "HTML (self-contained)", render_html_bytes
        )
    )
    registry.register(Renderer("pdf", "application/pdf", "pdf", "PDF (WeasyPrint)", render_pdf))
    registry.register(
        Renderer(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            "Excel workbook (openpyxl)",
            render_xlsx,
        )
    )
    return registry


renderers = default_registry()
