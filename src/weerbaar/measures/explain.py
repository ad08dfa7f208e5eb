"""Why a measure is in the plan, and why a strong measure is not."""

from __future__ import annotations

from weerbaar.measures.effect import marginal_value, process_weight, standalone_value
from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest, Reason

EPS = 1e-9


def main_gap(problem: PlanProblem, cand: Candidate) -> Gap | None:
    """The gap this measure addresses that weighs most in the objective."""
    gaps = [g for g in problem.gaps if g.id in cand.gaps and g.points > 0]
    if not gaps:
        return None
    return max(
        gaps, key=lambda g: (process_weight(problem.vulnerability[g.process]) * g.points, g.id)
    )


def nl_number(value: float, digits: int = 2) -> str:
    """A number the Dutch way: 1.234,56."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def why_chosen(
    problem: PlanProblem,
    request: PlanRequest,
    cand: Candidate,
    chosen: set[str],
    gain: tuple[float, float],
) -> Reason:
    """Reason for a chosen measure; ``gain`` = (what it adds to the plan value, its hours)."""
    value, hours = gain
    if cand.id in request.mandatory and not cand.gaps:
        return Reason(
            code="mandatory",
            nl="Verplicht gesteld in het verzoek; pakt geen zwak antwoord in deze scan aan.",
            en="Set as mandatory; addresses no weak answer in this scan.",
        )
    if cand.id in request.mandatory:
        return Reason(
            code="mandatory", nl="Verplicht gesteld in het verzoek.", en="Set as mandatory."
        )
    if value <= EPS:
        needed_by = sorted(
            c.id for c in problem.candidates if c.id in chosen and cand.id in c.prerequisites
        )
        if needed_by:
            nl_names, en_names = _titles(problem, needed_by)
            return Reason(
                code="prerequisite_for",
                nl=f"Voorwaarde voor {nl_names}.",
                en=f"Prerequisite of {en_names}.",
            )
        return Reason(
            code="theme_minimum",
            nl=f"Nodig voor het minimum van thema {cand.theme}.",
            en=f"Needed for the minimum of theme {cand.theme}.",
        )
    gap = main_gap(problem, cand)
    per_hour = value / hours if hours > 0 else 0.0
    where_nl, where_en = _where(gap)
    hours_nl = f"{nl_number(per_hour, 3)} per uur" if hours > 0 else "zonder eigen uren"
    hours_en = f"{per_hour:.3f} per hour" if hours > 0 else "no own hours"
    return Reason(
        code="value",
        nl=f"Verkleint de kwetsbaarheid van {where_nl}; "
        f"gewogen winst {nl_number(value)}, {hours_nl}.",
        en=f"Reduces the vulnerability of {where_en}; weighted gain {value:.2f}, {hours_en}.",
    )


def _titles(problem: PlanProblem, ids: list[str]) -> tuple[str, str]:
    """Measures named by their titles (Dutch, English); an id only when no title is known."""
    found = {c.id: c for c in problem.candidates}
    nl = [found[i].title or i if i in found else i for i in ids]
    en = [found[i].title_en or found[i].title or i if i in found else i for i in ids]
    return ", ".join(nl), ", ".join(en)


def _where(gap: Gap | None) -> tuple[str, str]:
    """Where a measure helps: the process by name and the weak answer by its short title."""
    if gap is None:
        return "", ""
    process_nl = gap.process_label or gap.process
    process_en = gap.process_label_en or process_nl
    label_nl = gap.label or gap.question or gap.id
    label_en = gap.label_en or label_nl
    return (
        f"{process_nl} (zwak antwoord bij ‘{label_nl}’)",
        f"{process_en} (weak answer on ‘{label_en}’)",
    )


def why_rejected(
    problem: PlanProblem,
    request: PlanRequest,
    cand: Candidate,
    chosen: set[str],
    available: set[str],
    used: tuple[float, float],
) -> Reason:
    """Reason a measure with value on its own is not in the plan; ``used`` = (cost, hours)."""
    small_only = problem.small_profile and not request.allow_unsuited
    reason = _blocked(request, cand, available, small_only) or _no_room(request, cand, used)
    if reason is not None:
        return reason
    missing = [p for p in cand.prerequisites if p not in chosen and p not in problem.in_place]
    if missing:
        nl_names, en_names = _titles(problem, missing)
        return Reason(
            code="prerequisite",
            nl=f"Vraagt eerst {nl_names}; samen past dat niet of levert het minder op.",
            en=f"Needs {en_names} first; together that does not fit or gains less.",
        )
    alone = standalone_value(problem, cand.id)
    if marginal_value(problem, cand.id, chosen) < 0.5 * alone:
        return Reason(
            code="low_added_value",
            nl="Weinig toegevoegde waarde: gekozen maatregelen dekken dezelfde zwakke plekken al.",
            en="Low added value: chosen measures already cover the same gaps.",
        )
    return Reason(
        code="capacity",
        nl="De uren en het budget leveren elders meer op (uren per kwartaal of samen met andere).",
        en="The hours and budget achieve more elsewhere (quarterly hours or in combination).",
    )


def _blocked(
    request: PlanRequest, cand: Candidate, available: set[str], small_only: bool
) -> Reason | None:
    if cand.id in request.excluded:
        return Reason(
            code="excluded", nl="Uitgesloten in het verzoek.", en="Excluded in the request."
        )
    if not cand.small_municipality and cand.id not in available and small_only:
        return Reason(
            code="unsuited",
            nl="Niet geschikt voor een kleine gemeente (vraagt specialistische capaciteit); "
            "alleen als u zulke maatregelen uitdrukkelijk toestaat.",
            en="Not suited for a small municipality (needs specialist capacity); only when "
            "you explicitly allow such measures.",
        )
    if cand.id not in available:
        return Reason(
            code="prerequisite",
            nl=f"Voorwaarde {', '.join(cand.prerequisites)} is uitgesloten of niet beschikbaar.",
            en=f"Prerequisite {', '.join(cand.prerequisites)} is excluded or unavailable.",
        )
    return None


def _no_room(request: PlanRequest, cand: Candidate, used: tuple[float, float]) -> Reason | None:
    cost, hours_used = used
    money_left, hours_left = request.budget_eur - cost, request.hours - hours_used
    if cand.cost(request.partners) > money_left + EPS:
        return Reason(
            code="budget",
            nl=f"Past niet meer in het budget (nog € {nl_number(money_left, 0)} vrij).",
            en=f"Does not fit the remaining budget (€ {money_left:,.0f} left).",
        )
    least = sum(cand.quarter_hours(request.quarters, request.quarters, request.partners))
    if least > hours_left + EPS:
        return Reason(
            code="hours",
            nl=f"Past niet meer in de uren (nog {nl_number(hours_left, 1)} uur vrij).",
            en=f"Does not fit the remaining hours ({hours_left:.1f} hours left).",
        )
    return None
