"""Keyed pseudonyms (HMAC-SHA256) for natural persons' identifiers, applied before rules run.

The same identifier gets the same pseudonym in every dataset of a run (so rules can compare
``created_by`` with ``approved_by``), and the same pseudonym across runs with the same key.
Without the key a pseudonym cannot be linked back to a person.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pyarrow as pa

KEY_ENV = "WEERBAAR_PSEUDONYM_KEY"
DEMO_KEY = b"weerbaar-demo-key-not-for-real-data"
MIN_KEY_BYTES = 16


class PseudonymKeyError(ValueError):
    """No usable key was configured."""


def pseudonym(key: bytes, value: str) -> str:
    digest = hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"p-{digest[:16]}"


def resolve_key(key_file: Path | None = None, *, demo: bool = False) -> bytes:
    """The key from ``--key-file`` or ``WEERBAAR_PSEUDONYM_KEY``; a fixed key only in demo mode."""
    if key_file is not None:
        try:
            key = key_file.read_bytes().strip()
        except OSError as exc:
            raise PseudonymKeyError(
                f"{key_file}: cannot read the key file ({exc.strerror})"
            ) from exc
    else:
        key = os.environ.get(KEY_ENV, "").strip().encode("utf-8")
    if not key:
        if demo:
            return DEMO_KEY
        raise PseudonymKeyError(
            f"no pseudonymisation key: set {KEY_ENV} or pass --key-file "
            "(only --demo runs without a key)"
        )
    if len(key) < MIN_KEY_BYTES:
        raise PseudonymKeyError(f"the pseudonymisation key is too short (< {MIN_KEY_BYTES} bytes)")
    return key


def pseudonym_table(pairs: list[tuple[str, str | None]], key: bytes) -> pa.Table:
    """``__raw -> __alias`` for every distinct raw text, to join while loading.

    ``pairs`` are (raw text as in the file, identifier after trimming or None when blank); the
    keyed hash is computed once per distinct identifier, not per row.
    """
    by_raw = dict(pairs)  # one row per raw text, or the join would repeat rows
    aliases = {value: pseudonym(key, value) for value in set(by_raw.values()) if value is not None}
    return pa.table(
        {
            "__raw": pa.array(list(by_raw), pa.string()),
            "__alias": pa.array(
                [aliases[v] if v is not None else None for v in by_raw.values()], pa.string()
            ),
        }
    )
