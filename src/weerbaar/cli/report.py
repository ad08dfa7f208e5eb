"""`weerbaar report SCANFILE ...`: the management report (thin shell over weerbaar.reports)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from weerbaar.reports import ReportError, report_from_files, write_report

console = Console()
errors = Console(stderr=True, soft_wrap=True)


class ReportFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"
    XLSX = "xlsx"


class Language(StrEnum):
    NL = "nl"
    EN = "en"


def report_command(
    scanfile: Annotated[Path, typer.Argument(help="Scanbestand (JSON) / scan file")],
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="Uitvoerformaat / output format")
    ],
    out: Annotated[Path, typer.Option("--out", help="Uitvoerbestand / output file")],
    plan: Annotated[
        Path | None, typer.Option("--plan", help="Actieplan (JSON van 'weerbaar plan') / plan")
    ] = None,
    previous: Annotated[
        Path | None, typer.Option("--previous", help="Vorige scan (JSON) / previous scan")
    ] = None,
    lang: Annotated[Language, typer.Option("--lang", help="Taal / language")] = Language.NL,
) -> None:
    """Managementrapportage (vertrouwelijk) / management report (confidential)."""
    try:
        report = report_from_files(
            scanfile, plan_path=plan, previous_path=previous, lang=lang.value
        )
        written = write_report(report, output_format.value, out)
    except ReportError as exc:
        errors.print(f"Fout / error: {exc}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1) from exc
    except OSError as exc:
        errors.print(
            f"Fout / error: {out}: {exc.strerror}", markup=False, highlight=False, soft_wrap=True
        )
        raise typer.Exit(1) from exc
    console.print(f"Rapport geschreven naar / report written to {written}", markup=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the main app."""
    app.command("report")(report_command)
