"""The input datasets, each declared once: columns, types, keys and personal identifiers.

The financial and procurement datasets are declared here; those of the other processes in
:mod:`weerbaar.signals.datasets` (one module per process). ``DATASETS`` holds them all.
"""

from __future__ import annotations

from weerbaar.signals.columns import MONEY, Column, ColumnType, DatasetSchema
from weerbaar.signals.columns import c as _c
from weerbaar.signals.datasets import PROCESS_SCHEMAS

__all__ = [
    "DATASETS",
    "MONEY",
    "PROCESS_ORDER",
    "Column",
    "ColumnType",
    "DatasetSchema",
    "register_dataset",
]
# The knowledge base's processes in the order the study names them (inputs, forms, docs).
PROCESS_ORDER: tuple[str, ...] = (
    "financien",
    "inkoop",
    "subsidies",
    "vergunningen",
    "brp",
    "reisdocumenten",
    "informatie",
    "toezicht",
)

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
    process="financien",
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
    process="financien",
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
    process="financien",
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
    process="inkoop",
)

DATASETS: dict[str, DatasetSchema] = {
    schema.name: schema
    for schema in (PAYMENTS, CREDITORS, CREDITOR_CHANGES, ORDERS, *PROCESS_SCHEMAS)
}


def register_dataset(schema: DatasetSchema) -> None:
    """Declare an extra dataset (e.g. from an extension); names are unique."""
    if schema.name in DATASETS and DATASETS[schema.name] != schema:
        raise ValueError(f"dataset {schema.name!r} is already declared")
    DATASETS[schema.name] = schema


def input_datasets() -> dict[str, DatasetSchema]:
    """The datasets read from files (derived tables are built while loading)."""
    return {name: schema for name, schema in DATASETS.items() if not schema.derived}


def datasets_of(process: str) -> list[DatasetSchema]:
    """The input datasets whose rules belong to ``process``, in declaration order."""
    return [schema for schema in input_datasets().values() if schema.process == process]
