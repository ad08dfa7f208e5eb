"""`weerbaar signals ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="signals", no_args_is_help=True)
