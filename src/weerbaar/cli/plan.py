"""`weerbaar plan SCANFILE ...`: the action plan for a scan (thin shell over weerbaar.measures)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from weerbaar.knowledge.models import Framework
from weerbaar.measures import (
    Plan,
    PlanInfeasible,
    PlanProblem,
    PlanRequest,
    UnknownMeasure,
    dump_plan,
    make_plan,
    problem_from_scan,
    write_xlsx,
)
from weerbaar.measures.explain import nl_number
from weerbaar.measures.io import plan_json_text
from weerbaar.measures.optimiser import SolverOptions
from weerbaar.scan import ScanError, ScanFileError, score_scan
from weerbaar.scan.io import load_scan
from weerbaar.scan.profile import resolve_framework

console = Console()
errors = Console(stderr=True, soft_wrap=True)


class PlanFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    XLSX = "xlsx"


def parse_min_theme(values: list[str], framework: Framework) -> dict[str, int]:
    """``THEME=N`` pairs; raises ``typer.BadParameter`` naming the bad value."""
    out: dict[str, int] = {}
    for value in values:
        theme, sep, number = value.partition("=")
        if not sep or not number.strip().isdigit():
            raise typer.BadParameter(
                f"{value!r}: use THEME=N, e.g. bewustzijn=1", param_hint="--min-theme"
            )
        if theme not in framework.themes:
            known = ", ".join(sorted(framework.themes))
            raise typer.BadParameter(
                f"unknown theme {theme!r}; known: {known}", param_hint="--min-theme"
            )
        out[theme] = int(number)
    return out


def ids(values: list[str] | None) -> tuple[str, ...]:
    """Ids from repeated options, each of which may hold a comma-separated list."""
    return tuple(
        part.strip() for value in values or () for part in value.split(",") if part.strip()
    )


def plan_command(
    scanfile: Annotated[Path, typer.Argument(help="Scanbestand (JSON) / scan file")],
    hours: Annotated[
        float, typer.Option("--hours", min=0, help="Beschikbare uren in totaal / hours available")
    ],
    budget: Annotated[
        float, typer.Option("--budget", min=0, help="Budget in euro / budget in euros")
    ],
    quarters: Annotated[
        int, typer.Option(min=1, max=12, help="Kwartalen in het plan / quarters")
    ] = 4,
    hours_per_quarter: Annotated[
        float | None, typer.Option(min=0, help="Uren per kwartaal / hours per quarter")
    ] = None,
    with_riec: Annotated[
        bool, typer.Option("--with-riec", help="Samen met het RIEC / jointly with the RIEC")
    ] = False,
    with_neighbour: Annotated[
        bool,
        typer.Option(
            "--with-neighbour", help="Samen met een buurgemeente / jointly with a neighbour"
        ),
    ] = False,
    mandatory: Annotated[list[str] | None, typer.Option(help="Verplichte maatregel-id")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Uitgesloten maatregel-id")] = None,
    in_place: Annotated[
        list[str] | None, typer.Option(help="Maatregel al aanwezig / in place")
    ] = None,
    min_theme: Annotated[list[str] | None, typer.Option(help="THEMA=N: minimum per thema")] = None,
    output_format: Annotated[
        PlanFormat, typer.Option("--format", help="Uitvoer / output")
    ] = PlanFormat.TABLE,
    out: Annotated[Path | None, typer.Option(help="Uitvoerbestand / output file")] = None,
    allow_unsuited: Annotated[
        bool,
        typer.Option(
            "--allow-unsuited",
            help="Ook maatregelen die niet passen bij een kleine gemeente / also measures "
            "unsuited for a small municipality",
        ),
    ] = False,
    gap: Annotated[
        float,
        typer.Option(
            "--gap",
            min=0,
            max=0.1,
            help="Bewezen marge tot het optimum (0,005 = 0,5 %) / proven optimality gap",
        ),
    ] = SolverOptions().mip_rel_gap,
    time_limit: Annotated[
        float, typer.Option(min=0.1, help="Maximale rekentijd solver (s) / solver time limit")
    ] = 10.0,
) -> None:
    """Actieplan: beste maatregelen binnen uren en budget / best measures within hours, budget."""
    if output_format is PlanFormat.XLSX and out is None:
        raise typer.BadParameter("--format xlsx needs --out PATH", param_hint="--out")
    framework, problem = _problem(scanfile, ids(in_place))
    partners = {"riec"} if with_riec else set()
    if with_neighbour:
        partners.add("buurgemeente")
    try:
        request = PlanRequest(
            hours=hours,
            budget_eur=budget,
            quarters=quarters,
            hours_per_quarter=hours_per_quarter,
            partners=frozenset(partners),
            mandatory=ids(mandatory),
            excluded=ids(exclude),
            min_theme=parse_min_theme(min_theme or [], framework),
            allow_unsuited=allow_unsuited,
        )
        plan = make_plan(
            problem,
            request,
            framework_version=framework.version,
            scan=str(scanfile),
            options=SolverOptions(mip_rel_gap=gap, time_limit_s=time_limit),
        )
    except PlanInfeasible as exc:
        errors.print(f"Onhaalbaar: {exc.nl}\nInfeasible: {exc.en}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    except (UnknownMeasure, ValidationError) as exc:
        errors.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from exc
    _emit(plan, output_format, out)


def _problem(scanfile: Path, in_place: tuple[str, ...]) -> tuple[Framework, PlanProblem]:
    """Load, check and score the scan; exit 1 naming the file (or option) and the problem."""
    try:
        scan = load_scan(scanfile)
        framework = resolve_framework(scan.framework_version)
        result = score_scan(scan, framework)
    except (ScanError, ValueError) as exc:
        where = "" if isinstance(exc, ScanFileError) else f"{scanfile}: "
        errors.print(where + str(exc), markup=False, highlight=False)
        raise typer.Exit(1) from exc
    try:
        return framework, problem_from_scan(result, framework, in_place=in_place)
    except ValueError as exc:
        errors.print(f"--in-place: {exc}", markup=False, highlight=False)
        raise typer.Exit(1) from exc


def _emit(plan: Plan, output_format: PlanFormat, out: Path | None) -> None:
    if output_format is PlanFormat.XLSX:
        assert out is not None
        write_xlsx(plan, out)
        console.print(f"Plan geschreven naar / written to {out}")
    elif output_format is PlanFormat.JSON:
        if out is None:
            sys.stdout.write(plan_json_text(plan))
        else:
            dump_plan(plan, out)
            console.print(f"Plan geschreven naar / written to {out}")
    else:
        print_plan(plan)
        if out is not None:
            dump_plan(plan, out)


def print_plan(plan: Plan) -> None:
    schedule = Table(title="Actieplan / action plan")
    for column in ("Kw.", "Maatregel", "Uren", "Kosten", "Waarom / why"):
        schedule.add_column(column)
    for c in plan.chosen:
        cost = f"€ {nl_number(c.cost_eur, 0)}" + (" (gedeeld)" if c.shared else "")
        hours = nl_number(c.hours, 1)
        schedule.add_row(f"K{c.quarter}", f"{c.id}\n{c.title}", hours, cost, c.reason.nl)
    console.print(schedule)
    effect = Table(title="Kwetsbaarheid per proces / vulnerability per process")
    for column in ("Proces", "Voor", "Na (optimaal)", "Na (greedy)"):
        effect.add_column(column)
    for process, before in plan.before.items():
        values = (before, plan.after[process], plan.greedy_after[process])
        effect.add_row(process, *(nl_number(v, 1) for v in values))
    console.print(effect)
    if plan.rejected:
        left = Table(title="Sterke maatregelen niet gekozen / strong measures left out")
        left.add_column("Maatregel")
        left.add_column("Reden / reason")
        for r in plan.rejected[:10]:
            left.add_row(r.id, r.reason.nl)
        console.print(left)
    per_quarter = ", ".join(nl_number(h, 1) for h in plan.hours_by_quarter)
    console.print(
        f"Totaal {nl_number(plan.total_hours, 1)} uur, € {nl_number(plan.total_cost_eur, 0)}; "
        f"uren per kwartaal {per_quarter}.\n"
        f"Doelwaarde optimaal {nl_number(plan.objective)}, greedy (waarde per uur) "
        f"{nl_number(plan.greedy_objective)}: +{nl_number(plan.improvement_over_greedy)}. "
        f"Rekentijd {plan.solver.method}: {nl_number(plan.solver.seconds, 3)} s "
        f"({plan.solver.status}, bewezen marge {nl_number((plan.solver.gap or 0) * 100, 3)} %).",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add ``weerbaar plan`` to the main app."""
    app.command("plan")(plan_command)
