"""Documentation generated from code must be up to date (regenerate with the named command)."""

from __future__ import annotations

from pathlib import Path

from weerbaar.cli.reference import render_cli_reference

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    committed = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert committed == render_cli_reference(), (
        "docs/cli-reference.md is stale: run `weerbaar docs cli-reference`"
    )


def test_cli_reference_documents_every_command() -> None:
    text = render_cli_reference()
    for command in ("weerbaar knowledge", "weerbaar scan", "weerbaar signals", "weerbaar docs"):
        assert f"## `{command}`" in text
