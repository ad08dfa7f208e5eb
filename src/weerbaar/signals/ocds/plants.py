"""Planted anomalies: one or more compiled releases per INK rule, with the label that says which
entity the rule must flag."""

from __future__ import annotations

import datetime as dt

from weerbaar.signals.ocds.world import (
    DIVISIONS,
    OTHER_DIVISIONS,
    Builder,
    Release,
    Synthetic,
    stamp,
)


def _shift(day: str, days: float) -> str:
    moment = dt.datetime.strptime(day, "%Y-%m-%dT%H:%M:%SZ") + dt.timedelta(days=days)
    return stamp(moment)


def _set_amount(bid: Release, amount: float) -> None:
    bid["value"]["amount"] = round(amount, 2)


def plant_tender_rules(b: Builder, out: Synthetic) -> None:
    """One planted process per process-level rule (INK-001..008, 010..012)."""
    r = b.tender()  # INK-001: seven-day submission period
    r["tender"]["tenderPeriod"]["startDate"] = _shift(r["tender"]["tenderPeriod"]["endDate"], -7)
    out.releases.append(r)
    out.label("INK-001", "ocid", r["ocid"])

    r = b.tender()  # INK-002 + INK-003: one bidder in an open procedure
    r["tender"].update(procurementMethod="open", numberOfTenderers=1)
    r["bids"]["details"] = r["bids"]["details"][:1]
    out.releases.append(r)
    out.label("INK-002", "ocid", r["ocid"])
    out.label("INK-003", "ocid", r["ocid"])

    r = b.tender()  # INK-003 only: three tenderers reported, all bids from the winner
    r["tender"].update(procurementMethod="open", numberOfTenderers=3)
    details = r["bids"]["details"]
    r["bids"]["details"] = [details[0], {**details[1], "tenderers": details[0]["tenderers"]}]
    out.releases.append(r)
    out.label("INK-003", "ocid", r["ocid"])

    r = b.tender()  # INK-004: runner-up 0.4% above the winner
    _set_amount(r["bids"]["details"][1], r["bids"]["details"][0]["value"]["amount"] * 1.004)
    out.releases.append(r)
    out.label("INK-004", "ocid", r["ocid"])

    r = b.tender()  # INK-005: every other bid at least 80% above the winner
    winning = r["bids"]["details"][0]["value"]["amount"]
    for k, bid in enumerate(r["bids"]["details"][1:], start=1):
        _set_amount(bid, winning * (1.8 + 0.1 * k))
    out.releases.append(r)
    out.label("INK-005", "ocid", r["ocid"])

    r = b.tender()  # INK-006: two tenderers with the same price
    details = r["bids"]["details"]
    _set_amount(details[2], details[1]["value"]["amount"])
    details[2]["status"] = "valid"
    out.releases.append(r)
    out.label("INK-006", "ocid", r["ocid"])

    r = b.tender()  # INK-007: every bid except the winner's disqualified
    for bid in r["bids"]["details"][1:]:
        bid["status"] = "disqualified"
    out.releases.append(r)
    out.label("INK-007", "ocid", r["ocid"])

    r = b.tender()  # INK-008: a disqualified bid below the winner's
    _set_amount(r["bids"]["details"][2], r["bids"]["details"][0]["value"]["amount"] * 0.9)
    r["bids"]["details"][2]["status"] = "disqualified"
    out.releases.append(r)
    out.label("INK-008", "ocid", r["ocid"])

    for days in (1, 250):  # INK-010: decided a day after the deadline, and after 250 days
        r = b.tender()
        award_day = _shift(r["tender"]["tenderPeriod"]["endDate"], days)
        r["awards"][0]["date"] = r["date"] = award_day
        out.releases.append(r)
        out.label("INK-010", "ocid", r["ocid"])

    r = b.tender()  # INK-011: works contract 30% above the award
    r["tender"]["mainProcurementCategory"] = "works"
    _set_amount(r["contracts"][0], r["awards"][0]["value"]["amount"] * 1.3)
    out.releases.append(r)
    out.label("INK-011", "ocid", r["ocid"], r["ocid"])

    r = b.tender()  # INK-012: the winning bid arrived two days after the deadline
    r["bids"]["details"][0]["date"] = _shift(r["tender"]["tenderPeriod"]["endDate"], 2)
    out.releases.append(r)
    out.label("INK-012", "ocid", r["ocid"])


def plant_organisation_rules(b: Builder, out: Synthetic) -> None:
    """Planted tenderers for INK-009 (R038) and INK-014 (R048)."""
    rejected = "NL-KVK-99200001"  # INK-009: disqualified in each of its four bids
    b.names[rejected] = "Afgewezen Aannemers BV"
    records = []
    for _ in range(4):
        r = b.tender()
        details = r["bids"]["details"]
        amount = max(bid["value"]["amount"] for bid in details) * 1.1
        late = b.bid(len(details), rejected, amount, dt.datetime(2024, 1, 1))
        late["date"] = details[0]["date"]
        late["status"] = "disqualified"
        details.append(late)
        r["tender"]["numberOfTenderers"] += 1
        out.releases.append(r)
        records.append(r["ocid"])
    out.label("INK-009", "tenderer", rejected, *records)

    # INK-014 needs peers with >= 20 awarded tenders (the R048 default) for a fence, and INK-013
    # needs evenly spread win ratios: every ordinary firm wins 20 more tenders in its divisions.
    for firm, _ in b.firms:
        out.releases.extend(b.tender(winner=firm) for _ in range(20))
    versatile = "NL-KVK-99200002"  # INK-014: wins 20 tenders in twelve CPV divisions
    b.names[versatile] = "Alleskunner Holding BV"
    records = []
    divisions = (*DIVISIONS, *OTHER_DIVISIONS)[:12]
    for k in range(20):
        r = b.tender(winner=versatile, division=divisions[k % 12])
        out.releases.append(r)
        records.append(r["ocid"])
    out.label("INK-014", "tenderer", versatile, *records)


def plant_frequent_loser(b: Builder, out: Synthetic) -> None:
    """INK-013 (R025): a tenderer with a valid, always-highest bid in every second ordinary
    tender, which therefore never wins (ordinary firms win about one tender in four)."""
    loser = "NL-KVK-99200003"
    b.names[loser] = "Schijnconcurrent BV"
    planted = {label.entity_id for label in out.labels if label.entity_type == "ocid"}
    ordinary = [release for release in out.releases if release["ocid"] not in planted]
    records = []
    for release in ordinary[::2]:
        details = release["bids"]["details"]
        amount = max(bid["value"]["amount"] for bid in details) * 1.15
        bid = b.bid(len(details), loser, amount, dt.datetime(2024, 1, 1))
        bid["date"] = details[0]["date"]
        details.append(bid)
        release["tender"]["numberOfTenderers"] += 1
        records.append(release["ocid"])
    out.label("INK-013", "tenderer", loser, *records)
