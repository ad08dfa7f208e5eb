"""Why a plan request cannot be met: checks before solving, and relaxation after.

:func:`check_request` catches the common conflicts with a precise message (a mandatory measure
that alone exceeds the budget, an excluded prerequisite, an impossible theme minimum).
:func:`diagnose` handles the rest: it solves again without one constraint group at a time and
names the groups whose removal makes the request feasible.
"""

from __future__ import annotations

from weerbaar.measures.availability import available_measures, unsuited
from weerbaar.measures.milp import SolverOptions
from weerbaar.measures.models import Candidate, PlanProblem, PlanRequest, RequestFieldError
from weerbaar.measures.optimiser import select


class PlanInfeasible(ValueError):
    """The request has no plan; ``constraint`` names the conflicting constraint group."""

    def __init__(self, constraint: str, nl: str, en: str) -> None:
        super().__init__(f"{nl} / {en}")
        self.constraint = constraint
        self.nl = nl
        self.en = en


class UnknownMeasure(RequestFieldError):
    """A mandatory or excluded id the plan cannot use; ``field`` is the request field."""


def eur(amount: float) -> str:
    return f"€ {amount:,.0f}".replace(",", ".")


def hours(amount: float) -> str:
    return f"{amount:g} uur"


def check_request(problem: PlanProblem, request: PlanRequest) -> None:
    """Raise :class:`PlanInfeasible` or :class:`UnknownMeasure` for conflicts visible up front."""
    _check_ids(problem, request)
    both = sorted(set(request.mandatory) & set(request.excluded))
    if both:
        raise PlanInfeasible(
            "mandatory",
            f"Maatregel {both[0]} is zowel verplicht als uitgesloten.",
            f"Measure {both[0]} is both mandatory and excluded.",
        )
    _check_mandatory(problem, request)
    _check_themes(problem, request)


def _check_ids(problem: PlanProblem, request: PlanRequest) -> None:
    """Mandatory and excluded ids must be known measures; a mandatory one must be a candidate.

    With a knowledge base (``problem.catalogue``) an excluded measure that is no candidate is
    accepted and has no effect; :func:`~weerbaar.measures.recommend.problem_from_scan` makes a
    mandatory measure a candidate even when it addresses no weak answer.
    """
    candidates = {c.id for c in problem.candidates}
    known = candidates | problem.catalogue | problem.in_place
    where_nl, where_en = (
        ("niet in de kennisbank", "not in the knowledge base")
        if problem.catalogue
        else ("geen kandidaat voor dit plan", "not a candidate for this plan")
    )
    words = {"mandatory": ("verplichte", "mandatory"), "excluded": ("uitgesloten", "excluded")}
    for field, ids in (("mandatory", request.mandatory), ("excluded", request.excluded)):
        unknown = ", ".join(sorted(set(ids) - known))
        if unknown:
            nl_word, en_word = words[field]
            raise UnknownMeasure(
                field,
                f"Onbekende {nl_word} maatregel(en): {unknown} ({where_nl}).",
                f"Unknown {en_word} measure(s): {unknown} ({where_en}).",
            )
    in_place = sorted(set(request.mandatory) & problem.in_place)
    if in_place:
        raise PlanInfeasible(
            "mandatory",
            f"Verplichte maatregel {in_place[0]} is al aanwezig (in place); haal hem uit de "
            "verplichte of uit de aanwezige maatregelen.",
            f"Mandatory measure {in_place[0]} is already in place; remove it from the mandatory "
            "or from the in-place measures.",
        )
    missing = ", ".join(sorted(set(request.mandatory) - candidates))
    if missing:
        raise UnknownMeasure(
            "mandatory",
            f"Verplichte maatregel(en) {missing} zijn geen kandidaat: bouw het probleem met "
            "problem_from_scan(..., mandatory=...).",
            f"Mandatory measure(s) {missing} are no candidates: build the problem with "
            "problem_from_scan(..., mandatory=...).",
        )


def _check_mandatory(problem: PlanProblem, request: PlanRequest) -> None:
    available = available_measures(problem, request)
    not_small = sorted(set(request.mandatory) & unsuited(problem, request))
    if not_small:
        raise PlanInfeasible(
            "unsuited",
            f"Verplichte maatregel {not_small[0]} is niet geschikt voor een kleine gemeente; "
            "sta zulke maatregelen uitdrukkelijk toe of kies een andere.",
            f"Mandatory measure {not_small[0]} is not suited for a small municipality; allow "
            "such measures explicitly or choose another.",
        )
    for mid in request.mandatory:
        _check_one_mandatory(problem, request, problem.candidate(mid), mid in available)
    partners = request.partners
    total_cost = sum(problem.candidate(m).cost(partners) for m in set(request.mandatory))
    if total_cost > request.budget_eur:
        raise PlanInfeasible(
            "budget",
            f"De verplichte maatregelen kosten samen {eur(total_cost)}, maar het budget is "
            f"{eur(request.budget_eur)}.",
            f"The mandatory measures cost {eur(total_cost)} together but the budget is "
            f"{eur(request.budget_eur)}.",
        )


