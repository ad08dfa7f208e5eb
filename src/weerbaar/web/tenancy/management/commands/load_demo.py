"""``load_demo``: Gemeente Voorbeeld (GM9999), demo users, two scans, an action plan, signals."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from weerbaar.web.awareness.demo import ensure_demo_awareness
from weerbaar.web.signals.demo import ensure_demo_signals
from weerbaar.web.tenancy import demo

BASE = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Load the demo municipality GM9999 with demo users, two scans and an action plan."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--quiet-logins", action="store_true", help="Do not print the demo logins."
        )
        parser.add_argument(
            "--base-url",
            default=BASE,
            help=f"Address the printed login and survey links start with (default {BASE}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and settings.SECURE:
            raise CommandError(
                "load_demo creates users with public passwords: it refuses to run under "
                "production settings (use weerbaar.web.conf.dev, as `weerbaar demo` does)."
            )
        with transaction.atomic():
            municipality = demo.demo_municipality()
            logins = demo.ensure_demo_users(municipality)
            scans = demo.ensure_demo_scans(municipality)
            plans = demo.ensure_demo_plan(municipality)
            token = demo.ensure_demo_respondent_link(municipality)
            kit_token = ensure_demo_awareness(municipality)
        signals = ensure_demo_signals(municipality).run
        self.stdout.write(
            f"load_demo: {municipality} with {len(logins)} demo users, {scans} scans, "
            f"{plans} action plan(s), a signals run with {signals.hit_count} hits"
        )
        base = str(options.get("base_url") or BASE).rstrip("/")
        if not options["quiet_logins"]:
            self._print_logins(logins, base)
            if token:
                self.stdout.write(f"Survey link for a respondent (no account): {base}/s/{token}/\n")
            self.stdout.write(
                f"Lessons and pulse for employees (no account): {base}/k/{kit_token}/\n"
            )

    def _print_logins(self, logins: list[demo.DemoLogin], base: str) -> None:
        self.stdout.write(f"\nDemo logins ({base}/account/login/):")
        for login in logins:
            self.stdout.write(f"  {login.role:12} {login.username:18} password: {login.password}")
            if login.totp_secret:
                self.stdout.write(f"  {'':12} TOTP secret {login.totp_secret}")
                self.stdout.write(f"  {'':12} {login.otpauth_url}")
        self.stdout.write(
            "Coordinator and admin need a TOTP code: add the secret to an authenticator app, "
            f"or print the current code with `{demo.weerbaar_command()} manage demo_totp`.\n"
        )
