"""Employees (financien): the HR extract behind the employee bank-account check (FIN-016)."""

from __future__ import annotations

from weerbaar.signals.columns import Column, DatasetSchema, c

EMPLOYEE_ID = Column(
    "employee_id",
    "VARCHAR",
    person=True,
    description=(
        "The employee's user name or personnel number as other exports write it "
        "(entered_by, approved_by, ...); pseudonymised, or already a pseudonym (p-...)."
    ),
)

EMPLOYEES = DatasetSchema(
    "employees",
    (
        EMPLOYEE_ID,
        c(
            "iban",
            keyed=True,
            description=(
                "The bank account salary is paid to: an IBAN (hashed with the run's key while "
                "loading) or its keyed hash (k-..., from `weerbaar signals hash-employees`)."
            ),
        ),
        c("department", required=False, description="Department or team (free text)."),
        c("start_date", "DATE", description="First day of employment."),
        c(
            "end_date",
            "DATE",
            required=False,
            description="Last day of employment; empty: employed.",
        ),
    ),
    key=("employee_id",),
    description=(
        "Employees with the account their salary is paid to (HR/salary administration). "
        "Neither the employee id nor the IBAN is stored in clear."
    ),
    process="financien",
)
IBAN_KEYS = DatasetSchema(
    "iban_keys",
    (
        c("iban", description="An IBAN as written in payments, creditors or creditor_changes."),
        c("iban_key", description="Its keyed hash, comparable with employees.iban."),
    ),
    description=(
        "Built while loading when employees are given: the keyed hash of every creditor IBAN "
        "in payments, creditors and creditor_changes."
    ),
    process="financien",
    derived=True,
)
SCHEMAS = (EMPLOYEES, IBAN_KEYS)
