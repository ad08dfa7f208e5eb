"""Demo scans and action plan, stored through the ui apps' services (filled in as they land)."""

from __future__ import annotations

from weerbaar.web.tenancy.models import Municipality


def import_demo_scans(municipality: Municipality) -> int:
    from weerbaar.web.scans.models import Scan

    return Scan.objects.filter(municipality=municipality).count()


def make_demo_plan(municipality: Municipality) -> int:
    from weerbaar.web.plans.models import Plan

    return Plan.objects.filter(scan__municipality=municipality).count()
