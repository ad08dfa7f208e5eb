"""``run_signals``: run the signal rules on a municipality's exports and store the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from weerbaar.signals.inputs import InputError
from weerbaar.signals.pseudonym import DEMO_KEY, PseudonymKeyError
from weerbaar.signals.service import RunOptions
from weerbaar.web.signals.service import configured_key, run_and_store
from weerbaar.web.tenancy.models import Municipality


class Command(BaseCommand):
    help = (
        "Run the signal rules on a folder of exports (payments, creditors, creditor_changes, "
        "orders; ocds.jsonl) and store the run and its hits for the municipality. Person "
        "identifiers are pseudonymised with WEERBAAR_PSEUDONYM_KEY."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--municipality", required=True, help="CBS code, e.g. GM9999.")
        parser.add_argument("--data", required=True, type=Path, help="Folder with the exports.")
        parser.add_argument("--ocds", type=Path, help="OCDS releases (JSON lines), if elsewhere.")
        parser.add_argument("--rules", help="Comma-separated rule ids or prefixes (FIN,INK-003).")
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Synthetic data only: use the fixed demo key when no key is configured.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(pk=options["municipality"]).first()
        if municipality is None:
            raise CommandError(f"--municipality {options['municipality']}: unknown municipality")
        data_dir: Path = options["data"]
        if not data_dir.is_dir():
            raise CommandError(f"--data {data_dir}: not a folder")
        try:
            key = configured_key(demo=options["demo"])
        except PseudonymKeyError as error:
            raise CommandError(str(error)) from error
        rule_ids = options["rules"].split(",") if options["rules"] else None
        run_options = RunOptions(
            data_dir=data_dir,
            key=key,
            rule_ids=rule_ids,
            ocds=options["ocds"],
            demo=key == DEMO_KEY,
        )
        try:
            stored = run_and_store(
                municipality,
                run_options,
                source=f"run_signals {data_dir.name}",
                is_demo=options["demo"],
            )
        except InputError as error:
            raise CommandError(f"The input is not usable, nothing was stored:\n{error}") from error
        except KeyError as error:
            raise CommandError(str(error.args[0] if error.args else error)) from error
        run = stored.run
        verb = "stored" if stored.created else "unchanged, already stored as"
        self.stdout.write(
            f"run_signals: {municipality}: {verb} run {run.pk} "
            f"({run.hit_count} hits from {run.rule_count} rules)"
        )
