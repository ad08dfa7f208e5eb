"""Prepare the employees export at the salary administration: pseudonyms and keyed IBAN hashes.

``weerbaar signals hash-employees`` lets HR hand the integrity coordinator an ``employees`` file
that holds no employee id and no IBAN in clear: each id becomes its pseudonym and each IBAN its
keyed hash, made with the same key the signal run uses (so FIN-016 can compare them). Other
columns are copied as they are. A row whose IBAN is not an IBAN is named by line; its value is
never shown.
"""

from __future__ import annotations

import csv
from pathlib import Path

from weerbaar.signals.pseudonym import iban_key, pseudonym
from weerbaar.signals.readers import sniff_delimiter


class PrepareError(ValueError):
    """The HR export cannot be prepared; the message names the file and the line."""


def _hashed(row: dict[str, str], key: bytes, line: int, path: Path) -> dict[str, str]:
    employee, iban = (row.get("employee_id") or "").strip(), (row.get("iban") or "").strip()
    if not employee:
        raise PrepareError(f"{path.name}, line {line}, column employee_id: value is missing")
    hashed = iban_key(key, iban) if iban else None
    if hashed is None:
        raise PrepareError(
            f"{path.name}, line {line}, column iban: is not an IBAN (the value is not shown)"
        )
    return {**row, "employee_id": pseudonym(key, employee), "iban": hashed}


def prepare_employees(source: Path, target: Path, key: bytes) -> int:
    """Write ``target`` from the CSV ``source``; returns the number of employees."""
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=sniff_delimiter(source))
        fields = [name.strip() for name in reader.fieldnames or []]
        missing = [name for name in ("employee_id", "iban") if name not in fields]
        if missing:
            raise PrepareError(f"{source.name}: required column missing: {', '.join(missing)}")
        reader.fieldnames = fields
        rows = [_hashed(row, key, reader.line_num, source) for row in reader]
    if not rows:
        raise PrepareError(f"{source.name}: the file holds no employees")
    partial = target.with_name(f".{target.name}.partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(target)
    return len(rows)
