"""Top-level `weerbaar` commands for the web application: ``serve``, ``demo`` and ``manage``.

``serve`` runs a real installation (production settings, waitress); ``demo`` prepares the demo
municipality and runs Django's development server; ``manage`` passes its arguments to Django.
"""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

PRODUCTION = "weerbaar.web.conf.production"
DEVELOPMENT = "weerbaar.web.conf.dev"
DEMO = "weerbaar.web.conf.demo"


def _django(settings_module: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `weerbaar manage createsuperuser`.

    Settings: $DJANGO_SETTINGS_MODULE, else weerbaar.web.conf.dev.
    """
    _django(DEVELOPMENT)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["weerbaar manage", *ctx.args])


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[int, typer.Option(help="Worker threads.")] = 8,
    migrate: Annotated[bool, typer.Option(help="Apply database migrations first.")] = True,
) -> None:
    """Run weerbaar for real: migrate, load reference data, collect static files, serve (waitress).

    Settings: $DJANGO_SETTINGS_MODULE, else weerbaar.web.conf.production (needs
    WEERBAAR_SECRET_KEY and WEERBAAR_ALLOWED_HOSTS; see docs/admin/settings.md).
    """
    _django(PRODUCTION)
    from django.core.management import call_command
    from waitress import serve as waitress_serve

    if migrate:
        call_command("migrate", interactive=False, verbosity=1)
        call_command("load_reference")
    call_command("collectstatic", interactive=False, verbosity=0)
    from weerbaar.web.conf.wsgi import application

    typer.echo(f"weerbaar: serving on http://{host}:{port}/")
    waitress_serve(application, host=host, port=port, threads=threads, ident="weerbaar")


def demo(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    run: Annotated[bool, typer.Option("--serve/--no-serve", help="Start the server.")] = True,
) -> None:
    """Set up the demo municipality (GM9999, two scans, an action plan) and serve it.

    Migrates the SQLite database in ./var, loads the reference data and the demo, prints the
    demo logins and serves on http://HOST:PORT (default http://127.0.0.1:8000). Running it again
    is safe.
    """
    _django(DEMO)
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_reference")
    # The demo's signals run logs every rule at INFO; keep the set-up output to what a user needs.
    signals_log = logging.getLogger("weerbaar.signals")
    level = signals_log.level
    signals_log.setLevel(logging.WARNING)
    try:
        call_command("load_demo", base_url=f"http://{host}:{port}")
    finally:
        signals_log.setLevel(level)
    if run:
        call_command("runserver", f"{host}:{port}", use_reloader=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("serve")(serve)
    app.command("demo")(demo)
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(manage)
