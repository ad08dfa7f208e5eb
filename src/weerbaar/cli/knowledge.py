"""`weerbaar knowledge ...`: validate, browse and export the knowledge base (thin shell)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from weerbaar.demo import VOORBEELD
from weerbaar.knowledge import (
    KnowledgeError,
    UnknownMunicipalityError,
    archive,
    export_json,
    load_framework,
    validate_framework,
)
from weerbaar.knowledge.catalogue import render_catalogue, write_catalogue
from weerbaar.knowledge.models import Framework

app = typer.Typer(
    help="Kennisbank: kader valideren, bekijken en exporteren / "
    "knowledge base: validate, browse and export the framework.",
    no_args_is_help=True,
)
console = Console()


class Kind(StrEnum):
    PROCESS = "process"
    MEASURE = "measure"
    QUESTION = "question"
    CIRCUMSTANCE = "circumstance"
    FACTOR = "factor"
    THEME = "theme"
    SOURCE = "source"
    MUNICIPALITY = "municipality"
    RED_FLAG = "red-flag"


class ExportFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"


def _framework(directory: Path | None = None) -> Framework:
    try:
        return load_framework(directory)
    except KnowledgeError as exc:
        _print_problems(exc)
        raise typer.Exit(1) from exc
    except FileNotFoundError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from exc


def _print_problems(error: KnowledgeError) -> None:
    console.print(f"[red bold]{len(error.problems)} probleem/problemen (problems):[/red bold]")
    for problem in error.problems:
        console.print(str(problem), markup=False, highlight=False, soft_wrap=True)


@app.command()
def validate(
    directory: Annotated[
        Path | None, typer.Argument(help="Datamap (standaard: meegeleverd) / data directory")
    ] = None,
) -> None:
    """Valideer de kennisbank en toon alle problemen / validate and list every problem.

    Rode vlaggen mogen alleen signaalregels noemen die bestaan / red flags may only cite signal
    rules of the rule registry.
    """
    from weerbaar.signals.registry import builtin_registry

    rule_ids = {rule.id for rule in builtin_registry()}
    try:
        framework = validate_framework(directory, signal_rules=rule_ids)
    except KnowledgeError as exc:
        _print_problems(exc)
        raise typer.Exit(1) from exc
    except FileNotFoundError as exc:
        console.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from exc
    console.print(
        f"[green]OK[/green] versie/version {framework.version}: "
        f"{len(framework.processes)} processen, {len(framework.measures)} maatregelen, "
        f"{len(framework.questions)} vragen, {len(framework.sources)} bronnen, "
        f"{len(framework.dilemmas)} dilemmakaarten, {len(framework.lessons)} lessen"
    )


def _lookup(framework: Framework, kind: Kind, item_id: str) -> BaseModel:
    tables: dict[Kind, dict[str, Any]] = {
        Kind.PROCESS: framework.processes,
        Kind.MEASURE: framework.measures,
        Kind.QUESTION: framework.questions,
        Kind.CIRCUMSTANCE: framework.circumstances,
        Kind.FACTOR: framework.factors,
        Kind.THEME: framework.themes,
        Kind.SOURCE: framework.sources,
    }
    if kind is Kind.MUNICIPALITY:
        return framework.find_municipality(item_id)
    if kind is Kind.RED_FLAG:
        return framework.red_flag(item_id)[1]
    if item_id not in tables[kind]:
        raise KeyError(f"unknown {kind.value} {item_id!r}")
    found: BaseModel = tables[kind][item_id]
    return found


@app.command()
def show(
    kind: Annotated[Kind, typer.Argument(help="Soort / kind")],
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Id (gemeente: GMxxxx) / id")],
) -> None:
    """Toon één onderdeel van het kader / show one item of the framework."""
    framework = _framework()
    try:
        item = _lookup(framework, kind, item_id)
    except (KeyError, UnknownMunicipalityError) as exc:
        console.print(f"[red]Onbekend / unknown: {escape(str(exc.args[0]))}[/red]")
        raise typer.Exit(2) from exc
    console.print_json(item.model_dump_json())


@app.command()
def measures(
    process: Annotated[
        str | None, typer.Option(help="Alleen dit proces / only this process")
    ] = None,
    theme: Annotated[str | None, typer.Option(help="Alleen dit thema / only this theme")] = None,
    small: Annotated[
        bool, typer.Option("--small", help="Alleen geschikt voor kleine gemeenten / small only")
    ] = False,
) -> None:
    """Tabel van maatregelen / table of measures."""
    framework = _framework()
    for value, known, what in (
        (process, framework.processes, "process"),
        (theme, framework.themes, "theme"),
    ):
        if value is not None and value not in known:
            console.print(f"[red]Onbekend / unknown {what} {escape(repr(value))}[/red]")
            raise typer.Exit(2)
    table = Table("id", "maatregel / measure", "thema", "soort", "effect", "uur intro", "klein")
    table.columns[0].no_wrap = True  # the id is what `knowledge show measure ID` needs
    for measure in framework.measures.values():
        if (process and process not in measure.processes) or (theme and measure.theme != theme):
            continue
        if small and not measure.small_municipality:
            continue
        table.add_row(
            measure.id,
            measure.title.nl,
            measure.theme,
            measure.type,
            measure.effect,
            f"{measure.effort_intro_hours:g}",
            "ja" if measure.small_municipality else "",
        )
    Console(width=max(console.width, 120)).print(table)


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", help="json of markdown")
    ] = ExportFormat.JSON,
    out: Annotated[
        Path | None, typer.Option(help="Bestand (standaard: stdout) / output file")
    ] = None,
) -> None:
    """Exporteer het hele kader / export the whole framework (JSON or Markdown)."""
    framework = _framework()
    if format is ExportFormat.JSON:
        text = export_json(framework)
    else:
        text = "\n\n".join(render_catalogue(framework).values())
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"Geschreven / written: {out}")


@app.command("archive")
def archive_command() -> None:
    """Bewaar deze versie in archive/<semver>.json / archive the current version's snapshot."""
    path = archive(_framework())
    console.print(f"Gearchiveerd / archived: {path}")


