"""Demo scans and action plan for Gemeente Voorbeeld, stored through the ui apps' services.

The scans are the core's demo files (``weerbaar/demo/data/voorbeeld-*.json``) imported with
``scans.services.import_scan``; the plan is made by the core optimiser through
``plans.services.create_plan`` and accepted, with a few actions already under way.
"""

from __future__ import annotations

from weerbaar.demo.scans import FILES, demo_scan_path
from weerbaar.scan.io import load_scan
from weerbaar.web.plans.models import ActionStatus, Plan
from weerbaar.web.plans.services import accept_plan, create_plan
from weerbaar.web.scans.models import Respondent, Scan
from weerbaar.web.scans.services import import_scan
from weerbaar.web.tenancy.models import Municipality

# The demo plan: one year, about two days a week and a modest budget, with the RIEC's help.
DEMO_PLAN_REQUEST = {
    "hours": 400,
    "budget_eur": 15000,
    "quarters": 4,
    "partners": ["riec", "buurgemeente"],
}
DEMO_OWNERS = ("Teamleider Financiën", "Inkoopadviseur", "Coördinator ondermijning")


def import_demo_scans(municipality: Municipality) -> int:
    """Import each demo scan file once (recognised by title and date); returns the scan count."""
    for year in sorted(FILES):
        core_scan = load_scan(demo_scan_path(year))
        title = core_scan.title or core_scan.id or str(core_scan.date)
        exists = Scan.objects.filter(municipality=municipality, title=title, date=core_scan.date)
        if not exists.exists():
            import_scan(municipality, core_scan)
    return Scan.objects.filter(municipality=municipality).count()


def make_demo_plan(municipality: Municipality) -> int:
    """An accepted plan for the latest demo scan, with a few actions in progress, once."""
    latest = Scan.objects.filter(municipality=municipality).order_by("-date", "-pk").first()
    if latest is None:
        return 0
    if not Plan.objects.filter(scan=latest).exists():
        plan = create_plan(latest, dict(DEMO_PLAN_REQUEST))
        actions = accept_plan(plan)
        for action, owner in zip(actions, DEMO_OWNERS, strict=False):
            action.owner = owner
            action.status = ActionStatus.DOING if action.due_quarter > 1 else ActionStatus.DONE
            action.save(update_fields=["owner", "status"])
    return Plan.objects.filter(scan__municipality=municipality).count()


def demo_respondents(municipality: Municipality, user: object) -> str | None:
    """Assign the demo respondent account to the survey's first respondent and return a fresh
    personal link token for the second (tokens are stored hashed, so a new one is issued)."""
    survey = Scan.objects.filter(municipality=municipality, mode="survey").order_by("-date").first()
    if survey is None:
        return None
    respondents = list(survey.respondents.order_by("pk")[:2])
    if not respondents:
        return None
    Respondent.objects.filter(scan__municipality=municipality, user=user).update(user=None)
    respondents[0].user = user
    respondents[0].save(update_fields=["user"])
    linked = respondents[-1]
    token = linked.issue_token()
    linked.save(update_fields=["token_hash"])
    return token
