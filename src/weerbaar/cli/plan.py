"""`weerbaar plan SCANFILE ...`: the action plan for a scan (thin shell over weerbaar.measures)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

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
from weerbaar.measures.milp import SolverOptionError
from weerbaar.measures.optimiser import SolverOptions
from weerbaar.scan import ScanError, ScanFileError, score_scan
from weerbaar.scan.io import load_scan
from weerbaar.scan.profile import resolve_framework

console = Console()
errors = Console(stderr=True, soft_wrap=True)


OPTION_OF: dict[str, str] = {
    "hours": "--hours",
    "budget_eur": "--budget",
    "quarters": "--quarters",
    "hours_per_quarter": "--hours-per-quarter",
    "partners": "--with-riec/--with-neighbour",
    "mandatory": "--mandatory",
    "excluded": "--exclude",
    "min_theme": "--min-theme",
    "mip_rel_gap": "--gap",
    "time_limit_s": "--time-limit",
}


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
        float, typer.Option("--hours", help="Beschikbare uren in totaal / hours available")
    ],
    budget: Annotated[float, typer.Option("--budget", help="Budget in euro / budget in euros")],
    quarters: Annotated[
        int, typer.Option(min=1, max=12, help="Kwartalen in het plan / quarters")
    ] = 4,
    hours_per_quarter: Annotated[
        float | None, typer.Option(help="Uren per kwartaal / hours per quarter")
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
    mandatory: Annotated[
        list[str] | None,
        typer.Option(
            help="Verplichte maatregel-id, ook zonder zwak antwoord in de scan / mandatory "
            "measure id, also without a weak answer in the scan"
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            help="Uitgesloten maatregel-id; een maatregel buiten deze scan telt niet / excluded "
            "measure id; one outside this scan has no effect"
        ),
    ] = None,
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
            help="Bewezen marge tot het optimum, 0 tot 0,1 (0,005 = 0,5 %) / proven optimality "
            "gap, 0 to 0.1",
        ),
    ] = SolverOptions().mip_rel_gap,
    time_limit: Annotated[
        float,
        typer.Option(
            help="Maximale rekentijd solver (s), minstens 0,1 / solver time limit, at least 0.1"
        ),
    ] = 10.0,
) -> None:
    """Actieplan: beste maatregelen binnen uren en budget / best measures within hours, budget."""
    if output_format is PlanFormat.XLSX and out is None:
        raise typer.BadParameter("--format xlsx needs --out PATH", param_hint="--out")
    try:
        options = SolverOptions(mip_rel_gap=gap, time_limit_s=time_limit)
    except SolverOptionError as exc:
        _refuse(exc, (exc.field, exc.nl, exc.en))
    framework, problem = _problem(scanfile, ids(in_place), ids(mandatory))
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
            options=options,
        )
    except PlanInfeasible as exc:
        errors.print(f"Onhaalbaar: {exc.nl}\nInfeasible: {exc.en}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    except UnknownMeasure as exc:
        _refuse(exc, (exc.field, exc.nl, exc.en))
    except ValidationError as exc:
        _refuse(exc, *_refusals(exc))
    _emit(plan, output_format, out)


def _refuse(exc: Exception, *problems: tuple[str, str, str]) -> NoReturn:
    """Print each (field, Dutch, English) naming the option; exit 2."""
    for field, nl, en in problems:
        option = OPTION_OF.get(field, field)
        text = f"{option}: {nl}\n{option}: {en}" if nl != en else f"{option}: {en}"
        errors.print(text, markup=False, highlight=False)
    raise typer.Exit(2) from exc


def _refusals(exc: ValidationError) -> list[tuple[str, str, str]]:
    """The request fields the core refused, with its Dutch and English text where it has both."""
    out = []
    for error in exc.errors(include_url=False):
        ctx = error.get("ctx") or {}
        field = str(error["loc"][0]) if error["loc"] else ""
        out.append((field, str(ctx.get("nl", error["msg"])), str(ctx.get("en", error["msg"]))))
    return out


def _problem(
    scanfile: Path, in_place: tuple[str, ...], mandatory: tuple[str, ...]
) -> tuple[Framework, PlanProblem]:
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
        return framework, problem_from_scan(
            result, framework, in_place=in_place, mandatory=mandatory
        )
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
        greedy = nl_number(plan.greedy_after[process], 1) if plan.greedy_feasible else "–"
        effect.add_row(process, nl_number(before, 1), nl_number(plan.after[process], 1), greedy)
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
        f"Doelwaarde optimaal {nl_number(plan.objective)}, {_greedy_summary(plan)}. "
        f"Rekentijd {plan.solver.method}: {nl_number(plan.solver.seconds, 3)} s "
        f"({plan.solver.status}, bewezen marge {nl_number((plan.solver.gap or 0) * 100, 3)} %).",
        highlight=False,
    )


def _greedy_summary(plan: Plan) -> str:
    if not plan.greedy_feasible:
        return (
            "greedy (waarde per uur) vond geen plan dat aan de eisen voldoet / greedy found no "
            "plan meeting the constraints"
        )
    return (
        f"greedy (waarde per uur) {nl_number(plan.greedy_objective)}: "
        f"+{nl_number(plan.improvement_over_greedy)}"
    )


def register(app: typer.Typer) -> None:
    """Add ``weerbaar plan`` to the main app."""
    app.command("plan")(plan_command)
