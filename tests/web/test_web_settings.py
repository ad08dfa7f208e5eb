"""Settings: production passes the deploy check, env errors name the variable, docs are complete."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.web.conf.env import REGISTRY, env
from weerbaar.web.conf.reference import render_settings_reference

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "weerbaar.web.conf.production",
    "WEERBAAR_SECRET_KEY": "k3Y-" + "x7Qp9zR2vL5mN8bW4cT6yH1jF0dS3gA" * 2,
    "WEERBAAR_ALLOWED_HOSTS": "weerbaar.gemeente-voorbeeld.nl",
}


def _django(
    args: list[str], extra_env: dict[str, str], tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("WEERBAAR_", "DJANGO_"))
    }
    environment.pop("DATABASE_URL", None)
    environment.update(extra_env, WEERBAAR_DATA_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path: Path) -> None:
    result = _django(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_secret_key_stops_and_names_the_variable(tmp_path: Path) -> None:
    incomplete = {k: v for k, v in PRODUCTION_ENV.items() if k != "WEERBAAR_SECRET_KEY"}
    result = _django(["check"], incomplete, tmp_path)
    assert result.returncode != 0
    assert "WEERBAAR_SECRET_KEY" in result.stderr


def test_a_malformed_value_is_refused_with_the_variable_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEERBAAR_TEST_FLAG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="WEERBAAR_TEST_FLAG"):
        env("WEERBAAR_TEST_FLAG", help="test only", default=False, cast=bool)
    monkeypatch.setenv("WEERBAAR_TEST_NUMBER", "tien")
    with pytest.raises(ImproperlyConfigured, match="WEERBAAR_TEST_NUMBER"):
        env("WEERBAAR_TEST_NUMBER", help="test only", default=1, cast=int)
    REGISTRY.pop("WEERBAAR_TEST_FLAG")
    REGISTRY.pop("WEERBAAR_TEST_NUMBER")


def test_env_parses_lists_and_string_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEERBAAR_TEST_HOSTS", " a.nl, b.nl ,,")
    assert env("WEERBAAR_TEST_HOSTS", help="t", default="", cast=list) == ["a.nl", "b.nl"]
    monkeypatch.delenv("WEERBAAR_TEST_HOSTS")
    assert env("WEERBAAR_TEST_HOSTS", help="t", default="x.nl", cast=list) == ["x.nl"]
    REGISTRY.pop("WEERBAAR_TEST_HOSTS")


def test_settings_reference_documents_every_variable() -> None:
    committed = (ROOT / "docs" / "admin" / "settings.md").read_text(encoding="utf-8")
    assert committed == render_settings_reference(), (
        "docs/admin/settings.md is out of date: run `weerbaar manage settings_reference "
        "--write docs/admin/settings.md`"
    )
    for name in REGISTRY:
        assert f"`{name}`" in committed


def test_language_and_security_basics() -> None:
    assert settings.LANGUAGE_CODE == "nl"
    assert [code for code, _name in settings.LANGUAGES] == ["nl", "en"]
    assert settings.SESSION_COOKIE_AGE <= 3600
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert len(settings.AUTH_PASSWORD_VALIDATORS) == 4


@pytest.mark.django_db
def test_migrations_are_committed() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_load_reference_and_load_demo_are_idempotent() -> None:
    from io import StringIO

    from django.contrib.auth import get_user_model

    from weerbaar.web.plans.models import Plan
    from weerbaar.web.scans.models import Scan
    from weerbaar.web.tenancy.models import Membership, Municipality

    for _run in range(2):
        call_command("load_reference", stdout=StringIO())
        out = StringIO()
        call_command("load_demo", stdout=out)
    assert Municipality.objects.filter(is_demo=False).count() == 342
    assert Scan.objects.filter(municipality_id="GM9999").count() == 2
    assert Plan.objects.filter(scan__municipality_id="GM9999").count() == 1
    assert Plan.objects.get().actions.exists()
    assert Membership.objects.filter(municipality_id="GM9999").count() == 3
    assert get_user_model().objects.filter(username__startswith="demo-").count() == 4
    printed = out.getvalue()
    assert "demo-coordinator" in printed and "otpauth://totp/" in printed and "/s/" in printed
    assert "http://127.0.0.1:8000/account/login/" in printed
    elsewhere = StringIO()
    call_command("load_demo", base_url="http://0.0.0.0:8123/", stdout=elsewhere)
    assert "http://0.0.0.0:8123/account/login/" in elsewhere.getvalue()
    assert "http://0.0.0.0:8123/s/" in elsewhere.getvalue()
    assert ":8000" not in elsewhere.getvalue()
    code = StringIO()
    call_command("demo_totp", stdout=code)
    # The demo is usable: password, then the printed TOTP code, then the municipality.
    from django.test import Client

    client = Client()
    login = {"username": "demo-coordinator", "password": "weerbaar-demo"}
    assert client.post("/account/login/", login)["Location"].startswith("/account/2fa/")
    assert client.post("/account/2fa/", {"token": code.getvalue().strip()}).status_code == 302
    assert client.get("/gemeente/GM9999/").status_code == 200
    assert client.get("/gemeente/GM0037/").status_code == 404


@pytest.mark.django_db
def test_load_demo_refuses_production_settings(settings: Any) -> None:
    from django.core.management.base import CommandError

    settings.DEBUG = False
    settings.SECURE = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")


def test_log_lines_are_json_with_an_event_name() -> None:
    import json
    import logging

    from weerbaar.web.conf.logging import JsonFormatter

    record = logging.makeLogRecord(
        {"name": "weerbaar.audit", "levelname": "INFO", "msg": "scan_viewed", "scan_id": 7}
    )
    line = json.loads(JsonFormatter().format(record))
    assert line["event"] == "scan_viewed" and line["scan_id"] == 7 and line["level"] == "info"


@pytest.mark.django_db
def test_weerbaar_serve_prepares_and_hands_the_wsgi_app_to_waitress(
    settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import waitress
    from typer.testing import CliRunner

    from weerbaar.cli import app
    from weerbaar.web.tenancy.models import Municipality

    settings.STATIC_ROOT = tmp_path / "static"
    served: dict[str, Any] = {}
    monkeypatch.setattr(
        waitress, "serve", lambda application, **kw: served.update(kw, app=application)
    )
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert served["host"] == "0.0.0.0" and served["port"] == 8123 and callable(served["app"])
    assert Municipality.objects.count() == 342
    assert any((tmp_path / "static").rglob("*.css"))


_ITEM = st.text(alphabet=st.characters(blacklist_characters=",\x00", blacklist_categories=("Cs",)))


@given(
    items=st.lists(_ITEM.map(str.strip).filter(bool), max_size=6), pad=st.sampled_from(["", " "])
)
def test_list_settings_round_trip(items: list[str], pad: str) -> None:
    import os

    os.environ["WEERBAAR_TEST_LIST"] = f",{pad}".join(items)
    try:
        assert env("WEERBAAR_TEST_LIST", help="t", default="", cast=list) == items
    finally:
        del os.environ["WEERBAAR_TEST_LIST"]
        REGISTRY.pop("WEERBAAR_TEST_LIST")


@given(
    raw=st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
        max_size=8,
    )
)
def test_boolean_settings_accept_only_known_words(raw: str) -> None:
    import os

    os.environ["WEERBAAR_TEST_BOOL"] = raw
    try:
        value = env("WEERBAAR_TEST_BOOL", help="t", default=False, cast=bool)
        assert raw.strip().lower() in {"1", "true", "yes", "on", "0", "false", "no", "off", ""}
        assert value is (raw.strip().lower() in {"1", "true", "yes", "on"})
    except ImproperlyConfigured as error:
        assert "WEERBAAR_TEST_BOOL" in str(error)
    finally:
        del os.environ["WEERBAAR_TEST_BOOL"]
        REGISTRY.pop("WEERBAAR_TEST_BOOL", None)
