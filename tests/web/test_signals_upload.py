"""Starting a run from uploaded exports: checked first, errors named, nothing half-stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from test_signals_support import TEST_KEY, data_dir

from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.signals.models import SignalHit, SignalRun


@pytest.fixture(autouse=True)
def _key(settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY


def _file(name: str, content: bytes | None = None, upload_name: str | None = None) -> Any:
    data = content if content is not None else (data_dir() / name).read_bytes()
    return SimpleUploadedFile(upload_name or name, data, content_type="text/csv")


def _url(world: Any) -> str:
    return reverse("signals:upload", args=[world.code("a")])


def test_coordinator_starts_a_run_from_uploads(world: Any, coordinator_client: Client) -> None:
    form = coordinator_client.get(_url(world))
    assert form.status_code == 200 and "Rechtmatig gebruik" in form.content.decode()
    files = {name: _file(f"{name}.csv") for name in ("payments", "creditors", "creditor_changes")}
    response = coordinator_client.post(_url(world), files)
    run = SignalRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:run", args=[world.code("a"), run.pk])
    assert run.municipality_id == world.code("a") and run.hit_count == run.hits.count() > 0
    assert "payments.csv" in run.source and "orders" not in run.manifest["inputs"]
    assert run.created_by == world.user("a", "coordinator")
    assert AuditEvent.objects.filter(action="signal_run_started", object_id=str(run.pk)).exists()
    # The same files again: no second run.
    again = {name: _file(f"{name}.csv") for name in ("payments", "creditors", "creditor_changes")}
    assert coordinator_client.post(_url(world), again).status_code == 302
    assert SignalRun.objects.count() == 1


def test_bad_rows_are_named_and_nothing_is_stored(world: Any, coordinator_client: Client) -> None:
    lines = (data_dir() / "payments.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[3].split(",")
    row[header.index("payment_date")] = "31-31-2024"
    lines[3] = ",".join(row)
    bad = "\n".join(lines).encode("utf-8")
    response = coordinator_client.post(
        _url(world), {"payments": _file("payments.csv", bad), "creditors": _file("creditors.csv")}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "payments.csv, row 3 (line 4), column payment_date" in page
    assert "31-31-2024" in page and "Er is niets opgeslagen" in page
    assert not SignalRun.objects.exists() and not SignalHit.objects.exists()
    assert AuditEvent.objects.filter(action="signal_upload_refused").count() == 1


def test_missing_column_is_named(world: Any, coordinator_client: Client) -> None:
    lines = (data_dir() / "creditors.csv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    drop = header.index("iban")
    cut = "\n".join(
        ",".join(c for i, c in enumerate(line.split(",")) if i != drop) for line in lines
    )
    response = coordinator_client.post(
        _url(world), {"creditors": _file("creditors.csv", cut.encode())}
    )
    assert response.status_code == 400
    assert "creditors.csv, column iban: required column is missing" in response.content.decode()
    assert not SignalRun.objects.exists()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "Kies ten minste één bestand"),
        ({"payments": ("payments.exe", b"MZ")}, "Dit bestandstype kan niet"),
        ({"ocds": ("ocds.csv", b"a,b")}, "Dit bestandstype kan niet"),
    ],
)
def test_refused_uploads(
    world: Any, coordinator_client: Client, files: dict[str, tuple[str, bytes]], message: str
) -> None:
    data = {name: _file(upload, content) for name, (upload, content) in files.items()}
    response = coordinator_client.post(_url(world), data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not SignalRun.objects.exists()


def test_a_hostile_file_name_is_never_used_as_a_path(
    world: Any, coordinator_client: Client, tmp_path: Path
) -> None:
    upload = _file("payments.csv", upload_name="../../../../tmp/evil.csv")
    response = coordinator_client.post(_url(world), {"payments": upload})
    assert response.status_code == 302
    assert not Path("/tmp/evil.csv").exists()
    assert "evil" not in SignalRun.objects.get().source


def test_garbage_that_claims_to_be_parquet(world: Any, coordinator_client: Client) -> None:
    garbage = {"payments": _file("payments.parquet", b"not parquet at all" * 10)}
    response = coordinator_client.post(_url(world), garbage)
    assert response.status_code == 400 and "payments" in response.content.decode()
    assert not SignalRun.objects.exists()


def test_no_key_no_run(world: Any, coordinator_client: Client, settings: Any) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = ""
    response = coordinator_client.post(_url(world), {"payments": _file("payments.csv")})
    assert response.status_code == 400 and "WEERBAAR_PSEUDONYM_KEY" in response.content.decode()
    assert not SignalRun.objects.exists()


def test_only_coordinators_upload(
    world: Any, viewer_client: Client, respondent_client: Client
) -> None:
    for client in (viewer_client, respondent_client):
        assert client.get(_url(world)).status_code == 403
        assert client.post(_url(world), {"payments": _file("payments.csv")}).status_code == 403
    assert not SignalRun.objects.exists()


def test_every_process_input_can_be_uploaded(world: Any, coordinator_client: Client) -> None:
    page = coordinator_client.get(_url(world)).content.decode()
    for name in ("brp_mutations", "access_log", "inspections", "employees", "subsidy_decisions"):
        assert f'name="{name}"' in page
    assert "Basisregistratie personen" in page or "BRP" in page
    files = {name: _file(f"{name}.csv") for name in ("brp_mutations", "bag_addresses")}
    response = coordinator_client.post(_url(world), files)
    assert response.status_code == 302
    run = SignalRun.objects.get()
    assert sorted(run.manifest["inputs"]) == ["bag_addresses", "brp_mutations"]
    assert set(run.counts) == {rule for rule in run.counts if rule.startswith("BRP-")}
    assert run.hits.filter(rule_id__startswith="BRP-").exists()
    assert not run.hits.exclude(rule_id__startswith="BRP-").exists()


def test_an_unknown_code_in_a_new_input_is_named(world: Any, coordinator_client: Client) -> None:
    text = (data_dir() / "inspections.csv").read_text(encoding="utf-8")
    bad = text.replace("geen_overtreding", "geen overtreding", 1).encode("utf-8")
    response = coordinator_client.post(_url(world), {"inspections": _file("inspections.csv", bad)})
    assert response.status_code == 400
    page = response.content.decode()
    assert "inspections.csv, row" in page and "column result" in page
    assert "is not a known code" in page and not SignalRun.objects.exists()
