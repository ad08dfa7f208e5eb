"""Storing a core run: every hit comes back as the core made it, whatever text the data held."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weerbaar.signals.models import Hit
from weerbaar.signals.service import RunResult
from weerbaar.web.signals.models import SignalRun
from weerbaar.web.signals.service import storable, store_result

text = st.text(max_size=40)
scalar = st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | text
hits = st.builds(
    Hit,
    rule_id=st.sampled_from(["FIN-001", "INK-003", "FIN-010"]),
    rule_version=st.integers(1, 5),
    severity=st.sampled_from(["low", "medium", "high"]),
    process=st.sampled_from(["financien", "inkoop"]),
    entity_type=st.sampled_from(["payment", "creditor", "ocid"]),
    entity_id=st.text(min_size=1, max_size=60),
    record_ids=st.lists(text, max_size=5),
    value=st.none() | st.floats(allow_nan=False, allow_infinity=False),
    parameters=st.dictionaries(text, scalar, max_size=3),
    fences=st.dictionaries(text, st.none() | st.floats(), max_size=3),
    details=st.dictionaries(text, scalar | st.lists(scalar, max_size=3), max_size=4),
    explanation_nl=text,
    explanation_en=text,
)


def same(stored: Any, expected: Any) -> bool:
    """Equal, numbers within 1e-12 (PostgreSQL's jsonb may give 1.5e17 back as an integer)."""
    if isinstance(expected, dict):
        return (
            isinstance(stored, dict)
            and stored.keys() == expected.keys()
            and all(same(stored[k], v) for k, v in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(stored, list)
            and len(stored) == len(expected)
            and all(same(a, b) for a, b in zip(stored, expected, strict=True))
        )
    if isinstance(expected, float) and not isinstance(stored, bool):
        return isinstance(stored, int | float) and math.isclose(stored, expected, rel_tol=1e-12)
    return bool(stored == expected and type(stored) is type(expected))


def _no_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, dict):
        return all(_no_nul(k) and _no_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_no_nul(item) for item in value)
    return True


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(found=st.lists(hits, max_size=6))
def test_stored_hits_are_the_core_hits(world: Any, found: list[Hit]) -> None:
    manifest = {"started_at": "2026-01-01T10:00:00+00:00", "rules": [], "note": "a\x00b"}
    run = store_result(
        world.municipalities["a"],
        RunResult(found, [], manifest),
        run_fingerprint="f" * 64,
    )
    run = SignalRun.objects.get(pk=run.pk)
    stored = list(run.hits.order_by("id"))
    assert run.hit_count == len(stored) == len(found)
    assert run.manifest["note"] == "a\ufffdb"
    for hit, row in zip(found, stored, strict=True):
        assert row.status == "open" and row.rule_id == hit.rule_id
        assert row.entity_id == storable(hit.entity_id)
        assert row.record_ids == storable(hit.record_ids)
        assert row.explanation_nl == hit.explanation_nl.replace("\x00", "\ufffd")
        assert same(row.details, storable(hit.details))
        assert same(row.fences, storable(hit.fences))
        assert same(row.parameters, storable(hit.parameters))
        assert _no_nul([row.details, row.parameters, row.fences, row.explanation_en])
        assert row.value == hit.value
