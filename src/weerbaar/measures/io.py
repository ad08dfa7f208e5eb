"""Plan files: JSON (``dump_plan``/``load_plan``) for reports and the web app, XLSX for people."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from pydantic import ValidationError

from weerbaar.measures.models import Plan


class PlanFileError(ValueError):
    """A plan file that cannot be read, naming the file and the field."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)


def plan_to_json(plan: Plan) -> dict[str, Any]:
    data: dict[str, Any] = plan.model_dump(mode="json")
    data["request"]["partners"] = sorted(plan.request.partners)
    return data


def plan_json_text(plan: Plan) -> str:
    return json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2) + "\n"


def _write_atomic(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, so a failure leaves nothing behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dump_plan(plan: Plan, path: Path | str) -> None:
    text = plan_json_text(plan)
    _write_atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def load_plan(path: Path | str) -> Plan:
    """Read a plan JSON file; errors name the file and the field path."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PlanFileError(path, f"cannot read file: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PlanFileError(path, f"not valid JSON: {exc}") from exc
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "<root>"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise PlanFileError(path, f"field {where}: {first['msg']}{more}") from exc


def write_xlsx(plan: Plan, path: Path | str) -> None:
    """The plan as a workbook: schedule, left out, vulnerability, request."""
    book = Workbook()
    schedule = book.active
    assert schedule is not None
    schedule.title = "Planning"
    quarters = [f"K{q + 1} uren" for q in range(plan.request.quarters)]
    header = ["Kwartaal", "Maatregel", "Titel", "Thema", *quarters, "Uren", "Kosten (€)"]
    rows = [
        [c.quarter, c.id, c.title, c.theme, *c.hours_per_quarter, c.hours, c.cost_eur]
        for c in plan.chosen
    ]
    for row, chosen in zip(rows, plan.chosen, strict=True):
        row.extend(["ja" if chosen.shared else "nee", chosen.reason.nl])
    _table(schedule, [*header, "Gedeeld", "Reden"], rows)
    rejected = book.create_sheet("Niet gekozen")
    _table(
        rejected,
        ["Maatregel", "Titel", "Waarde alleen", "Reden (code)", "Reden"],
        [[r.id, r.title, r.value, r.reason.code, r.reason.nl] for r in plan.rejected],
    )
    vulnerability = book.create_sheet("Kwetsbaarheid")
    _table(
        vulnerability,
        ["Proces", "Voor", "Na (optimaal)", "Na (greedy)"],
        [[p, plan.before[p], plan.after[p], _greedy(plan, p)] for p in plan.before],
    )
    request = book.create_sheet("Verzoek")
    _table(request, ["Parameter", "Waarde"], _request_rows(plan))
    _write_atomic(Path(path), lambda tmp: book.save(tmp))


def _request_rows(plan: Plan) -> list[list[Any]]:
    req = plan.request
    return [
        ["Uren totaal", req.hours],
        ["Uren per kwartaal", req.hours_per_quarter if req.hours_per_quarter is not None else "-"],
        ["Budget (€)", req.budget_eur],
        ["Kwartalen", req.quarters],
        ["Samenwerking", ", ".join(sorted(req.partners)) or "-"],
        ["Verplicht", ", ".join(req.mandatory) or "-"],
        ["Uitgesloten", ", ".join(req.excluded) or "-"],
        ["Themaminimum", ", ".join(f"{k}={v}" for k, v in req.min_theme.items()) or "-"],
        ["Doelwaarde (optimaal)", plan.objective],
        ["Greedy: plan binnen de eisen", "ja" if plan.greedy_feasible else "nee (geen plan)"],
        ["Doelwaarde (greedy)", plan.greedy_objective],
        ["Winst t.o.v. greedy", plan.improvement_over_greedy],
        ["Rekentijd solver (s)", plan.solver.seconds],
        ["Kennisbank", plan.framework_version or "-"],
    ]


def _greedy(plan: Plan, process: str) -> float | str | None:
    """Greedy's vulnerability after, or a dash when greedy found no plan meeting the constraints."""
    return plan.greedy_after.get(process) if plan.greedy_feasible else "-"


def _table(sheet: Any, header: list[str], rows: list[list[Any]]) -> None:
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
