"""The renderer registry: built-ins registered like extensions, duplicate and unknown ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from weerbaar.reports import (
    Renderer,
    RendererRegistry,
    Report,
    ReportError,
    default_registry,
    render,
    renderers,
    write_report,
)


def _markdown(report: Report) -> bytes:
    return f"# {report.title}\n".encode()


def test_built_in_renderers() -> None:
    assert renderers.ids() == ["html", "pdf", "xlsx"]
    assert renderers.get("pdf").media_type == "application/pdf"
    assert {r.extension for r in renderers} == {"html", "pdf", "xlsx"}


def test_an_extension_registers_like_a_built_in(report_nl: Report) -> None:
    registry = default_registry()
    registry.register(Renderer("md", "text/markdown", "md", "Markdown", _markdown))
    assert "md" in registry and "md" not in renderers
    assert render(report_nl, "md", registry).startswith(b"# Managementrapportage")


def test_duplicate_ids_are_refused() -> None:
    registry = RendererRegistry()
    registry.register(Renderer("md", "text/markdown", "md", "Markdown", _markdown))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(Renderer("md", "text/plain", "txt", "other", _markdown))


def test_ids_must_be_identifiers() -> None:
    with pytest.raises(ValueError, match="identifier"):
        RendererRegistry().register(Renderer("../x", "text/plain", "txt", "x", _markdown))


def test_unknown_format_names_the_known_ones(report_nl: Report) -> None:
    with pytest.raises(ReportError, match="unknown format 'docx'; known: html, pdf, xlsx"):
        render(report_nl, "docx")


def test_failed_rendering_leaves_no_file(report_nl: Report, tmp_path: Path) -> None:
    def broken(report: Report) -> bytes:
        raise RuntimeError("boom")

    registry = RendererRegistry()
    registry.register(Renderer("broken", "text/plain", "txt", "broken", broken))
    target = tmp_path / "out" / "rapport.txt"
    with pytest.raises(RuntimeError):
        write_report(report_nl, "broken", target, registry)
    assert not target.exists()
    assert not list(tmp_path.rglob("*.tmp"))
