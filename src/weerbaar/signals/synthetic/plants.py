"""Planted anomalies, one function per rule, each recording its ground-truth labels.

Planted records use their own creditors where possible and keep away from the other rules'
patterns (dates spaced, amounts outside other bands), so each rule's labels are its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from weerbaar.signals.synthetic.base import APPROVERS, CATEGORIES, COST_CENTRES, PERIOD_DAYS
from weerbaar.signals.synthetic.planter import Planter

BENFORD_PAYMENTS = 2_600


def _normal(p: Planter, creditor: dict[str, object], offsets: list[int]) -> None:
    for offset in offsets:
        p.payment(creditor, offset, p.amount(150, 900))


def duplicate_payments(p: Planter) -> None:
    """FIN-001: an ordinary payment paid a second time, days later."""
    rows = p.sample(
        "SELECT * FROM payments WHERE amount_eur < 2000 AND payment_date < DATE '2024-12-01' "
        f"ORDER BY payment_id LIMIT {p.instances * 50}",
        p.instances,
    )
    for row in rows:
        later = (row["payment_date"] - p.day(0)).days + p.randint(3, 20)
        copy = {k: v for k, v in row.items() if k not in ("payment_id", "payment_date")}
        creditor = {"creditor_id": row["creditor_id"], "iban": row["iban"]}
        new = p.payment(creditor, later, float(row["amount_eur"]), **copy)
        p.label("FIN-001", "payment", new["payment_id"], row["payment_id"], new["payment_id"])


def same_invoice_other_creditor(p: Planter) -> None:
    """FIN-002: an invoice paid again to a second creditor."""
    rows = p.sample(
        "SELECT * FROM payments WHERE amount_eur < 2000 "
        f"ORDER BY payment_id DESC LIMIT {p.instances * 50}",
        p.instances,
    )
    for row in rows:
        other = p.creditor()
        new = p.payment(
            other,
            (row["payment_date"] - p.day(0)).days,
            float(row["amount_eur"]),
            invoice_number=row["invoice_number"],
            invoice_date=row["invoice_date"],
        )
        p.label("FIN-002", "invoice", row["invoice_number"], row["payment_id"], new["payment_id"])


def _iban_change(p: Planter, restore: bool) -> None:
    creditor = p.creditor()
    original, temporary = creditor["iban"], p.new_iban()
    start = p.randint(60, PERIOD_DAYS - 60)
    _normal(p, creditor, [start - 50])
    changed = dt.datetime.combine(p.day(start), dt.time(10, p.randint(0, 59)))
    p.change(creditor["creditor_id"], changed, original, temporary)
    paid = p.payment(creditor, start + p.randint(1, 8), p.amount(12_000, 24_000), iban=temporary)
    p.label("FIN-003", "payment", paid["payment_id"], paid["payment_id"])
    if restore:
        back = dt.datetime.combine(p.day(start + 12), dt.time(16, p.randint(0, 59)))
        p.change(creditor["creditor_id"], back, temporary, original)
        p.label("FIN-004", "creditor", creditor["creditor_id"], paid["payment_id"])
    else:
        creditor["iban"] = temporary


def iban_changed_before_payment(p: Planter) -> None:
    """FIN-003: IBAN changed days before a large payment to the new IBAN."""
    for _ in range(p.instances):
        _iban_change(p, restore=False)


def iban_changed_back(p: Planter) -> None:
    """FIN-004 (and FIN-003): changed, paid, changed back."""
    for _ in range(p.instances):
        _iban_change(p, restore=True)


def foreign_iban(p: Planter) -> None:
    """FIN-005: a payment to an IBAN the creditor never had."""
    for _ in range(p.instances):
        creditor = p.creditor()
        day = p.randint(30, PERIOD_DAYS)
        _normal(p, creditor, [day - 25])
        paid = p.payment(creditor, day, p.amount(800, 6_000), iban=p.new_iban())
        p.label("FIN-005", "payment", paid["payment_id"], paid["payment_id"])


def self_approved_payments(p: Planter) -> None:
    """FIN-006: ordinary payments approved by the person who entered them."""
    rows = p.sample(
        f"SELECT payment_id FROM payments ORDER BY payment_id LIMIT {p.instances * 50}", p.instances
    )
    ids = [row["payment_id"] for row in rows]
    p.con.execute(
        "UPDATE payments SET approved_by = entered_by WHERE list_contains(?, payment_id)", [ids]
    ).fetchall()
    for payment_id in ids:
        p.label("FIN-006", "payment", payment_id, payment_id)


def just_below_limit(p: Planter) -> None:
    """FIN-007: four payments just below 10,000, a month apart."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(0, PERIOD_DAYS - 130)
        _normal(p, creditor, [start + 3, start + 95])
        for step in range(4):
            paid = p.payment(creditor, start + 31 * step + 10, p.amount(9_560, 9_995))
            p.label("FIN-007", "payment", paid["payment_id"], paid["payment_id"])