def _check_one_mandatory(
    problem: PlanProblem, request: PlanRequest, cand: Candidate, available: bool
) -> None:
    mid, partners, q_count = cand.id, request.partners, request.quarters
    if not available:
        blocked = ", ".join(p for p in cand.prerequisites if p not in problem.in_place)
        raise PlanInfeasible(
            "prerequisite",
            f"Verplichte maatregel {mid} kan niet: voorwaarde {blocked} is uitgesloten, niet "
            "beschikbaar of staat in een kringverwijzing.",
            f"Mandatory measure {mid} is impossible: its prerequisite {blocked} is excluded, "
            "unavailable or part of a cycle.",
        )
    cost = cand.cost(partners)
    if cost > request.budget_eur:
        raise PlanInfeasible(
            "budget",
            f"Verplichte maatregel {mid} kost {eur(cost)}, maar het budget is "
            f"{eur(request.budget_eur)}.",
            f"Mandatory measure {mid} costs {eur(cost)} but the budget is "
            f"{eur(request.budget_eur)}.",
        )
    least = sum(cand.quarter_hours(q_count, q_count, partners))
    if least > request.hours:
        raise PlanInfeasible(
            "hours",
            f"Verplichte maatregel {mid} vraagt minstens {hours(least)}, maar er zijn "
            f"{hours(request.hours)} beschikbaar.",
            f"Mandatory measure {mid} needs at least {least:g} hours but only "
            f"{request.hours:g} hours are available.",
        )
    intro, per_q = cand.intro_hours * cand.share(partners), request.hours_per_quarter
    if per_q is not None and intro > per_q:
        raise PlanInfeasible(
            "hours_per_quarter",
            f"De invoering van verplichte maatregel {mid} vraagt {hours(intro)} in één "
            f"kwartaal, maar per kwartaal zijn {hours(per_q)} beschikbaar.",
            f"Introducing mandatory measure {mid} needs {intro:g} hours in one quarter but only "
            f"{per_q:g} hours per quarter are available.",
        )


def _check_themes(problem: PlanProblem, request: PlanRequest) -> None:
    available = available_measures(problem, request)
    partners = request.partners
    for theme, minimum in request.min_theme.items():
        members = [c for c in problem.candidates if c.theme == theme and c.id in available]
        if len(members) < minimum:
            raise PlanInfeasible(
                f"theme:{theme}",
                f"Minimaal {minimum} maatregel(en) uit thema {theme} gevraagd, maar er zijn er "
                f"maar {len(members)} beschikbaar.",
                f"At least {minimum} measure(s) from theme {theme} requested but only "
                f"{len(members)} are available.",
            )
        cheapest = sum(sorted(c.cost(partners) for c in members)[:minimum])
        if cheapest > request.budget_eur:
            raise PlanInfeasible(
                f"theme:{theme}",
                f"De {minimum} goedkoopste maatregel(en) uit thema {theme} kosten samen "
                f"{eur(cheapest)}, maar het budget is {eur(request.budget_eur)}.",
                f"The {minimum} cheapest measure(s) of theme {theme} cost {eur(cheapest)} "
                f"together but the budget is {eur(request.budget_eur)}.",
            )


GROUP_NAMES: dict[str, tuple[str, str]] = {
    "budget": ("het budget", "the budget"),
    "hours": ("het totaal aantal uren", "the total hours"),
    "hours_per_quarter": ("de uren per kwartaal", "the hours per quarter"),
    "mandatory": ("de verplichte maatregelen", "the mandatory measures"),
    "theme": ("de themaminimums", "the theme minimums"),
}


def diagnose(
    problem: PlanProblem, request: PlanRequest, options: SolverOptions = SolverOptions()
) -> PlanInfeasible:
    """Name the constraint groups that, dropped one at a time, make the request feasible."""
    groups = ["budget", "hours"]
    if request.hours_per_quarter is not None:
        groups.append("hours_per_quarter")
    if request.mandatory:
        groups.append("mandatory")
    if request.min_theme:
        groups.append("theme")
    culprits = [g for g in groups if select(problem, request, [g], options).feasible]
    if not culprits:
        culprits = groups
    nl = " of ".join(GROUP_NAMES[g][0] for g in culprits)
    en = " or ".join(GROUP_NAMES[g][1] for g in culprits)
    return PlanInfeasible(
        culprits[0],
        f"Geen plan mogelijk: de beperkingen botsen. Versoepel {nl} "
        f"(budget {eur(request.budget_eur)}, {hours(request.hours)}).",
        f"No plan is possible: the constraints conflict. Relax {en} "
        f"(budget {eur(request.budget_eur)}, {request.hours:g} hours).",
    )
