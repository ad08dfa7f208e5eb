"""`weerbaar docs ...`: regenerate the documentation that is generated from code."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(
    help="Gegenereerde documentatie bijwerken / regenerate generated docs.", no_args_is_help=True
)


@app.command("cli-reference")
def cli_reference(
    out: Path = typer.Option(Path("docs/cli-reference.md"), help="File to write."),
) -> None:
    """Write the CLI reference generated from the commands themselves."""
    from weerbaar.cli.reference import render_cli_reference

    out.write_text(render_cli_reference(), encoding="utf-8")
    typer.echo(f"wrote {out}")
