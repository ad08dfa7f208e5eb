"""The declaration of an input dataset: its columns, their types and how each is treated.

A column is checked (type, code list, format) and, where it holds personal data, replaced
before any rule runs: ``person`` columns by a keyed pseudonym (HMAC, see
:mod:`weerbaar.signals.pseudonym`), ``keyed`` columns (an employee's IBAN) by a keyed hash of
their electronic form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["VARCHAR", "DATE", "TIMESTAMP", "DECIMAL(18,2)", "BIGINT", "DOUBLE", "BOOLEAN"]
MONEY: ColumnType = "DECIMAL(18,2)"


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    required: bool = True
    person: bool = False  # holds a natural person's identifier: pseudonymised before rules run
    codes: tuple[
        str, ...
    ] = ()  # the allowed values (matched ignoring case, stored as written here)
    pattern: str | None = None  # the trimmed text must match this (after padding)
    pad: int = 0  # digits-only values shorter than this get leading zeros back (lost in Excel)
    keyed: bool = False  # an IBAN kept only as a keyed hash (personal data that rules compare)
    hint: str = ""  # what a value that fails ``pattern`` should look like
    description: str = ""  # documentation (English; see docs/signals/inputs.md)

    @property
    def personal(self) -> bool:
        """Personal data that never reaches a table in clear (pseudonymised or hashed)."""
        return self.person or self.keyed

    @property
    def validated(self) -> bool:
        """Text that is checked beyond its type (a code list, a format or an IBAN)."""
        return bool(self.codes or self.pattern or self.keyed)


@dataclass(frozen=True)
class DatasetSchema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    description: str = ""
    process: str = ""  # the knowledge-base process whose rules read it
    derived: bool = False  # built while loading from other datasets, never read from a file

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def person_columns(self) -> list[str]:
        return [column.name for column in self.columns if column.person]

    @property
    def keyed_columns(self) -> list[str]:
        return [column.name for column in self.columns if column.keyed]


def c(
    name: str,
    type_: ColumnType = "VARCHAR",
    *,
    required: bool = True,
    person: bool = False,
    codes: tuple[str, ...] = (),
    pattern: str | None = None,
    pad: int = 0,
    keyed: bool = False,
    hint: str = "",
    description: str = "",
) -> Column:
    """A column, written compactly in the schema modules."""
    return Column(name, type_, required, person, codes, pattern, pad, keyed, hint, description)


BAG_ID_PATTERN = r"[0-9]{16}"
BAG_HINT = "is not a BAG id (16 digits, e.g. 0999010000012345)"
KVK_PATTERN = r"[0-9]{8}"
KVK_HINT = "is not a KvK number (8 digits)"


def bag_id(name: str, *, required: bool = True, description: str = "") -> Column:
    """A BAG object id (verblijfsobject/adresseerbaar object): 16 digits, zeros restored."""
    return c(
        name,
        required=required,
        pattern=BAG_ID_PATTERN,
        pad=16,
        hint=BAG_HINT,
        description=description,
    )


def kvk_number(name: str, *, required: bool = True, description: str = "") -> Column:
    """A Chamber of Commerce (KvK) number: 8 digits, zeros restored."""
    return c(
        name, required=required, pattern=KVK_PATTERN, pad=8, hint=KVK_HINT, description=description
    )
