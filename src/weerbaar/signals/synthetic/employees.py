"""The employees of Gemeente Voorbeeld and the employee bank-account anomaly (FIN-016).

Every login name in the financial data is an employee with a salary account of their own.
Planted: a fictitious creditor registered during someone's employment with that employee's
salary IBAN (written with spaces and in lower case) and paid. Decoys: a former employee who,
more than a year after leaving, supplies the municipality from the same account, and someone
who supplied it before they were hired.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from weerbaar.signals.models import Label
from weerbaar.signals.synthetic.base import (
    APPROVERS,
    BUDGET_HOLDERS,
    ENTERERS,
    MASTER_DATA,
    PERIOD_DAYS,
    REQUESTERS,
)
from weerbaar.signals.synthetic.identity import BANK_CODES, employee_ids, ibans
from weerbaar.signals.synthetic.planter import Planter
from weerbaar.signals.synthetic.process import table

DEPARTMENTS = ("Financiën", "Inkoop", "Burgerzaken", "Vergunningen", "Sociaal domein", "ICT")
OTHER_STAFF = employee_ids(9, 60)
ACCOUNT_BASE = 8_100_000_000


def _account(number: int) -> str:
    """A salary IBAN no creditor has (its own account range)."""
    return ibans(np.array([number % len(BANK_CODES)]), np.array([ACCOUNT_BASE + number * 7]))[0]


def _print_form(iban: str) -> str:
    """``nl91 abna 0417 1643 00``: how an IBAN is typed into a form."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)).lower()


def create_employees(p: Planter) -> list[Label]:
    """The ``employees`` table with planted anomalies; returns the decoys."""
    staff = list(dict.fromkeys([*ENTERERS, *APPROVERS, *MASTER_DATA, *REQUESTERS, *BUDGET_HOLDERS]))
    staff += OTHER_STAFF
    rows: list[dict[str, object]] = [
        {
            "employee_id": name,
            "iban": _account(number),
            "department": DEPARTMENTS[number % len(DEPARTMENTS)],
            "start_date": dt.date(2005, 1, 1) + dt.timedelta(days=(number * 211) % 6000),
            "end_date": None,
        }
        for number, name in enumerate(staff)
    ]
    decoys: list[Label] = []
    for _ in range(p.instances):
        _fictitious_creditor(p, rows)
        decoys.append(_former_employee(p, rows))
        decoys.append(_supplier_before_hiring(p, rows))
    employees = table("employees", {}, rows)
    p.con.register("employee_rows", employees)
    p.con.execute("CREATE OR REPLACE TABLE employees AS SELECT * FROM employee_rows").fetchall()
    p.con.unregister("employee_rows")
    return decoys


def _new_employee(rows: list[dict[str, object]], **values: object) -> dict[str, object]:
    number = len(rows)
    row: dict[str, object] = {
        "employee_id": employee_ids(10 + number // 90, 90)[number % 90],
        "iban": _account(number),
        "department": DEPARTMENTS[number % len(DEPARTMENTS)],
        "start_date": dt.date(2012, 3, 1),
        "end_date": None,
    }
    row.update(values)
    rows.append(row)
    return row


def _fictitious_creditor(p: Planter, rows: list[dict[str, object]]) -> None:
    employee = _new_employee(rows)
    start = p.randint(30, PERIOD_DAYS - 120)
    creditor = p.creditor(iban=_print_form(str(employee["iban"])), created_date=p.day(start))
    paid = [
        p.payment(creditor, start + 20 + 35 * step, p.amount(1_200, 4_800)) for step in range(3)
    ]
    ids = [row["payment_id"] for row in paid]
    p.label("FIN-016", "creditor", creditor["creditor_id"], *ids)


def _former_employee(p: Planter, rows: list[dict[str, object]]) -> Label:
    """Left in 2020, supplies the municipality from the same account since 2023."""
    employee = _new_employee(rows, end_date=dt.date(2020, 6, 30) + dt.timedelta(p.randint(0, 300)))
    creditor = p.creditor(iban=str(employee["iban"]), created_date=p.day(p.randint(0, 200)))
    start = p.randint(220, PERIOD_DAYS - 80)
    ids = [p.payment(creditor, start + 30 * step, p.amount(900, 3_000)) for step in range(2)]
    return Label(
        "FIN-016", "creditor", creditor["creditor_id"], tuple(r["payment_id"] for r in ids)
    )


def _supplier_before_hiring(p: Planter, rows: list[dict[str, object]]) -> Label:
    """Supplied the municipality as a freelancer, hired after the last invoice."""
    start = p.randint(0, PERIOD_DAYS - 200)
    hired = p.day(start + 150)
    employee = _new_employee(rows, start_date=hired)
    creditor = p.creditor(iban=str(employee["iban"]), created_date=p.day(start - 30))
    ids = [p.payment(creditor, start + 40 * step, p.amount(900, 3_000)) for step in range(3)]
    return Label(
        "FIN-016", "creditor", creditor["creditor_id"], tuple(r["payment_id"] for r in ids)
    )
