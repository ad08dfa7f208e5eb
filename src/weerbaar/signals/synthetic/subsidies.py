"""Subsidies of Gemeente Voorbeeld: organisations apply, are granted or refused, settle.

Ordinary applicants are established organisations with their own account, address and board;
they settle at or below the amount granted. Planted: settled above granted (SUB-001), repeated
applications just below a threshold (SUB-002), a young organisation with a large grant (SUB-003),
one IBAN, address or board member behind several applicants (SUB-004) and a grant to a party
refused under Bibob in the permit data (SUB-005). Decoys look alike but are legitimate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from weerbaar.signals.synthetic.identity import BANK_CODES, INITIALS, SURNAMES, ibans, postcodes
from weerbaar.signals.synthetic.process import (
    Context,
    ProcessData,
    Row,
    as_dates,
    choose,
    demo_pseudonym,
    kvk_numbers,
    table,
)

SCHEMES = (
    "Sport en bewegen",
    "Cultuur en erfgoed",
    "Welzijn en ontmoeting",
    "Evenementen",
    "Jeugd en onderwijs",
    "Duurzaamheid",
    "Dorps- en wijkinitiatieven",
)
FORMS = ("stichting", "vereniging", "stichting", "vereniging", "cooperatie", "bv")
HANDLERS = tuple(f"subsidie.medewerker{n}" for n in range(1, 6))
THRESHOLD = 25_000.0  # the verantwoordingsgrens SUB-002 plants below (a rule default)
KVK_BASE = 40_000_000
PLANTED_KVK = 48_000_000


def _member(number: int) -> str:
    """A board member as a KvK extract names them: initial, surname, date of birth (distinct
    for every number below 40 × 19 × 18,000)."""
    surname = SURNAMES[number % len(SURNAMES)]
    initial = INITIALS[(number // len(SURNAMES)) % len(INITIALS)]
    day = number // (len(SURNAMES) * len(INITIALS)) % 18_000
    born = dt.date(1950, 1, 1) + dt.timedelta(days=(day * 7919) % 18_000)
    return f"{initial}. {surname} ({born.isoformat()})"


@dataclass
class Subsidies:
    """Builds the four tables; planted rows are appended to the ordinary ones."""

    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    applicants: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, name: str, start: int) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def add(self, dataset: str, row: Row) -> Row:
        self.rows.setdefault(dataset, []).append(row)
        return row

    # --- planted organisations and applications ------------------------------------------
    def organisation(self, **values: Any) -> Row:
        number = self.next("org", 0)
        org: Row = {
            "applicant_kvk": f"{PLANTED_KVK + number:08d}",
            "kvk_registration_date": self.ctx.day(-self.ctx.randint(900, 9000)),
            "legal_form": self.ctx.pick(FORMS),
            "iban": ibans(np.array([number % len(BANK_CODES)]), np.array([7_700_000_000 + number]))[
                0
            ],
            "postcode": postcodes(np.array([8_000 + number * 13]))[0],
            "house_number": str(1 + number % 180),
            "members": [_member(900_000 + number * 3 + i) for i in range(3)],
        }
        org.update(values)
        return org

    def apply(
        self, org: Row, day: int, amount: float, *, granted: float | None = None, **values: Any
    ) -> Row:
        """An application, its board members and (unless refused) a grant 40 days later."""
        number = self.next("application", self.ctx.records)
        row: Row = {
            "application_id": f"SUB{number:08d}",
            "received_date": self.ctx.day(day),
            "scheme": self.ctx.pick(SCHEMES),
            "amount_requested": amount,
            "handled_by": self.ctx.pick(HANDLERS),
            **{k: org[k] for k in ("applicant_kvk", "kvk_registration_date", "legal_form")},
            **{k: org[k] for k in ("iban", "postcode", "house_number")},
        }
        row.update(values)
        self.add("subsidy_applications", row)
        for member in org["members"]:
            self.add(
                "subsidy_board_members",
                {"application_id": row["application_id"], "member_id": member},
            )
        if granted is not None:
            self.decide(row, day + 40, "verlening", granted)
        return row

    def decide(self, application: Row, day: int, decision: str, amount: float | None) -> Row:
        number = self.next("decision", self.ctx.records * 2)
        return self.add(
            "subsidy_decisions",
            {
                "decision_id": f"BES{number:08d}",
                "application_id": application["application_id"],
                "decision_date": self.ctx.day(day),
                "decision": decision,
                "amount_granted": amount,
                "decided_by": self.ctx.pick(HANDLERS),
            },
        )

    def settle(self, application: Row, day: int, amount: float) -> Row:
        return self.add(
            "subsidy_settlements",
            {
                "application_id": application["application_id"],
                "settlement_date": self.ctx.day(day),
                "amount_settled": amount,
                "audit_statement": amount >= 125_000,
                "settled_by": self.ctx.pick(HANDLERS),
            },
        )

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng, count = self.ctx.rng, self.ctx.records
        orgs = max(60, count // 3)
        kvk = np.asarray(kvk_numbers(KVK_BASE, orgs), dtype=object)
        registered = as_dates(-rng.integers(800, 12_000, orgs))
        forms = choose(rng, FORMS, orgs)
        accounts = 6_000_000_000 + rng.permutation(orgs).astype(np.int64) * 13
        org_iban = np.asarray(ibans(rng.integers(0, len(BANK_CODES), orgs), accounts), dtype=object)
        org_postcode = np.asarray(postcodes(np.arange(orgs) * 7 + 100), dtype=object)
        org_house = rng.integers(1, 240, orgs).astype(str).astype(object)
        who = rng.integers(0, orgs, count)
        day = rng.integers(0, 700, count)
        requested = np.clip(
            np.round(np.exp(rng.normal(np.log(3_000), 1.0, count)), -1), 100, 400_000
        )
        ids = np.asarray([f"SUB{i:08d}" for i in range(1, count + 1)], dtype=object)
        self.data.tables["subsidy_applications"] = table(
            "subsidy_applications",
            {
                "application_id": ids,
                "received_date": as_dates(day),
                "scheme": choose(rng, SCHEMES, count),
                "applicant_kvk": kvk[who],
                "kvk_registration_date": registered[who],
                "legal_form": forms[who],
                "iban": org_iban[who],
                "postcode": org_postcode[who],
                "house_number": org_house[who],
                "amount_requested": requested,
                "handled_by": choose(rng, HANDLERS, count),
            },
            self.rows.get("subsidy_applications", ()),
        )
        members = np.asarray([_member(i) for i in range(orgs * 3)], dtype=object)
        self.data.tables["subsidy_board_members"] = table(
            "subsidy_board_members",
            {
                "application_id": np.repeat(ids, 3),
                "member_id": members[(who[:, None] * 3 + np.arange(3)).ravel()],
                "role": np.tile(
                    np.asarray(["voorzitter", "secretaris", "penningmeester"], dtype=object), count
                ),
            },
            self.rows.get("subsidy_board_members", ()),
        )
        self._decisions(ids, day, requested)

    def _decisions(self, ids: Any, day: Any, requested: Any) -> None:
        rng, count = self.ctx.rng, len(ids)
        refused = rng.random(count) < 0.08
        granted = np.where(refused, np.nan, np.round(requested * rng.uniform(0.8, 1.0, count), 0))
        decided = day + rng.integers(20, 70, count)
        self.data.tables["subsidy_decisions"] = table(
            "subsidy_decisions",
            {
                "decision_id": np.asarray(
                    [f"BES{i:08d}" for i in range(1, count + 1)], dtype=object
                ),
                "application_id": ids,
                "decision_date": as_dates(decided),
                "decision": np.where(refused, "weigering", "verlening").astype(object),
                "amount_granted": granted,
                "decided_by": choose(rng, HANDLERS, count),
            },
            self.rows.get("subsidy_decisions", ()),
        )
        settled_day = decided + rng.integers(250, 350, count)
        done = ~refused & (settled_day < 731)
        amount = np.round(
            granted * np.where(rng.random(count) < 0.6, 1.0, rng.uniform(0.85, 1.0, count)), 2
        )
        self.data.tables["subsidy_settlements"] = table(
            "subsidy_settlements",
            {
                "application_id": ids[done],
                "settlement_date": as_dates(settled_day[done]),
                "amount_settled": amount[done],
                "audit_statement": amount[done] >= 125_000,
                "settled_by": choose(rng, HANDLERS, int(done.sum())),
            },
            self.rows.get("subsidy_settlements", ()),
        )

    # --- planted anomalies and decoys --------------------------------------------------------
    def settled_above_granted(self) -> None:
        for decoy in (False, True):
            for _ in range(self.ctx.instances):
                day = self.ctx.randint(0, 380)
                granted = round(float(self.ctx.rng.uniform(8_000, 20_000)), 0)
                app = self.apply(self.organisation(), day, granted, granted=granted)
                if decoy:  # the grant was raised by a second decision first
                    raised = round(granted * 1.2, 0)
                    self.decide(app, day + 120, "wijziging", raised)
                    self.settle(app, day + 320, raised)
                    self.data.decoy("SUB-001", "application", app["application_id"])
                else:
                    self.settle(
                        app, day + 320, round(granted * float(self.ctx.rng.uniform(1.1, 1.3)), 2)
                    )
                    self.data.label(
                        "SUB-001", "application", app["application_id"], app["application_id"]
                    )

    def just_below_threshold(self) -> None:
        for decoy in (False, True):
            for _ in range(self.ctx.instances):
                org = self.organisation()
                first = self.ctx.randint(0, 200)
                gap = self.ctx.randint(420, 500) if decoy else self.ctx.randint(60, 250)
                ids = [
                    self.apply(org, day, amount, granted=amount)["application_id"]
                    for day in (first, first + gap)
                    for amount in [round(float(self.ctx.rng.uniform(22_600, 24_950)), 0)]
                ]
                if decoy:  # a year and more apart: two ordinary annual applications
                    self.data.decoy("SUB-002", "applicant", org["applicant_kvk"], *ids)
                else:
                    self.data.label("SUB-002", "applicant", org["applicant_kvk"], *ids)

    def young_organisation(self) -> None:
        for decoy in (False, True):
            for _ in range(self.ctx.instances):
                day = self.ctx.randint(0, 650)
                founded = self.ctx.day(day - self.ctx.randint(30, 150))
                org = self.organisation(kvk_registration_date=founded, legal_form="stichting")
                amount = round(
                    float(
                        self.ctx.rng.uniform(500, 2_500)
                        if decoy
                        else self.ctx.rng.uniform(15_000, 60_000)
                    ),
                    0,
                )
                app = self.apply(org, day, amount, granted=amount)
                if decoy:  # a new neighbourhood initiative with a small grant
                    self.data.decoy("SUB-003", "application", app["application_id"])
                else:
                    self.data.label(
                        "SUB-003", "application", app["application_id"], app["application_id"]
                    )

    def shared_links(self) -> None:
        for _ in range(self.ctx.instances):
            self._shared_iban()
            self._shared_address(3, decoy=False)
            self._shared_address(2, decoy=True)
            self._shared_member(3, decoy=False)
            self._shared_member(2, decoy=True)

    def _grant(self, org: Row) -> str:
        amount = round(float(self.ctx.rng.uniform(1_000, 9_000)), 0)
        return str(
            self.apply(org, self.ctx.randint(0, 650), amount, granted=amount)["application_id"]
        )

    def _shared_iban(self) -> None:
        first = self.organisation()
        second = self.organisation(iban=first["iban"])
        ids = [self._grant(first), self._grant(second)]
        self.data.label("SUB-004", "iban", first["iban"], *ids)

    def _shared_address(self, count: int, *, decoy: bool) -> None:
        first = self.organisation()
        orgs = [first] + [
            self.organisation(postcode=first["postcode"], house_number=first["house_number"])
            for _ in range(count - 1)
        ]
        ids = [self._grant(org) for org in orgs]
        key = f"{first['postcode'].replace(' ', '')} {first['house_number']}"
        if decoy:  # two clubs sharing a clubhouse
            self.data.decoy("SUB-004", "address", key, *ids)
        else:
            self.data.label("SUB-004", "address", key, *ids)

    def _shared_member(self, count: int, *, decoy: bool) -> None:
        person = _member(2_000_000 + self.next("shared_member", 0))
        ids = []
        for _ in range(count):
            org = self.organisation()
            org["members"] = [person, *org["members"][1:]]
            ids.append(self._grant(org))
        if decoy:  # a volunteer on two boards, as in any village
            self.data.decoy("SUB-004", "board_member", demo_pseudonym(person), *ids)
        else:
            self.data.label("SUB-004", "board_member", demo_pseudonym(person), *ids)

    def bibob_elsewhere(self) -> None:
        refused = self.ctx.shared.get("bibob_refused", [])
        other = self.ctx.shared.get("refused_without_bibob", [])
        for decoy, parties in ((False, refused), (True, other)):
            for kvk, when in parties[: self.ctx.instances]:
                org = self.organisation(applicant_kvk=kvk)
                day = min(when + self.ctx.randint(10, 60), 680)
                amount = round(float(self.ctx.rng.uniform(2_000, 12_000)), 0)
                app = self.apply(org, day, amount, granted=amount)
                if decoy:  # refused a permit, but not under Bibob
                    self.data.decoy("SUB-005", "application", app["application_id"])
                else:
                    self.data.label(
                        "SUB-005", "application", app["application_id"], app["application_id"]
                    )


def generate_subsidies(ctx: Context) -> ProcessData:
    builder = Subsidies(ctx)
    builder.settled_above_granted()
    builder.just_below_threshold()
    builder.young_organisation()
    builder.shared_links()
    builder.bibob_elsewhere()
    builder.base()
    return builder.data
