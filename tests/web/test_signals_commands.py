"""``run_signals`` and the demo's signals: stored once, refused without key, bad input named."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from test_signals_support import TEST_KEY, data_dir

from weerbaar.web.signals.models import SignalHit, SignalRun


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    target = tmp_path / "exports"
    shutil.copytree(data_dir(), target)
    return target


def _run(*args: str) -> str:
    out = StringIO()
    call_command("run_signals", *args, stdout=out)
    return out.getvalue()


def test_run_signals_stores_a_run_once(world: Any, settings: Any, exports: Path) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY
    code = world.code("a")
    first = _run("--municipality", code, "--data", str(exports))
    assert "stored run" in first
    run = SignalRun.objects.get()
    assert run.municipality_id == code and run.hit_count == run.hits.count() > 0
    assert not run.is_demo and run.manifest["pseudonymisation"]["demo_key"] is False
    again = _run("--municipality", code, "--data", str(exports))
    assert "unchanged" in again and SignalRun.objects.count() == 1
    # Other rules make another run; the same data for another municipality too.
    _run("--municipality", code, "--data", str(exports), "--rules", "FIN")
    _run("--municipality", world.code("b"), "--data", str(exports))
    assert SignalRun.objects.count() == 3
    fin_only = SignalRun.objects.filter(municipality_id=code).order_by("-id").first()
    assert fin_only is not None and set(fin_only.counts) <= {r for r in run.counts if "FIN" in r}


def test_another_key_makes_other_pseudonyms(world: Any, settings: Any, exports: Path) -> None:
    code = world.code("a")
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY
    _run("--municipality", code, "--data", str(exports), "--rules", "FIN")
    settings.SIGNALS_PSEUDONYM_KEY = "another-key-for-signals-987654"
    _run("--municipality", code, "--data", str(exports), "--rules", "FIN")
    first, second = SignalRun.objects.order_by("id")
    texts = [
        set(SignalHit.objects.filter(run=r).values_list("explanation_nl", flat=True))
        for r in (first, second)
    ]
    assert texts[0] != texts[1]
    assert (
        first.manifest["pseudonymisation"]["key_fingerprint"]
        != (second.manifest["pseudonymisation"]["key_fingerprint"])
    )


def test_run_signals_needs_a_key(world: Any, settings: Any, exports: Path) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = ""
    with pytest.raises(CommandError, match="WEERBAAR_PSEUDONYM_KEY"):
        _run("--municipality", world.code("a"), "--data", str(exports))
    settings.SIGNALS_PSEUDONYM_KEY = "short"
    with pytest.raises(CommandError, match="too short"):
        _run("--municipality", world.code("a"), "--data", str(exports))
    assert not SignalRun.objects.exists()


def test_bad_input_names_file_row_and_column_and_stores_nothing(
    world: Any, settings: Any, exports: Path
) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY
    payments = exports / "payments.csv"
    lines = payments.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[3].split(",")
    row[header.index("amount_eur")] = "veel geld"
    lines[3] = ",".join(row)
    payments.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        _run("--municipality", world.code("a"), "--data", str(exports))
    message = str(error.value)
    assert "payments.csv, row 3 (line 4), column amount_eur" in message and "veel geld" in message
    assert "nothing was stored" in message
    assert not SignalRun.objects.exists() and not SignalHit.objects.exists()


def test_unknown_municipality_folder_or_rule(world: Any, settings: Any, exports: Path) -> None:
    settings.SIGNALS_PSEUDONYM_KEY = TEST_KEY
    with pytest.raises(CommandError, match="unknown municipality"):
        _run("--municipality", "GM0001", "--data", str(exports))
    with pytest.raises(CommandError, match="not a folder"):
        _run("--municipality", world.code("a"), "--data", str(exports / "missing"))
    with pytest.raises(CommandError, match="XYZ-999"):
        _run("--municipality", world.code("a"), "--data", str(exports), "--rules", "XYZ-999")
    assert not SignalRun.objects.exists()


def test_demo_signals_are_stored_once(world: Any, settings: Any, tmp_path: Path) -> None:
    from weerbaar.web.signals.demo import DEMO_SEED, ensure_demo_signals

    settings.SIGNALS_PSEUDONYM_KEY = ""
    municipality = world.municipalities["a"]
    first = ensure_demo_signals(municipality, tmp_path / "demo")
    second = ensure_demo_signals(municipality, tmp_path / "demo")
    assert first.created and not second.created and first.run.pk == second.run.pk
    assert SignalRun.objects.count() == 1
    run = first.run
    assert run.is_demo and run.manifest["pseudonymisation"]["demo_key"] is True
    assert str(DEMO_SEED) in run.source and run.hit_count > 20
    labels = (tmp_path / "demo" / "labels.csv").read_text(encoding="utf-8")
    planted = {line.split(",")[0] for line in labels.splitlines()[1:]}
    missing = sorted(r for r in planted if not run.counts.get(r))
    assert planted and not missing, (missing, run.failed_rules, run.manifest["rules"])


def test_delete_signal_runs_before_a_date(world: Any) -> None:
    from weerbaar.web.audit.models import AuditEvent

    def make(key: str, day: str) -> SignalRun:
        moment = f"{day}T12:00:00+00:00"
        run = SignalRun.objects.create(
            municipality=world.municipalities[key],
            started_at=moment,
            finished_at=moment,
            fingerprint=f"{key}{day}",
        )
        SignalHit.objects.create(
            run=run,
            rule_id="FIN-001",
            rule_version=1,
            severity="high",
            process="financien",
            entity_type="payment",
            entity_id="BET1",
            explanation_nl="x",
            explanation_en="x",
        )
        return run

    old, new, other = make("a", "2024-05-01"), make("a", "2025-06-01"), make("b", "2024-05-01")
    out = StringIO()
    call_command(
        "delete_signal_runs",
        "--municipality",
        world.code("a"),
        "--before",
        "2025-01-01",
        stdout=out,
    )
    assert "1 runs and 1 hits deleted" in out.getvalue()
    assert set(SignalRun.objects.values_list("pk", flat=True)) == {new.pk, other.pk}
    assert SignalHit.objects.count() == 2
    event = AuditEvent.objects.get(action="signal_runs_deleted")
    assert event.municipality_id == world.code("a") and event.details["runs"] == [old.pk]
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "delete_signal_runs", "--municipality", world.code("a"), "--before", "gisteren"
        )
