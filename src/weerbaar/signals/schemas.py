"""The input datasets, each declared once: columns, types, keys and personal identifiers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["VARCHAR", "DATE", "TIMESTAMP", "DECIMAL(18,2)", "BIGINT", "DOUBLE", "BOOLEAN"]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    required: bool = True
    person: bool = False  # holds a natural person's identifier: pseudonymised before rules run


@dataclass(frozen=True)
class DatasetSchema:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    description: str = ""

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


def _c(
    name: str, type_: ColumnType = "VARCHAR", *, required: bool = True, person: bool = False
) -> Column:
    return Column(name, type_, required, person)


MONEY: ColumnType = "DECIMAL(18,2)"

PAYMENTS = DatasetSchema(
    "payments",
    (
        _c("payment_id"),
        _c("payment_date", "DATE"),
        _c("amount_eur", MONEY),
        _c("creditor_id"),
        _c("iban"),
        _c("invoice_number"),
        _c("invoice_date", "DATE"),
        _c("description", required=False),
        _c("cost_centre"),
        _c("entered_by", person=True),
        _c("approved_by", person=True),
    ),
    key=("payment_id",),
    description="Creditor payments from the financial administration.",
)
CREDITORS = DatasetSchema(
    "creditors",
    (
        _c("creditor_id"),
        _c("name"),
        _c("kvk_number", required=False),
        _c("iban"),
        _c("postcode", required=False),
        _c("house_number", required=False),
        _c("created_date", "DATE"),
        _c("created_by", person=True),
    ),
    key=("creditor_id",),
    description="Creditor master data.",
)
CREDITOR_CHANGES = DatasetSchema(
    "creditor_changes",
    (
        _c("creditor_id"),
        _c("changed_at", "TIMESTAMP"),
        _c("field"),
        _c("old_value", required=False),
        _c("new_value", required=False),
        _c("changed_by", person=True),
    ),
    description="Change log of the creditor master data (one row per changed field).",
)
ORDERS = DatasetSchema(
    "orders",
    (
        _c("order_id"),
        _c("order_date", "DATE"),
        _c("creditor_id"),
        _c("amount_eur", MONEY),
        _c("category"),
        _c("procedure"),
        _c("requested_by", person=True),
        _c("approved_by", person=True),
    ),
    key=("order_id",),
    description="The municipality's own purchase orders.",
)

DATASETS: dict[str, DatasetSchema] = {
    schema.name: schema for schema in (PAYMENTS, CREDITORS, CREDITOR_CHANGES, ORDERS)
}


def register_dataset(schema: DatasetSchema) -> None:
    """Declare an extra dataset (e.g. from an extension); names are unique."""
    if schema.name in DATASETS and DATASETS[schema.name] != schema:
        raise ValueError(f"dataset {schema.name!r} is already declared")
    DATASETS[schema.name] = schema