def split_invoices(p: Planter) -> None:
    """FIN-008: three invoices in ten days, each below 10,000, together above, one approver."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(40, PERIOD_DAYS - 12)
        _normal(p, creditor, [start - 35])
        centre, approver = p.pick(COST_CENTRES), p.pick(APPROVERS)
        ids = [
            p.payment(
                creditor,
                start + o,
                p.amount(4_000, 7_000),
                cost_centre=centre,
                approved_by=approver,
            )["payment_id"]
            for o in (0, 4, 9)
        ]
        p.label("FIN-008", "creditor", creditor["creditor_id"], *ids)


def new_creditor_large_payment(p: Planter) -> None:
    """FIN-009: created during the period, a large first payment weeks later."""
    for _ in range(p.instances):
        start = p.randint(0, PERIOD_DAYS - 120)
        creditor = p.creditor(created_date=p.day(start))
        paid = p.payment(creditor, start + p.randint(5, 60), p.amount(30_000, 90_000))
        _normal(p, creditor, [start + 100])
        p.label("FIN-009", "creditor", creditor["creditor_id"], paid["payment_id"])


def shared_iban(p: Planter) -> None:
    """FIN-010: a new creditor with the IBAN of an existing one."""
    for row in p.sample("SELECT creditor_id, iban FROM creditors ORDER BY idx", p.instances):
        twin = p.creditor(iban=row["iban"])
        p.label("FIN-010", "creditor", twin["creditor_id"], row["creditor_id"])
        p.label("FIN-010", "creditor", row["creditor_id"], twin["creditor_id"])


def shared_address(p: Planter) -> None:
    """FIN-011: a new creditor (other KvK number) at the address of an existing one."""
    sql = "SELECT creditor_id, postcode, house_number FROM creditors ORDER BY idx"
    for row in p.sample(sql, p.instances):
        twin = p.creditor(postcode=row["postcode"], house_number=row["house_number"])
        p.label("FIN-011", "creditor", twin["creditor_id"], row["creditor_id"])
        p.label("FIN-011", "creditor", row["creditor_id"], twin["creditor_id"])


def benford_cost_centre(p: Planter) -> None:
    """FIN-012: a cost centre whose amounts all start with 10–19 (invented amounts)."""
    centres = 1 + p.payments_base // 2_000_000
    creditors = p.sample("SELECT creditor_id, iban FROM creditors ORDER BY idx", 200)
    for number in range(centres):
        centre = f"KP-{990 - number}"
        for _ in range(BENFORD_PAYMENTS):
            creditor = creditors[p.randint(0, len(creditors))]
            p.payment(
                creditor, p.randint(0, PERIOD_DAYS), p.amount(1_000, 1_999.99), cost_centre=centre
            )
        p.label("FIN-012", "cost_centre", centre)


def relative_size(p: Planter) -> None:
    """FIN-013: six small payments and one twenty times larger."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(0, PERIOD_DAYS - 200)
        _normal(p, creditor, [start + 30 * step for step in range(6)])
        paid = p.payment(creditor, start + 190, p.amount(20_000, 40_000))
        p.label("FIN-013", "creditor", creditor["creditor_id"], paid["payment_id"])


