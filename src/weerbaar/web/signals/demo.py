"""The demo's signals: the small synthetic dataset of Gemeente Voorbeeld and one stored run.

The data are generated with a fixed seed into ``WEERBAAR_DATA_DIR/demo-signals`` (once; again
only when missing, made with another seed or without a process added since) and run with the
configured key, or the fixed demo key. An identical run is never stored twice, so the demo can
be loaded again and again.
"""

from __future__ import annotations

import json
from pathlib import Path

from weerbaar.signals.pseudonym import DEMO_KEY
from weerbaar.signals.service import RunOptions
from weerbaar.signals.synthetic import PROCESSES, generate
from weerbaar.web.signals.service import Stored, configured_key, demo_data_dir, run_and_store
from weerbaar.web.tenancy.models import Municipality

DEMO_SIZE = "small"
DEMO_SEED = 20260101


def _generated_with(data_dir: Path) -> dict[str, object]:
    try:
        meta = json.loads((data_dir / "generation.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def ensure_demo_data(data_dir: Path | None = None) -> Path:
    """The demo dataset in ``data_dir``, generated if missing or made otherwise."""
    data_dir = data_dir or demo_data_dir()
    meta = _generated_with(data_dir)
    current = meta.get("processes") == list(PROCESSES)  # made before a process was added?
    if meta.get("seed") != DEMO_SEED or meta.get("size") != DEMO_SIZE or not current:
        generate(DEMO_SIZE, DEMO_SEED, data_dir)
    return data_dir


def ensure_demo_signals(municipality: Municipality, data_dir: Path | None = None) -> Stored:
    """Generate the demo data if needed and store its signals run (once)."""
    data_dir = ensure_demo_data(data_dir)
    key = configured_key(demo=True)
    options = RunOptions(data_dir=data_dir, key=key, demo=key == DEMO_KEY)
    source = f"demo: synthetic data ({DEMO_SIZE}, seed {DEMO_SEED})"
    return run_and_store(municipality, options, source=source, is_demo=True)
