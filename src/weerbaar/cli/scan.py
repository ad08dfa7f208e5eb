"""`weerbaar scan ...` commands."""

from __future__ import annotations

import typer

app = typer.Typer(help="scan", no_args_is_help=True)
