"""`weerbaar scan ...` commands: thin calls into :mod:`weerbaar.scan`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from weerbaar.knowledge.models import (
    EXTERNAL_CIRCUMSTANCES,
    INTERNAL_CIRCUMSTANCES,
    SAINT_RAISING_FACTORS,
    SMALL_MUNICIPALITY_FACTORS,
    Framework,
)
from weerbaar.scan import ScanError, ScanFileError, ScanResult, compare_scans, score_scan
from weerbaar.scan.io import (
    comparison_to_json,
    dump_scan,
    load_scan,
    result_to_json,
    schema_text,
    write_text_atomic,
)

app = typer.Typer(
    help="Zelfscan: scoren, vergelijken, Excel-vragenlijst / self-assessment scan.",
    no_args_is_help=True,
)
console = Console(width=max(Console().width, 140))
errors = Console(stderr=True, soft_wrap=True)
COLUMN_ORDER = (
    *INTERNAL_CIRCUMSTANCES,
    *SMALL_MUNICIPALITY_FACTORS,
    *EXTERNAL_CIRCUMSTANCES,
    *SAINT_RAISING_FACTORS,
)

ABBREVIATIONS = {
    "functies": "func",
    "personen": "pers",
    "werkwijze": "werk",
    "beleid": "bel",
    "organisatie": "org",
    "cultuur": "cult",
    "risicolocaties": "rloc",
    "risicobranches": "rbra",
    "complexiteit": "cplx",
    "verandering": "verd",
    "management": "mgmt",
    "personeel": "psnl",
    "probleemhistorie": "hist",
}


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class ModeOption(StrEnum):
    workshop = "workshop"
    survey = "survey"


def _fail(exc: Exception, file: Path | None = None) -> NoReturn:
    """Print ``exc`` literally (no Rich markup: patterns hold brackets), naming ``file``."""
    where = f"{file}: " if file is not None and not isinstance(exc, ScanFileError) else ""
    _refuse(where + str(exc))


def _refuse(message: str) -> NoReturn:
    errors.print(f"[red]fout / error:[/red] {escape(message)}", highlight=False)
    raise typer.Exit(1)


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="scan file (JSON)")],
    output: Annotated[OutputFormat, typer.Option("--format", help="table or json")] = (
        OutputFormat.table
    ),
) -> None:
    """Score a scan: vulnerability per process, explained per question."""
    try:
        result = score_scan(load_scan(file))
    except ScanError as exc:
        _fail(exc, file)
    if output is OutputFormat.json:
        typer.echo(json.dumps(result_to_json(result), ensure_ascii=False, indent=2))
        return
    _print_result(result)


def _colour(points: float, high: float, medium: float) -> str:
    return (
        "bold white on red"
        if points >= high
        else "black on yellow"
        if points >= medium
        else "green"
    )


def _framework(version: str) -> Framework | None:
    """The framework a result was scored against, for names and short titles."""
    from weerbaar.scan.profile import resolve_framework

    try:
        return resolve_framework(version)
    except ScanError:
        return None


def _process(framework: Framework | None, pid: str) -> str:
    found = framework.processes.get(pid) if framework else None
    return found.name.nl if found else pid


def _question(framework: Framework | None, qid: str) -> str:
    """A question by its short title, with its id: ``IBAN-naamcheck (financien.q03)``."""
    found = framework.questions.get(qid) if framework else None
    return f"{found.short.nl} ({qid})" if found else qid


def _scores_table(result: ScanResult, framework: Framework | None = None) -> Table:
    table = Table(title="Kwetsbaarheid per proces / vulnerability per process (0-100)")
    table.add_column("proces", no_wrap=True)
    for header in (
        "kwetsbaarheid",
        "blootstelling",
        "weerbaarheid",
        "betrouwbaarheid",
        "weet niet",
    ):
        table.add_column(header, justify="right")
    for pid, score in result.processes.items():
        table.add_row(
            _process(framework, pid),
            f"[{_colour(score.vulnerability, 60, 35)}]{score.vulnerability:.1f}[/]",
            f"{score.exposure:.1f}",
            f"{score.resilience:.1f}",
            f"{score.confidence:.0f}%",
            f"{score.dont_know_share:.0%}",
        )
    return table


def _heatmap_table(result: ScanResult, framework: Framework | None = None) -> Table:
    targets = sorted(
        {t for row in result.heatmap.values() for t in row},
        key=lambda t: (COLUMN_ORDER.index(t) if t in COLUMN_ORDER else len(COLUMN_ORDER), t),
    )
    table = Table(
        title="Heatmap: punten per proces × omstandigheid / points per process × circumstance",
        caption=", ".join(f"{ABBREVIATIONS.get(t, t[:4])} = {t}" for t in targets),
    )
    table.add_column("proces", no_wrap=True)
    for target in targets:
        table.add_column(ABBREVIATIONS.get(target, target[:4]), justify="right")
    for pid, row in result.heatmap.items():
        cells = [f"[{_colour(row[t], 8, 4)}]{row[t]:.1f}[/]" if t in row else "·" for t in targets]
        table.add_row(_process(framework, pid), *cells)
    return table


def _print_result(result: ScanResult) -> None:
    meta = result.scan
    fw = _framework(meta.framework_version)
    console.print(
        f"[bold]Gemeente {meta.municipality_name} ({meta.municipality})[/bold] — {meta.date}, "
        f"{meta.mode}, kader {meta.framework_version}, grootteklasse {meta.size_class}"
    )
    console.print(_scores_table(result, fw))
    console.print(_heatmap_table(result, fw))
    console.print(
        f"Gemiddeld / overall: {result.overall:.1f}; betrouwbaarheid {result.confidence:.0f}%"
    )
    console.print("[bold]Grootste kwetsbaarheden / top vulnerabilities[/bold]")
    for item in result.top:
        drivers = "; ".join(_question(fw, q) for q in item.drivers)
        console.print(f"  {_process(fw, item.process)}: {item.vulnerability:.1f} — {drivers}")
    if result.disagreements:
        console.print(
            "[bold]Verschil van mening (gesprek voor een workshop) / disagreements[/bold]"
        )
        for d in result.disagreements:
            values = ", ".join(f"{r}={_level(v)}" for r, v in d.values.items())
            console.print(f"  {_question(fw, d.question_id)}: {values}")


@app.command()
def compare(
    old: Annotated[Path, typer.Argument(help="older scan file")],
    new: Annotated[Path, typer.Argument(help="newer scan file")],
    output: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.table,
    changes: Annotated[int, typer.Option(help="answers shown per process")] = 3,
) -> None:
    """Per process: what changed between two scans, and which answers caused it."""
    try:
        comparison = compare_scans(load_scan(old), load_scan(new))
    except ScanError as exc:
        _fail(exc)
    if output is OutputFormat.json:
        typer.echo(json.dumps(comparison_to_json(comparison), ensure_ascii=False, indent=2))
        return
    console.print(
        f"[bold]{comparison.old.date} → {comparison.new.date}[/bold]: "
        f"gemiddeld / overall {comparison.overall_delta:+.1f}"
    )
    fw = _framework(comparison.new.framework_version)
    table = Table("proces", "oud", "nieuw", "verschil", "oorzaken / causes (punten)")
    for pid, change in comparison.processes.items():
        colour = "red" if change.delta > 0 else "green" if change.delta < 0 else "white"
        causes = "; ".join(
            f"{_question(fw, c.question_id)}: {_level(c.old_level)} → {_level(c.new_level)} "
            f"({c.delta:+.1f})"
            for c in change.changes[:changes]
        )
        table.add_row(
            _process(fw, pid),
            f"{change.old:.1f}",
            f"{change.new:.1f}",
            f"[{colour}]{change.delta:+.1f}[/]",
            causes,
        )
    console.print(table)


def _level(level: float | None) -> str:
    """An answer level as the scan gave it; no known answer is 'weet niet' (not '?')."""
    return "weet niet" if level is None else f"{level:g}"


@app.command()
def validate(file: Annotated[Path, typer.Argument(help="scan file (JSON)")]) -> None:
    """Check a scan file against its framework version; every problem is listed."""
    try:
        scan = load_scan(file)
        score_scan(scan)  # also checks what only scoring needs (municipality, size class)
    except ScanError as exc:
        _fail(exc, file)
    console.print(f"OK: {file} ({len(scan.answers)} antwoorden / answers)")


@app.command()
def template(
    municipality: Annotated[str, typer.Option("--municipality", help="CBS code, e.g. GM9999")],
    out: Annotated[Path, typer.Option("--out", help="questionnaire to write (.xlsx)")],
    mode: Annotated[ModeOption, typer.Option("--mode")] = ModeOption.workshop,
) -> None:
    """Write an Excel questionnaire to fill in offline."""
    from weerbaar.knowledge import load_framework
    from weerbaar.scan.excel import write_template

    try:
        write_template(load_framework(), municipality, out, mode=mode.value)
    except ScanError as exc:
        _fail(exc)
    console.print(f"Vragenlijst geschreven / questionnaire written: {out}")


@app.command("import")
def import_workbook(
    files: Annotated[
        list[Path], typer.Argument(help="filled-in workbook(s); several for a survey")
    ],
    out: Annotated[Path, typer.Option("--out", help="scan file to write (JSON)")],
) -> None:
    """Read filled-in questionnaire(s) into a scan file; nothing is written on error."""
    from weerbaar.scan.excel import merge_survey, read_workbook

    if any(out.resolve() == path.resolve() for path in files):
        _refuse(f"--out {out} is one of the workbooks read: choose another file (.json)")
    scans, failures = [], []
    for path in files:  # every workbook is read, so that all their problems are listed at once
        try:
            scans.append(read_workbook(path))
        except ScanError as exc:
            failures.append(str(exc))
    if failures:
        _refuse("\n".join(failures))
    try:
        scan = scans[0] if len(scans) == 1 else merge_survey(scans, [str(p) for p in files])
        dump_scan(scan, out)
    except ScanError as exc:
        _fail(exc)
    console.print(f"Scan geschreven / written: {out} ({len(scan.answers)} antwoorden)")


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", help="write here instead of stdout")] = None,
) -> None:
    """Print (or write) the JSON Schema of the scan file format."""
    if out is None:
        typer.echo(schema_text(), nl=False)
    else:
        write_text_atomic(out, schema_text())
