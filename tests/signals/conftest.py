"""Shared fixtures: one generated small Gemeente Voorbeeld data set and its run."""

from __future__ import annotations

import pytest

from weerbaar.signals.pseudonym import DEMO_KEY
from weerbaar.signals.registry import builtin_registry
from weerbaar.signals.service import RunOptions, run_signals
from weerbaar.signals.synthetic import generate


@pytest.fixture(scope="session")
def small_data(tmp_path_factory):
    out = tmp_path_factory.mktemp("voorbeeld")
    return generate("small", 7, out)


@pytest.fixture(scope="session")
def small_run(small_data):
    options = RunOptions(data_dir=small_data.out_dir, key=DEMO_KEY, demo=True)
    return run_signals(options, builtin_registry())
