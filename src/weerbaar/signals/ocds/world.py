"""The fictional world of the OCDS generator: Gemeente Voorbeeld, its suppliers, ordinary tenders.

Only fictional organisations; identifiers look like KvK numbers but are made up.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from weerbaar.signals.models import Label

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


def stamp(day: dt.datetime) -> str:
    return day.strftime("%Y-%m-%dT%H:%M:%SZ")


class Builder:
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
            "date": stamp(day),
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
            "date": stamp(award_day),
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
                "tenderPeriod": {"startDate": stamp(begin), "endDate": stamp(end)},
            },
            "bids": {"details": bids},
            "awards": [
                {
                    "id": "1",
                    "status": "active",
                    "date": stamp(award_day),
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
