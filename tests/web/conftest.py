"""Fixtures for the web app: two municipalities, a user per role in each, logged-in clients.

Tests here run against ``weerbaar.web.conf.ci``: SQLite by default, PostgreSQL when
``DATABASE_URL`` is set. Coordinators and administrators are created with a confirmed TOTP
device, and their clients carry a verified two-factor session, so tests reach the app directly.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weerbaar.web.conf.ci")

import django

django.setup()

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.oath import TOTP  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from weerbaar.web.api.models import ApiToken  # noqa: E402
from weerbaar.web.scans.models import Scan  # noqa: E402
from weerbaar.web.tenancy.models import Membership, Municipality, Role  # noqa: E402

PASSWORD = "Correct-Horse-Battery-42"
ROLES = (Role.COORDINATOR, Role.RESPONDENT, Role.VIEWER)


@dataclass
class World:
    """Municipalities ``a`` and ``b``, users ``(key, role)`` and the administrator."""

    municipalities: dict[str, Municipality]
    users: dict[tuple[str, str], Any] = field(default_factory=dict)
    admin: Any = None

    def user(self, key: str, role: str) -> Any:
        return self.users[(key, role)]

    def code(self, key: str) -> str:
        return self.municipalities[key].code


def make_user(username: str, *, staff: bool = False, totp: bool = False) -> Any:
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, is_staff=staff, is_superuser=staff
    )
    if totp:
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def login(user: Any, *, verified: bool = True) -> Client:
    """A test client logged in as ``user``; with its TOTP device verified if it has one."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if verified and device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def world(db: Any) -> World:
    """Two real (reference data) municipalities, so the core accepts their codes."""
    municipalities = {
        "a": Municipality.objects.create(
            code="GM0037",
            name="Stadskanaal",
            province="Groningen",
            population=32038,
            riec_region="Noord-Nederland",
            size_class="klein",
        ),
        "b": Municipality.objects.create(
            code="GM0047",
            name="Veendam",
            province="Groningen",
            population=27687,
            riec_region="Noord-Nederland",
            size_class="klein",
        ),
    }
    result = World(municipalities=municipalities)
    for key, municipality in municipalities.items():
        for role in ROLES:
            user = make_user(f"{role}-{key}", totp=role == Role.COORDINATOR)
            Membership.objects.create(user=user, municipality=municipality, role=role)
            result.users[(key, role)] = user
    result.admin = make_user("beheerder", staff=True, totp=True)
    return result


@pytest.fixture
def client_for() -> Callable[..., Client]:
    """``client_for(user, verified=True)``: a logged-in (two-factor verified) client."""
    return login


@pytest.fixture
def password() -> str:
    """The password of every test user."""
    return PASSWORD


def current_totp_code(device: TOTPDevice) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def totp_code() -> Callable[[TOTPDevice], str]:
    """``totp_code(device)``: the code the device's authenticator app shows now."""
    return current_totp_code


@pytest.fixture
def coordinator_client(world: World) -> Client:
    return login(world.user("a", Role.COORDINATOR))


@pytest.fixture
def viewer_client(world: World) -> Client:
    return login(world.user("a", Role.VIEWER))


@pytest.fixture
def respondent_client(world: World) -> Client:
    return login(world.user("a", Role.RESPONDENT))


@pytest.fixture
def admin_client_2fa(world: World) -> Client:
    return login(world.admin)


@pytest.fixture
def api_token() -> Callable[[Any], str]:
    """``api_token(user)``: a fresh API key for ``user``."""

    def issue(user: Any) -> str:
        return ApiToken.issue(user, name="test")[1]

    return issue


@pytest.fixture
def scan_a(world: World) -> Scan:
    """A workshop scan of municipality ``a`` without answers."""
    return Scan.objects.create(
        municipality=world.municipalities["a"],
        title="Workshop 2026",
        mode="workshop",
        framework_version="1.0.0+test",
        participants=6,
    )
