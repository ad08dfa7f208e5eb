"""The demo world in the database: Gemeente Voorbeeld (GM9999) and one user per role.

Demo users have fixed, documented passwords and the coordinator and administrator a fixed
TOTP secret, so the demo can be used with any authenticator app (or ``demo_totp``). Only for
local demo installations: ``load_demo`` refuses to run under production settings.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from weerbaar.demo import VOORBEELD
from weerbaar.web.tenancy.models import Membership, Municipality, Role
from weerbaar.web.tenancy.reference import store_municipalities

DEMO_PASSWORD = "weerbaar-demo"
# 20-byte TOTP key (hex); base32: see demo_login().totp_secret. Public on purpose: demo only.
DEMO_TOTP_KEY = "77656572626161722d64656d6f2d746f74702121"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str
    totp_secret: str | None
    otpauth_url: str | None


DEMO_USERS: tuple[tuple[str, str | None], ...] = (
    ("demo-coordinator", Role.COORDINATOR),
    ("demo-viewer", Role.VIEWER),
    ("demo-respondent", Role.RESPONDENT),
    ("demo-admin", None),
)


def weerbaar_command() -> str:
    """How to call ``weerbaar`` from the current folder: the name when it is on the PATH, else
    the path of this installation's script (``.venv/bin/weerbaar`` after ``make demo``)."""
    script = Path(sys.executable).parent / "weerbaar"
    on_path = shutil.which("weerbaar")
    if on_path and Path(on_path).resolve() == script.resolve():
        return "weerbaar"
    if not script.exists():
        return "weerbaar"
    relative = os.path.relpath(script, Path.cwd())
    return relative if not relative.startswith("..") else str(script)


def demo_municipality() -> Municipality:
    store_municipalities([VOORBEELD])
    return Municipality.objects.get(pk=VOORBEELD.code)


def _device(user: Any) -> TOTPDevice:
    device, _created = TOTPDevice.objects.update_or_create(
        user=user, name="demo", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
    )
    return device


def ensure_demo_user(username: str, role: str | None, municipality: Municipality) -> DemoLogin:
    """Create or reset one demo user (password, membership, TOTP device where needed)."""
    staff = role is None
    user, _created = get_user_model().objects.get_or_create(username=username)
    user.is_staff = user.is_superuser = staff
    user.is_active = True
    user.set_password(DEMO_PASSWORD)
    user.save()
    if role is not None:
        Membership.objects.update_or_create(
            user=user, municipality=municipality, defaults={"role": role}
        )
    secret = url = None
    if staff or role == Role.COORDINATOR:
        device = _device(user)
        secret = base32_secret(device)
        url = device.config_url
    return DemoLogin(username, role or "admin", DEMO_PASSWORD, secret, url)


def base32_secret(device: TOTPDevice) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode("ascii")


def ensure_demo_users(municipality: Municipality) -> list[DemoLogin]:
    return [ensure_demo_user(name, role, municipality) for name, role in DEMO_USERS]


def ensure_demo_scans(municipality: Municipality) -> int:
    """Import the demo scans (``weerbaar/demo/data/voorbeeld-*.json``) that are not there yet."""
    from weerbaar.web.tenancy.demo_content import import_demo_scans

    return import_demo_scans(municipality)


def ensure_demo_respondent_link(municipality: Municipality) -> str | None:
    """Link the demo respondent account to the survey; a fresh personal link token."""
    from weerbaar.web.tenancy.demo_content import demo_respondents

    user = get_user_model().objects.get(username="demo-respondent")
    return demo_respondents(municipality, user)


def ensure_demo_plan(municipality: Municipality) -> int:
    """An action plan for the latest demo scan, made by the core optimiser, if there is none."""
    from weerbaar.web.tenancy.demo_content import make_demo_plan

    return make_demo_plan(municipality)