def round_amounts(p: Planter) -> None:
    """FIN-014: mostly round thousands, a month apart."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(0, PERIOD_DAYS - 130)
        ids = [
            p.payment(creditor, start + 40 * step, float(1000 * p.randint(2, 9)))["payment_id"]
            for step in range(3)
        ]
        _normal(p, creditor, [start + 125])
        p.label("FIN-014", "creditor", creditor["creditor_id"], *ids)


def creator_approves(p: Planter) -> None:
    """FIN-015: a creditor created by an approver who then approves its payments."""
    for _ in range(p.instances):
        approver = p.pick(APPROVERS)
        creditor = p.creditor(created_by=approver)
        day = p.randint(0, PERIOD_DAYS - 40)
        paid = p.payment(creditor, day, p.amount(1_500, 7_000), approved_by=approver)
        p.payment(creditor, day + 30, p.amount(150, 900))
        p.label("FIN-015", "creditor", creditor["creditor_id"], paid["payment_id"])


def split_orders(p: Planter) -> None:
    """INK-020: three orders in three weeks, same supplier and category, together above 50,000."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(0, PERIOD_DAYS - 25)
        category = p.pick(CATEGORIES)
        ids = [
            p.order(
                creditor["creditor_id"], start + o, p.amount(17_000, 24_000), category=category
            )["order_id"]
            for o in (0, 8, 19)
        ]
        p.label("INK-020", "creditor", creditor["creditor_id"], *ids)


def direct_award_concentration(p: Planter) -> None:
    """INK-021: one supplier gets 40% of a year's direct-award spend, spread over the year."""
    total = p.con.execute(
        "SELECT coalesce(sum(amount_eur), 0) FROM orders WHERE year(order_date) = 2024 "
        "AND procedure = 'enkelvoudig_onderhands'"
    ).fetchall()[0][0]
    target = max(60_000.0, float(total) * 0.4 / 0.6)
    creditor = p.creditor()
    ids, spent, step = [], 0.0, 0
    while spent < target:
        amount = p.amount(6_000, 9_900)
        offset = 365 + (step * 37) % 365
        category = CATEGORIES[step % len(CATEGORIES)]
        ids.append(p.order(creditor["creditor_id"], offset, amount, category=category)["order_id"])
        spent, step = spent + amount, step + 1
    p.label("INK-021", "creditor", creditor["creditor_id"], *ids)


def self_approved_orders(p: Planter) -> None:
    """INK-022: ordinary orders approved by their requester."""
    rows = p.sample(
        f"SELECT order_id FROM orders ORDER BY order_id LIMIT {p.instances * 50}", p.instances
    )
    ids = [row["order_id"] for row in rows]
    p.con.execute(
        "UPDATE orders SET approved_by = requested_by WHERE list_contains(?, order_id)", [ids]
    ).fetchall()
    for order_id in ids:
        p.label("INK-022", "order", order_id, order_id)


def order_below_threshold(p: Planter) -> None:
    """INK-023: one supplier gets two orders just below 50,000, months apart, and a small one."""
    for _ in range(p.instances):
        creditor = p.creditor()
        start = p.randint(0, PERIOD_DAYS - 200)
        p.order(creditor["creditor_id"], start + 100, p.amount(4_000, 12_000))
        for offset in (0, p.randint(60, 190)):
            order = p.order(creditor["creditor_id"], start + offset, p.amount(47_700, 49_950))
            p.label("INK-023", "order", order["order_id"], order["order_id"])


PLANTS: tuple[Callable[[Planter], None], ...] = (
    duplicate_payments,
    same_invoice_other_creditor,
    self_approved_payments,
    self_approved_orders,
    iban_changed_before_payment,
    iban_changed_back,
    foreign_iban,
    just_below_limit,
    split_invoices,
    new_creditor_large_payment,
    shared_iban,
    shared_address,
    benford_cost_centre,
    relative_size,
    round_amounts,
    creator_approves,
    split_orders,
    direct_award_concentration,
    order_below_threshold,
)