@app.command()
def catalogue(
    out: Annotated[Path, typer.Option(help="Doelmap / output directory")] = Path("docs/catalogus"),
) -> None:
    """Genereer de Nederlandse catalogus / generate the Dutch catalogue (Markdown)."""
    written = write_catalogue(out, _framework())
    console.print(f"{len(written)} bestanden geschreven in / files written to {out}")


@app.command()
def tour() -> None:
    """Korte rondleiding door het kader en de demogemeente / short tour of framework and demo."""
    framework = _framework()
    console.rule(f"[bold]{framework.info.title.nl}[/bold] ({framework.version})")
    console.print(
        f"{len(framework.processes)} kwetsbare processen, "
        f"{len(framework.red_flags_all())} rode vlaggen, "
        f"{len(framework.measures)} maatregelen, {len(framework.questions)} vragen.\n"
    )
    table = Table("proces", "SAINT", "rode vlaggen", "in data", "maatregelen", "vragen")
    for process in framework.processes.values():
        in_data = sum(flag.detectable_in_data for flag in process.red_flags)
        table.add_row(
            process.name.nl,
            ", ".join(process.saint_areas),
            str(len(process.red_flags)),
            str(in_data),
            str(len(framework.measures_for(process.id))),
            str(len(framework.questions_for(process.id))),
        )
    console.print(table)
    size = framework.size_classes.get(VOORBEELD.size_class)
    inhabitants = f"{VOORBEELD.population:,}".replace(",", ".")  # Dutch thousands separator
    console.print(
        f"\n[bold]Demogemeente / demo municipality:[/bold] {VOORBEELD.name} ({VOORBEELD.code}), "
        f"{inhabitants} inwoners, {size.name.nl if size else VOORBEELD.size_class}, "
        f"RIEC {VOORBEELD.riec_region}."
    )
    small = [m for m in framework.measures.values() if m.small_municipality]
    console.print(f"Voor kleine gemeenten geschikt: {len(small)} maatregelen, bijvoorbeeld:")
    for measure in small[:5]:
        console.print(f"  • {measure.title.nl}")
    console.print(
        "\nVerder / next: [cyan]weerbaar knowledge show process financien[/cyan], "
        "[cyan]weerbaar knowledge measures --small[/cyan]"
    )
