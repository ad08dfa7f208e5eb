"""``delete_signal_runs``: remove signal runs (and their hits) started before a date.

Results are kept no longer than needed (see docs/signals/lawful-use.md); the deletion itself
is written to the audit log with the number of runs and hits removed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from weerbaar.web.audit import log_event
from weerbaar.web.signals.models import SignalHit, SignalRun
from weerbaar.web.tenancy.models import Municipality


class Command(BaseCommand):
    help = (
        "Delete a municipality's signal runs started before a date (YYYY-MM-DD), with their hits."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM9999.")
        parser.add_argument(
            "--before", required=True, help="Date YYYY-MM-DD; runs started earlier go."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(pk=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"--municipality {options['municipality']}: unknown municipality")
        try:
            before = dt.date.fromisoformat(options["before"])
        except ValueError:
            raise CommandError(
                f"--before {options['before']!r}: use a date as YYYY-MM-DD"
            ) from None
        runs = SignalRun.objects.filter(municipality=municipality, started_at__date__lt=before)
        with transaction.atomic():
            hits = SignalHit.objects.filter(run__in=runs).count()
            ids = sorted(runs.values_list("pk", flat=True))
            runs.delete()
            log_event(
                None,
                "signal_runs_deleted",
                municipality=municipality,
                details={"before": before.isoformat(), "runs": ids, "hits": hits},
            )
        self.stdout.write(
            f"delete_signal_runs: {municipality}: {len(ids)} runs and {hits} hits deleted"
        )
