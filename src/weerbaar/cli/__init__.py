"""The ``weerbaar`` command line: a Typer app whose commands are thin calls into the core.

Each domain has its own module with a Typer sub-app; this module only assembles them.
"""

from __future__ import annotations

import typer

from weerbaar.cli import docs, knowledge, plan, report, scan, signals, web

app = typer.Typer(
    name="weerbaar",
    help="weerbaar: kwetsbare processen signaleren en versterken / "
    "signal and strengthen vulnerable municipal processes.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(knowledge.app, name="knowledge")
app.add_typer(scan.app, name="scan")
app.add_typer(signals.app, name="signals")
app.add_typer(docs.app, name="docs")
plan.register(app)
report.register(app)
web.register(app)
