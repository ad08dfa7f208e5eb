"""``settings_reference``: print or write the administrator's settings reference."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from weerbaar.web.conf.reference import render_settings_reference


class Command(BaseCommand):
    help = "Print (or --write) the settings reference generated from the environment helper."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--write", metavar="FILE", help="Write to FILE instead of printing.")

    def handle(self, *args: Any, **options: Any) -> None:
        text = render_settings_reference()
        if options["write"]:
            Path(options["write"]).write_text(text, encoding="utf-8")
            self.stdout.write(f"settings_reference: wrote {options['write']}")
        else:
            self.stdout.write(text, ending="")
