"""``demo_totp``: print the current TOTP code of the demo coordinator and administrator."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.web.tenancy.demo import DEMO_TOTP_KEY


class Command(BaseCommand):
    help = "Print the current TOTP code for the demo logins (demo installations only)."

    def handle(self, *args: Any, **options: Any) -> None:
        device = TOTPDevice.objects.filter(key=DEMO_TOTP_KEY, confirmed=True).first()
        if device is None:
            raise CommandError("No demo TOTP device: run `weerbaar demo` or `load_demo` first.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
