"""The ordinary (non-anomalous) data of Gemeente Voorbeeld, generated vectorised into DuckDB.

Random draws come from NumPy; DuckDB composes the text columns, so 10 million payments take
seconds. Duties are segregated by construction (different groups enter, approve, create
creditors, request and approve orders), so the planted anomalies stand out.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pyarrow as pa

from weerbaar.signals.sql import sql_literal
from weerbaar.signals.synthetic.identity import (
    BANK_CODES,
    company_names,
    employee_ids,
    ibans,
    postcodes,
    unique_accounts,
)

PERIOD_START = dt.date(2023, 1, 1)
PERIOD_DAYS = 731
ENTERERS = employee_ids(0, 16)
APPROVERS = employee_ids(1, 12)
MASTER_DATA = employee_ids(2, 3)
REQUESTERS = employee_ids(3, 20)
BUDGET_HOLDERS = employee_ids(4, 10)
COST_CENTRES = tuple(f"KP-{100 + 10 * n}" for n in range(1, 13))
CATEGORIES = (
    "ICT",
    "Schoonmaak",
    "Groenonderhoud",
    "Advies",
    "Bouw en onderhoud",
    "Drukwerk",
    "Inhuur personeel",
    "Vervoer",
)
DESCRIPTIONS = (
    "Factuur levering",
    "Onderhoud",
    "Advieswerkzaamheden",
    "Licentiekosten",
    "Schoonmaak gebouwen",
    "Inhuur",
    "Groenonderhoud",
    "Drukwerk",
    "Energie",
    "Huur",
    "Catering",
    "Reparatie",
)
CREDITOR_COLUMNS = (
    "creditor_id, name, kvk_number, iban, postcode, house_number, created_date, created_by"
)


def _list(values: tuple[str, ...] | list[str]) -> str:
    return sql_literal(list(values))


def create_creditors(con: duckdb.DuckDBPyConnection, rng: np.random.Generator, count: int) -> None:
    """Creditors ``CR000001…`` with unique IBAN, KvK number and address; created 2012–mid 2022."""
    order = rng.permutation(count)
    table = pa.table(
        {
            "idx": np.arange(count),
            "creditor_id": [f"CR{i + 1:07d}" for i in range(count)],
            "name": company_names(rng, count),
            "kvk_number": [f"{v:08d}" for v in (20_000_000 + order * 37 % 79_000_000).tolist()],
            "iban": ibans(rng.integers(0, len(BANK_CODES), count), unique_accounts(rng, count)),
            "postcode": postcodes(order),
            "house_number": [str(v) for v in rng.integers(1, 240, count).tolist()],
            "created_day": rng.integers(0, 3_830, count),
            "created_by": rng.integers(0, len(MASTER_DATA), count),
        }
    )
    con.register("creditor_draws", table)
    con.execute(
        "CREATE TABLE creditors AS SELECT idx, creditor_id, name, kvk_number, iban, postcode, "
        "house_number, DATE '2012-01-01' + CAST(created_day AS INTEGER) AS created_date, "
        f"list_extract({_list(MASTER_DATA)}, created_by + 1) AS created_by FROM creditor_draws"
    ).fetchall()
    con.unregister("creditor_draws")


def create_payments(
    con: duckdb.DuckDBPyConnection, rng: np.random.Generator, count: int, creditors: int
) -> None:
    """``count`` payments; creditors drawn with a skewed (Zipf-like) popularity."""
    weights = 1.0 / (np.arange(creditors) + 5.0) ** 0.8
    popularity = rng.permutation(creditors)
    creditor = popularity[rng.choice(creditors, count, p=weights / weights.sum())]
    typical = np.exp(rng.normal(np.log(900.0), 1.3, creditors))
    amount = typical[creditor] * np.exp(rng.normal(0.0, 0.8, count))
    cents = np.clip(np.round(amount * 100), 100, 500_000_000).astype(np.int64)
    home = rng.integers(0, len(COST_CENTRES), creditors)  # a supplier mostly serves one department
    other = rng.integers(0, len(COST_CENTRES), count)
    centre = np.where(rng.random(count) < 0.85, home[creditor], other)
    draws = pa.table(
        {
            "i": np.arange(1, count + 1, dtype=np.int64),
            "cred": creditor.astype(np.int64),
            "day": rng.integers(0, PERIOD_DAYS, count, dtype=np.int32),
            "lag": rng.integers(3, 45, count, dtype=np.int32),
            "cents": cents,
            "inv": rng.permutation(count).astype(np.int64) + 1_000_000,
            "descr": rng.integers(0, len(DESCRIPTIONS), count, dtype=np.int32),
            "cc": centre.astype(np.int32),
            "ent": rng.integers(0, len(ENTERERS), count, dtype=np.int32),
            "appr": rng.integers(0, len(APPROVERS), count, dtype=np.int32),
        }
    )
    con.register("payment_draws", draws)
    con.execute(
        f"""CREATE TABLE payments AS SELECT
            'BET' || lpad(CAST(d.i AS VARCHAR), 9, '0') AS payment_id,
            DATE '{PERIOD_START}' + d.day AS payment_date,
            CAST(d.cents / 100 AS DECIMAL(18,2)) AS amount_eur,
            c.creditor_id,
            c.iban,
            'F' || CAST(d.inv AS VARCHAR) AS invoice_number,
            DATE '{PERIOD_START}' + (d.day - d.lag) AS invoice_date,
            list_extract({_list(DESCRIPTIONS)}, d.descr + 1) AS description,
            list_extract({_list(COST_CENTRES)}, d.cc + 1) AS cost_centre,
            list_extract({_list(ENTERERS)}, d.ent + 1) AS entered_by,
            list_extract({_list(APPROVERS)}, d.appr + 1) AS approved_by
        FROM payment_draws AS d JOIN creditors AS c ON c.idx = d.cred
        ORDER BY d.i"""
    ).fetchall()
    con.unregister("payment_draws")


def create_orders(
    con: duckdb.DuckDBPyConnection, rng: np.random.Generator, count: int, creditors: int
) -> None:
    """Purchase orders; the procedure follows the amount (policy thresholds 50,000 / 221,000)."""
    cents = np.clip(np.round(np.exp(rng.normal(np.log(6000.0), 1.1, count)) * 100), 5_000, None)
    draws = pa.table(
        {
            "i": np.arange(1, count + 1, dtype=np.int64),
            "cred": rng.integers(0, creditors, count, dtype=np.int64),
            "day": rng.integers(0, PERIOD_DAYS, count, dtype=np.int32),
            "cents": cents.astype(np.int64),
            "cat": rng.integers(0, len(CATEGORIES), count, dtype=np.int32),
            "req": rng.integers(0, len(REQUESTERS), count, dtype=np.int32),
            "appr": rng.integers(0, len(BUDGET_HOLDERS), count, dtype=np.int32),
        }
    )
    con.register("order_draws", draws)
    con.execute(
        f"""CREATE TABLE orders AS SELECT
            'ORD' || lpad(CAST(d.i AS VARCHAR), 8, '0') AS order_id,
            DATE '{PERIOD_START}' + d.day AS order_date,
            c.creditor_id,
            CAST(d.cents / 100 AS DECIMAL(18,2)) AS amount_eur,
            list_extract({_list(CATEGORIES)}, d.cat + 1) AS category,
            CASE WHEN d.cents < 5000000 THEN 'enkelvoudig_onderhands'
                 WHEN d.cents < 22100000 THEN 'meervoudig_onderhands'
                 ELSE 'europees_openbaar' END AS procedure,
            list_extract({_list(REQUESTERS)}, d.req + 1) AS requested_by,
            list_extract({_list(BUDGET_HOLDERS)}, d.appr + 1) AS approved_by
        FROM order_draws AS d JOIN creditors AS c ON c.idx = d.cred
        ORDER BY d.i"""
    ).fetchall()
    con.unregister("order_draws")


def create_changes(
    con: duckdb.DuckDBPyConnection, rng: np.random.Generator, creditors: int
) -> None:
    """Ordinary master-data changes, all well before the payment period."""
    count = max(5, creditors // 20)
    chosen = rng.choice(creditors, count, replace=False)
    old = ibans(
        rng.integers(0, len(BANK_CODES), count), unique_accounts(rng, count, creditors + 17)
    )
    draws = pa.table(
        {
            "cred": chosen.astype(np.int64),
            "old": old,
            "second": rng.integers(0, 3_400_000, count),
            "by": rng.integers(0, len(MASTER_DATA), count),
        }
    )
    con.register("change_draws", draws)
    con.execute(
        f"""CREATE TABLE creditor_changes AS SELECT
            c.creditor_id,
            greatest(TIMESTAMP '2019-01-01' + to_seconds(d.second * 30),
                     CAST(c.created_date AS TIMESTAMP) + INTERVAL 1 DAY) AS changed_at,
            'iban' AS field,
            d.old AS old_value,
            c.iban AS new_value,
            list_extract({_list(MASTER_DATA)}, d.by + 1) AS changed_by
        FROM change_draws AS d JOIN creditors AS c ON c.idx = d.cred"""
    ).fetchall()
    con.unregister("change_draws")
