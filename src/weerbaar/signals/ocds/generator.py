"""Synthetic OCDS compiled releases for the fictional Gemeente Voorbeeld, with planted anomalies.

``generate(n, seed)`` returns ``n`` ordinary tenders plus one or more planted anomalies per INK
rule and the labels saying which entity each planted anomaly must flag. The ordinary tenders are
built so that no OCDS rule fires on them by construction where that is possible (long enough
periods, several bidders, at most one disqualified bid that is never the lowest, runner-up 8-12%
above the winner, contracts within 5% of the award), and so that the quartile fences of the
peer-based rules are meaningful. Only fictional organisations; identifiers look like KvK numbers
but are made up.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BUYER = {"id": "NL-KVK-99000001", "name": "Gemeente Voorbeeld"}
METHODS = (
    ("open", "Openbare procedure"),
    ("selective", "Niet-openbare procedure"),
    ("limited", "Meervoudig onderhandse procedure"),
)
CATEGORIES = ("works", "services", "goods")
DIVISIONS = ("45", "71", "72", "79", "90", "33", "34", "50", "60", "98")
OTHER_DIVISIONS = ("03", "09", "15", "18", "22", "30")
NAMES = (
    "Bouwbedrijf De Vries",
    "Jansen Infra",
    "Groen & Zonen",
    "Bakker Advies",
    "Visser ICT",
    "Smit Schoonmaak",
    "Mulder Installatietechniek",
    "Van Dijk Wegenbouw",
    "Bos Catering",
    "Peters Beveiliging",
    "Hendriks Ingenieurs",
    "Dekker Transport",
    "Van Leeuwen Drukwerk",
    "Brouwer Groenvoorziening",
    "De Boer Elektro",
    "Meijer Facilitair",
    "Kok Verhuizingen",
    "Vermeulen Bestrating",
    "Willems Accountants",
    "Koster Schilderwerken",
)
Release = dict[str, Any]


@dataclass(frozen=True)
class Label:
    """A planted anomaly: the rule that must flag it and the flagged entity."""

    rule_id: str
    entity_type: str
    entity_id: str
    record_ids: tuple[str, ...]


@dataclass
class Synthetic:
    releases: list[Release] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)

    def label(self, rule_id: str, entity_type: str, entity_id: str, *records: str) -> None:
        self.labels.append(Label(rule_id, entity_type, entity_id, records or (entity_id,)))

    def labels_by_rule(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for item in self.labels:
            result.setdefault(item.rule_id, []).append(item.entity_id)
        return result


def _stamp(day: dt.datetime) -> str:
    return day.strftime("%Y-%m-%dT%H:%M:%SZ")


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed)
        self.start = dt.datetime(2024, 1, 1)
        self.firms = [(f"NL-KVK-9910{i:04d}", name) for i, name in enumerate(NAMES)]
        # Each firm works in one or two CPV divisions, so R048's fence is Q3 + 1.5 IQR = 3.5.
        self.divisions = {
            firm: DIVISIONS[i % 10 : i % 10 + 1 + i % 2] for i, (firm, _) in enumerate(self.firms)
        }
        self.names = dict(self.firms)
        self.count = 0

    def bid(self, index: int, tenderer: str, amount: float, day: dt.datetime) -> Release:
        return {
            "id": str(index),
            "status": "valid",
            "date": _stamp(day),
            "tenderers": [{"id": tenderer, "name": self.names.get(tenderer, tenderer)}],
            "value": {"amount": round(amount, 2), "currency": "EUR"},
        }

    def tender(self, *, winner: str | None = None, division: str | None = None) -> Release:
        """One ordinary compiled release; bids[0] is the winner's, bids[1] the runner-up's."""
        rnd, ocid = self.rnd, f"ocds-voorbeeld-{self.count:06d}"
        self.count += 1
        method, details = rnd.choice(METHODS)
        begin = self.start + dt.timedelta(days=rnd.randrange(700))
        end = begin + dt.timedelta(days=rnd.randrange(30, 53))
        firms = rnd.sample([firm for firm, _ in self.firms if firm != winner], rnd.randrange(3, 6))
        firms[0] = winner or firms[0]
        winning = rnd.lognormvariate(11.5, 1.0)
        amounts = [winning, winning * rnd.uniform(1.08, 1.12)]
        amounts += [winning * rnd.uniform(1.15, 1.4) for _ in firms[2:]]
        bids = [
            self.bid(i, firm, amount, end - dt.timedelta(days=rnd.randrange(1, 6)))
            for i, (firm, amount) in enumerate(zip(firms, amounts, strict=True))
        ]
        if len(bids) > 2 and rnd.random() < 0.25:
            bids[rnd.randrange(2, len(bids))]["status"] = "disqualified"
        award_day = end + dt.timedelta(days=rnd.randrange(20, 41))
        division = division or rnd.choice(self.divisions.get(firms[0], DIVISIONS))
        return self._release(ocid, (method, details), (begin, end, award_day), bids, division)

    def _release(
        self,
        ocid: str,
        method: tuple[str, str],
        days: tuple[dt.datetime, dt.datetime, dt.datetime],
        bids: list[Release],
        division: str,
    ) -> Release:
        begin, end, award_day = days
        winner, winning = bids[0]["tenderers"][0]["id"], bids[0]["value"]["amount"]
        cpv = f"{division}{self.rnd.randrange(100000, 999999)}"
        return {
            "ocid": ocid,
            "id": f"{ocid}-compiled",
            "date": _stamp(award_day),
            "tag": ["compiled"],
            "initiationType": "tender",
            "buyer": dict(BUYER),
            "parties": [
                {"id": BUYER["id"], "name": BUYER["name"], "roles": ["buyer", "procuringEntity"]}
            ],
            "tender": {
                "id": ocid,
                "status": "complete",
                "procurementMethod": method[0],
                "procurementMethodDetails": method[1],
                "mainProcurementCategory": self.rnd.choice(CATEGORIES),
                "awardCriteria": "priceOnly",
                "procuringEntity": dict(BUYER),
                "numberOfTenderers": len({bid["tenderers"][0]["id"] for bid in bids}),
                "tenderPeriod": {"startDate": _stamp(begin), "endDate": _stamp(end)},
            },
            "bids": {"details": bids},
            "awards": [
                {
                    "id": "1",
                    "status": "active",
                    "date": _stamp(award_day),
                    "suppliers": [{"id": winner, "name": self.names.get(winner, winner)}],
                    "items": [{"id": "1", "classification": {"scheme": "CPV", "id": cpv}}],
                    "value": {"amount": winning, "currency": "EUR"},
                }
            ],
            "contracts": [
                {
                    "id": "1",
                    "awardID": "1",
                    "status": "active",
                    "value": {
                        "amount": round(winning * self.rnd.uniform(1.0, 1.05), 2),
                        "currency": "EUR",
                    },
                }
            ],
        }


def _shift(day: str, days: float) -> str:
    moment = dt.datetime.strptime(day, "%Y-%m-%dT%H:%M:%SZ") + dt.timedelta(days=days)
    return _stamp(moment)


def _set_amount(bid: Release, amount: float) -> None:
    bid["value"]["amount"] = round(amount, 2)


def _plant_tender_rules(b: _Builder, out: Synthetic) -> None:
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


def _plant_organisation_rules(b: _Builder, out: Synthetic) -> None:
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

    # INK-014 needs peers with >= 20 awarded tenders (the R048 default) for a fence: eight
    # ordinary firms win 20 more tenders each in their own one or two divisions.
    for firm, _ in b.firms[:8]:
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


def generate(n: int, seed: int = 0) -> Synthetic:
    """``n`` ordinary tenders of Gemeente Voorbeeld plus planted anomalies, with their labels.

    Labels name, per INK rule, the entity the rule must flag: the ``ocid`` for process-level rules
    (INK-001..008, 010..012) and the tenderer id for INK-009 (R038) and INK-014 (R048). INK-013
    (R025) has no planted case: its fence is only positive when win ratios are tightly spread,
    which realistic data are not. Releases are shuffled so planted ones are not at the end.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    builder = _Builder(seed)
    out = Synthetic()
    out.releases.extend(builder.tender() for _ in range(n))
    _plant_tender_rules(builder, out)
    _plant_organisation_rules(builder, out)
    builder.rnd.shuffle(out.releases)
    return out


def write_releases(path: str | Path, releases: list[Release]) -> Path:
    """Write releases as JSON lines (gzip-compressed when ``path`` ends in ``.gz``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(release, ensure_ascii=False) + "\n" for release in releases)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_labels(path: str | Path, labels: list[Label]) -> Path:
    """Labels as CSV (``rule_id, entity_type, entity_id, record_ids`` with ``|`` between ids)."""
    path = Path(path)
    lines = ["rule_id,entity_type,entity_id,record_ids"]
    lines += [f"{x.rule_id},{x.entity_type},{x.entity_id},{'|'.join(x.record_ids)}" for x in labels]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_synthetic(path: str | Path, releases: int, seed: int = 0) -> dict[str, Any]:
    """Write ``releases`` ordinary tenders plus the planted ones to ``path`` (JSON lines) and their
    labels to ``ocds-labels.csv`` beside it; returns a summary (counts and labels by rule)."""
    synthetic = generate(releases, seed)
    target = write_releases(path, synthetic.releases)
    labels = write_labels(target.with_name("ocds-labels.csv"), synthetic.labels)
    return {
        "releases": len(synthetic.releases),
        "labels_file": labels.name,
        "labels": synthetic.labels_by_rule(),
    }
