"""The fences in the SQL rules are Hyndman-Fan type 8 quartiles, as Cardinal (statrs) computes."""

from __future__ import annotations

import duckdb
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.signals.engine import run_rule
from weerbaar.signals.registry import builtin_registry

RULE = builtin_registry().get("INK-005")


def tables(ratios: list[float]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE ocds_processes (process_id BIGINT, ocid VARCHAR, has_awards BOOLEAN, "
        "has_bid_details BOOLEAN, procurement_method_details VARCHAR)"
    )
    con.execute(
        "CREATE TABLE ocds_awards (process_id BIGINT, award_index BIGINT, status VARCHAR, "
        "supplier_count BIGINT, supplier_id VARCHAR)"
    )
    con.execute(
        "CREATE TABLE ocds_bids (process_id BIGINT, bid_index BIGINT, tenderer_id VARCHAR, "
        "status VARCHAR, tenderer_count BIGINT, amount DOUBLE, is_main_currency BOOLEAN)"
    )
    for k, ratio in enumerate(ratios):
        con.execute("INSERT INTO ocds_processes VALUES (?, ?, TRUE, TRUE, NULL)", [k, f"P{k}"])
        con.execute("INSERT INTO ocds_awards VALUES (?, 1, 'active', 1, 'W')", [k])
        con.execute("INSERT INTO ocds_bids VALUES (?, 1, 'W', 'valid', 1, 100.0, TRUE)", [k])
        runner_up = 100.0 * (1 + ratio)
        con.execute("INSERT INTO ocds_bids VALUES (?, 2, 'L', 'valid', 1, ?, TRUE)", [k, runner_up])
    return con


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=5.0), min_size=8, max_size=40))
def test_fence_quartiles_are_type_8(ratios):
    # An extreme last ratio is flagged whenever the fence is positive, so fences are reported.
    ratios = [*ratios, 1000.0]
    con = tables(ratios)
    stored = [
        row[0]
        for row in con.execute(
            "SELECT (r.amount - w.amount) / w.amount FROM ocds_bids w JOIN ocds_bids r "
            "ON r.process_id = w.process_id AND r.bid_index = 2 WHERE w.bid_index = 1"
        ).fetchall()
    ]
    q1, q3 = np.quantile(stored, [0.25, 0.75], method="median_unbiased")
    hits = run_rule(con, RULE)
    if q3 + 1.5 * (q3 - q1) <= 0:  # Cardinal skips the indicator: 75% have no difference
        assert hits == []
        return
    assert f"P{len(ratios) - 1}" in {hit.entity_id for hit in hits}
    for hit in hits:
        assert abs(hit.fences["q1"] - q1) <= 1e-9 * max(1.0, abs(q1))
        assert abs(hit.fences["q3"] - q3) <= 1e-9 * max(1.0, abs(q3))
        assert abs(hit.fences["upper_fence"] - (q3 + 1.5 * (q3 - q1))) <= 1e-9 * max(1.0, q3)
