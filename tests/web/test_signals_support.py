"""Shared set-up for the signals web tests: the core run once per process, stored per test.

The synthetic small dataset is generated once (fixed seed) and the core rules run once; each
test stores that ``RunResult`` into its own (rolled back) database. Imported by the
``test_signals_*`` modules; it holds no tests itself.
"""

from __future__ import annotations

import csv
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from weerbaar.signals.service import RunOptions, RunResult, run_signals
from weerbaar.signals.synthetic import generate
from weerbaar.web.signals.models import SignalRun
from weerbaar.web.signals.service import fingerprint, registry, store_result

TEST_KEY = "test-key-for-signals-0123456789"
SEED = 4242
PERSON_COLUMNS = ("entered_by", "approved_by", "created_by", "changed_by", "requested_by")


@lru_cache(maxsize=1)
def data_dir() -> Path:
    out = Path(tempfile.mkdtemp(prefix="weerbaar-signals-web-"))
    generate("small", SEED, out)
    return out


def options() -> RunOptions:
    return RunOptions(data_dir=data_dir(), key=TEST_KEY.encode())


@lru_cache(maxsize=1)
def core_result() -> RunResult:
    return run_signals(options(), registry())


def store(municipality: Any) -> SignalRun:
    return store_result(
        municipality,
        core_result(),
        run_fingerprint=fingerprint(options(), registry()),
        source="test",
    )


@lru_cache(maxsize=1)
def person_identifiers() -> frozenset[str]:
    """Every employee identifier in the clear, from the raw exports."""
    found: set[str] = set()
    for path in data_dir().glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.update(row[c] for c in PERSON_COLUMNS if row.get(c))
    return frozenset(found)
