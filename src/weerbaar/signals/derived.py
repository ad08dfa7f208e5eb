"""Tables built while loading from the loaded datasets, for rules that need a keyed value.

``iban_keys``: when employees are given, the keyed hash of every creditor IBAN (in payments,
creditors and the IBAN changes of creditor_changes), so that a rule can compare creditor
accounts with the employees' keyed IBAN hashes without anyone's IBAN being compared in clear.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from weerbaar.signals.pseudonym import iban_key

IBAN_SOURCES = {
    "payments": "SELECT iban FROM payments",
    "creditors": "SELECT iban FROM creditors",
    "creditor_changes": (
        "SELECT old_value FROM creditor_changes WHERE lower(field) = 'iban' "
        "UNION SELECT new_value FROM creditor_changes WHERE lower(field) = 'iban'"
    ),
}


def build_iban_keys(con: duckdb.DuckDBPyConnection, loaded: set[str], key: bytes) -> int:
    """Create ``iban_keys`` (raw IBAN text, keyed hash) for the loaded creditor datasets."""
    selects = [sql for name, sql in IBAN_SOURCES.items() if name in loaded]
    texts: list[str] = []
    if selects:
        union = " UNION ".join(f"({sql})" for sql in selects)
        texts = [row[0] for row in con.execute(union).fetchall() if row[0] is not None]
    pairs = [(text, iban_key(key, text)) for text in texts]
    table = pa.table(
        {
            "iban": pa.array([text for text, hashed in pairs if hashed], pa.string()),
            "iban_key": pa.array([hashed for _, hashed in pairs if hashed], pa.string()),
        }
    )
    con.register("__iban_keys", table)
    con.execute('CREATE OR REPLACE TABLE "iban_keys" AS SELECT * FROM __iban_keys')
    con.unregister("__iban_keys")
    return int(table.num_rows)


def build_derived(con: duckdb.DuckDBPyConnection, loaded: set[str], key: bytes) -> None:
    """Build every derived table whose source datasets were loaded."""
    if "employees" in loaded:
        build_iban_keys(con, loaded, key)
