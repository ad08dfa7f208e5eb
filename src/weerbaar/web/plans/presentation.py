"""The core plan in words and rows for the plan page (current language)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from weerbaar.measures import Plan as CorePlan
from weerbaar.signals.explain import format_value
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.results.presentation import process_label


def measure_title(measure_id: str) -> str:
    found = framework().measures.get(measure_id)
    return found.title.get(language()) if found else measure_id


def theme_label(theme: str) -> str:
    found = framework().themes.get(theme)
    return found.name.get(language()) if found else theme


def _reason(reason: Any) -> str:
    return str(reason.en if language() == "en" else reason.nl)


def chosen_rows(plan: CorePlan) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "title": measure_title(c.id),
            "theme": theme_label(c.theme),
            "quarter": c.quarter,
            "hours": c.hours,
            "cost": c.cost_eur,
            "shared": c.shared,
            "reason": _reason(c.reason),
        }
        for c in plan.chosen
    ]


def rejected_rows(plan: CorePlan) -> list[dict[str, Any]]:
    return [
        {"id": r.id, "title": measure_title(r.id), "value": r.value, "reason": _reason(r.reason)}
        for r in plan.rejected
    ]


def process_rows(plan: CorePlan) -> list[dict[str, Any]]:
    return [
        {
            "label": process_label(pid),
            "before": before,
            "after": plan.after.get(pid, before),
            "greedy": plan.greedy_after.get(pid, before) if plan.greedy_feasible else None,
        }
        for pid, before in plan.before.items()
    ]


def request_rows(plan: CorePlan) -> list[tuple[str, str]]:
    req = plan.request
    partners = {"riec": _("RIEC"), "buurgemeente": _("buurgemeente")}
    rows = [
        (_("Uren"), format_value(req.hours, "num", language())),
        (
            _("Budget"),
            format_value(req.budget_eur, "eur", language()).removesuffix(",00").removesuffix(".00"),
        ),
        (_("Kwartalen"), str(req.quarters)),
        (
            _("Uren per kwartaal"),
            format_value(req.hours_per_quarter, "num", language())
            if req.hours_per_quarter
            else "–",
        ),
        (_("Samenwerking"), ", ".join(str(partners[p]) for p in sorted(req.partners)) or "–"),
        (_("Verplicht"), ", ".join(measure_title(m) for m in req.mandatory) or "–"),
        (_("Uitgesloten"), ", ".join(measure_title(m) for m in req.excluded) or "–"),
    ]
    if req.min_theme:
        themes = ", ".join(f"{theme_label(t)} ≥ {n}" for t, n in req.min_theme.items())
        rows.append((_("Minimum per thema"), themes))
    return rows
