"""`weerbaar signals ...` commands: thin calls into :mod:`weerbaar.signals`.

Exit codes: 0 ok, 1 a rule failed, 2 bad input (the message names file, row and column).
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from weerbaar.signals.fields import entity_label, severity_label, status_label
from weerbaar.signals.inputs import InputError, load_inputs
from weerbaar.signals.io import write_run
from weerbaar.signals.pseudonym import PseudonymKeyError, resolve_key
from weerbaar.signals.registry import RuleLoadError, RuleRegistry, builtin_registry
from weerbaar.signals.service import (
    RuleOutcome,
    RunOptions,
    RunResult,
    find_ocds,
    load_ocds_file,
    parse_overrides,
    require_input,
    run_signals,
)

app = typer.Typer(
    help="Signalen: rode-vlagregels op eigen gegevens / red-flag rules on the municipality's data.",
    no_args_is_help=True,
)
console = Console(width=max(Console().width, 140))
errors = Console(stderr=True, soft_wrap=True)
EXIT_RULE_FAILED = 1
EXIT_BAD_INPUT = 2


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    errors.print(f"[bold red]Fout / error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _registry(rules_dir: list[Path] | None) -> RuleRegistry:
    try:
        return builtin_registry(*(rules_dir or []))
    except RuleLoadError as exc:
        raise _fail(str(exc)) from exc


RulesDir = Annotated[
    list[Path] | None,
    typer.Option("--rules-dir", help="Extra map met regels / extra rule directory.", exists=True),
]


@app.command("rules")
def rules_command(
    rules_dir: RulesDir = None,
    language: Annotated[str, typer.Option("--lang", help="nl of/or en")] = "nl",
) -> None:
    """Toon de regelcatalogus / show the rule catalogue."""
    table = Table(title="Signaalregels / signal rules")
    for column in (
        "Regel / rule",
        "Versie / version",
        "Proces / process",
        "Ernst / severity",
        "Markeert / flags",
        "Titel / title",
        "Instellingen / settings",
    ):
        table.add_column(column)
    for rule in _registry(rules_dir):
        spec = rule.spec
        params = ", ".join(f"{k}={p.default}" for k, p in spec.parameters.items())
        table.add_row(
            spec.id,
            str(spec.version),
            spec.process,
            severity_label(spec.severity, language),
            entity_label(spec.entity, language),
            spec.title.get(language),
            params,
        )
    console.print(table)


DataDir = Annotated[
    Path, typer.Option("--data", help="Map met payments/creditors/... (CSV, XLSX, Parquet).")
]
OcdsFile = Annotated[
    Path | None,
    typer.Option("--ocds", help="OCDS compiled releases (JSON lines); default DATA/ocds.jsonl."),
]
Skip = Annotated[
    list[str] | None, typer.Option("--skip", help="Sla deze dataset over / skip this dataset.")
]


def _print_problems(exc: InputError) -> None:
    errors.print(f"[bold red]{len(exc.problems)} invoerfout(en) / input problem(s):[/]")
    for problem in exc.problems:
        errors.print(f"  {problem}", highlight=False, soft_wrap=True)
    errors.print(
        "Niets uitgevoerd / nothing was run. Herstel de bestanden of gebruik --skip DATASET."
    )


@app.command("check")
def check_command(data: DataDir, skip: Skip = None, ocds: OcdsFile = None) -> None:
    """Controleer invoerbestanden / validate input files (exit 2 on problems)."""
    import duckdb

    if not data.is_dir():
        raise _fail(f"{data}: no such directory")
    ocds_file = ocds or find_ocds(data)
    try:
        report = load_inputs(duckdb.connect(), data, skip or [], check_only=True)
        if ocds_file is not None and "ocds" in (skip or []):
            ocds_file = None
        require_input(data, report, ocds_file)
        loaded = load_ocds_file(duckdb.connect(), ocds_file) if ocds_file else None
    except InputError as exc:
        _print_problems(exc)
        raise typer.Exit(EXIT_BAD_INPUT) from exc
    table = Table(title=f"Invoer / inputs in {data}")
    for column in ("Dataset", "Bestand / file", "Rijen / rows", "sha256"):
        table.add_column(column)
    for name, item in report.datasets.items():
        table.add_row(name, item.path.name, f"{item.rows:,}".replace(",", "."), item.sha256[:16])
    for name in report.missing:
        table.add_row(name, "[dim]ontbreekt / missing[/]", "-", "-")
    if loaded and "releases" in loaded:
        rows = f"{loaded['releases']:,}".replace(",", ".")
        table.add_row("ocds", Path(loaded["file"]).name, rows, loaded["sha256"][:16])
    console.print(table)
    console.print("[green]Invoer in orde / inputs OK[/]")


def _summary(outcomes: list[RuleOutcome]) -> Table:
    table = Table(title="Resultaat / result")
    for column in (
        "Regel / rule",
        "Versie / version",
        "Ernst / severity",
        "Status",
        "Signalen / hits",
        "Seconden / seconds",
    ):
        table.add_column(column)
    for outcome in outcomes:
        style = {"ok": "green", "failed": "bold red", "skipped": "yellow"}[outcome.status]
        severity = outcome.rule.spec.severity
        status = outcome.status
        table.add_row(
            outcome.rule.id,
            str(outcome.rule.spec.version),
            f"{severity_label(severity, 'nl')} / {severity_label(severity, 'en')}",
            f"[{style}]{status_label(status, 'nl')} / {status_label(status, 'en')}[/]",
            str(len(outcome.hits)),
            f"{outcome.seconds:.2f}",
        )
    return table


@app.command("run")
def run_command(
    data: DataDir,
    out: Annotated[Path, typer.Option("--out", help="Uitvoermap / output directory.")],
    ocds: OcdsFile = None,
    rules: Annotated[
        str | None, typer.Option("--rules", help="Regels, bv. FIN-001,INK / rule ids.")
    ] = None,
    param: Annotated[list[str] | None, typer.Option("--param", help="RULE.NAME=VALUE")] = None,
    skip: Skip = None,
    key_file: Annotated[
        Path | None, typer.Option("--key-file", help="Sleutel voor pseudoniemen.")
    ] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Vaste demosleutel (alleen synthetische data).")
    ] = False,
    rules_dir: RulesDir = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log events.")] = False,
) -> None:
    """Voer de regels uit / run the rules; writes hits.parquet/csv/json and run.json."""
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not data.is_dir():
        raise _fail(f"{data}: no such directory")
    registry = _registry(rules_dir)
    try:
        key = resolve_key(key_file, demo=demo)
        overrides = parse_overrides(param or [], registry)
        selected = registry.select(rules.split(",") if rules else None)
    except (PseudonymKeyError, ValueError, KeyError) as exc:
        raise _fail(str(exc).strip("'\"")) from exc
    options = RunOptions(
        data_dir=data,
        key=key,
        rule_ids=[r.id for r in selected],
        params=overrides,
        skip=set(skip or []),
        ocds=ocds,
        demo=demo,
    )
    result = _run_with_progress(options, registry, len(selected))
    write_run(out, result.hits, result.manifest)
    _print_result(result, out)
    if result.failed:
        raise typer.Exit(EXIT_RULE_FAILED)


def _run_with_progress(options: RunOptions, registry: RuleRegistry, total: int) -> RunResult:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task("Regels / rules", total=total)

        def advance(outcome: RuleOutcome) -> None:
            progress.update(task, advance=1, description=f"{outcome.rule.id} ({outcome.status})")

        try:
            return run_signals(options, registry, on_rule=advance)
        except InputError as exc:
            progress.stop()
            _print_problems(exc)
            raise typer.Exit(EXIT_BAD_INPUT) from exc


def _print_result(result: RunResult, out: Path) -> None:
    console.print(_summary(result.outcomes))
    by_severity = Counter(hit.severity for hit in result.hits)
    console.print(
        f"{len(result.hits)} signalen / hits (high {by_severity['high']}, medium "
        f"{by_severity['medium']}, low {by_severity['low']}) -> {out}"
    )
    for outcome in result.failed:
        errors.print(f"[bold red]{outcome.message}[/]", highlight=False)


def _releases(path: Path) -> str:
    with path.open("rb") as handle:
        return f"{sum(1 for line in handle if line.strip()):,}".replace(",", ".")


@app.command("generate")
def generate_command(
    out: Annotated[Path, typer.Option("--out", help="Uitvoermap / output directory.")],
    size: Annotated[
        str, typer.Option("--size", help="small, medium, large of/or #records per process")
    ] = "small",
    seed: Annotated[int, typer.Option("--seed")] = 42,
    fmt: Annotated[str, typer.Option("--format", help="auto, csv of/or parquet")] = "auto",
    process: Annotated[
        list[str] | None,
        typer.Option(
            "--process",
            help="Proces(sen), bv. brp of subsidies,vergunningen; standaard alle / "
            "process(es) to generate, default all: financien, inkoop, subsidies, vergunningen, "
            "brp, reisdocumenten, informatie, toezicht.",
        ),
    ] = None,
) -> None:
    """Maak synthetische data voor Gemeente Voorbeeld / generate synthetic data with labels.

    --size is the number of records in each process's main table (payments, subsidy
    applications, BRP mutations, ...). labels.csv lists the planted anomalies, decoys.csv the
    legitimate look-alikes, both per rule.
    """
    from weerbaar.signals.synthetic import generate

    if fmt not in ("auto", "csv", "parquet"):
        raise _fail(f"--format {fmt!r}: use auto, csv or parquet")
    processes = [name for item in process or [] for name in item.split(",")]
    try:
        generated = generate(size, seed, out, fmt, processes=processes)  # type: ignore[arg-type]
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    table = Table(title=f"Gemeente Voorbeeld (GM9999) -> {out}")
    table.add_column("Dataset")
    table.add_column("Rijen / rows", justify="right")
    for name, rows in generated.rows.items():
        table.add_row(name, f"{rows:,}".replace(",", "."))
    if generated.ocds_file is not None:
        table.add_row("ocds.jsonl (releases)", _releases(generated.ocds_file))
    table.add_row("labels.csv", str(len(generated.labels)))
    table.add_row("decoys.csv", str(len(generated.decoys)))
    console.print(table)
    console.print(f"{generated.seconds:.1f} s")


@app.command("hash-employees")
def hash_employees_command(
    source: Annotated[Path, typer.Argument(help="HR-export (CSV) met employee_id en iban.")],
    out: Annotated[Path, typer.Option("--out", help="employees.csv om aan te leveren.")],
    key_file: Annotated[
        Path | None, typer.Option("--key-file", help="Sleutel voor pseudoniemen.")
    ] = None,
) -> None:
    """Maak het medewerkersbestand zonder leesbare id's en IBAN's / prepare the employees file.

    For the salary administration: every employee id becomes its pseudonym and every IBAN its
    keyed hash, with the same key as the signal run, so FIN-016 can compare them.
    """
    from weerbaar.signals.employees import PrepareError, prepare_employees

    if not source.is_file():
        raise _fail(f"{source}: no such file")
    try:
        key = resolve_key(key_file)
        count = prepare_employees(source, out, key)
    except (PseudonymKeyError, PrepareError) as exc:
        raise _fail(str(exc)) from exc
    console.print(f"{count} medewerkers / employees -> {out}")


@app.command("catalogue")
def catalogue_command(
    out: Annotated[Path, typer.Option("--out", help="Markdown file.")] = Path(
        "docs/signals/catalogue.md"
    ),
) -> None:
    """Schrijf de regelcatalogus / write the rule catalogue (with measured precision).

    Writes inputs.md (the input reference) and algoritmeregister.md beside it.
    """
    from weerbaar.signals.catalogue import measure_quality, render_catalogue
    from weerbaar.signals.inputs_doc import render_inputs
    from weerbaar.signals.register import render_register

    registry = builtin_registry()
    text = render_catalogue(registry, measure_quality(registry))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    (out.parent / "inputs.md").write_text(render_inputs(registry), encoding="utf-8")
    (out.parent / "algoritmeregister.md").write_text(render_register(registry), encoding="utf-8")
    console.print(f"{len(registry)} regels / rules -> {out}, inputs.md, algoritmeregister.md")
