"""Permits of Gemeente Voorbeeld: establishments get a permit, renew it, change manager.

Ordinary data: risk-sector applicants (horeca, kappers, autobedrijven, ...) answer the Bibob
questionnaire; changes of manager or holder come more than 200 days after the grant; one holder
per address; event permits go mostly to the events specialist. Planted: a risk-sector permit
granted without the questionnaire (VER-001), a change soon after the grant (VER-002), three
holders at one address within two years (VER-003), one handler deciding everything of an
applicant (VER-004). Decoys beside each; Bibob refusals are shared with the subsidies generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from weerbaar.signals.synthetic.process import (
    Context,
    ProcessData,
    Row,
    as_dates,
    bag_ids,
    choose,
    table,
)

RISKY = ("5630", "56101", "9602", "45112", "7711", "9604")
ORDINARY = ("4711", "4778", "8559", "9311", "7111", "4719", "5510")
TYPES = {
    "5630": "exploitatievergunning horeca",
    "56101": "exploitatievergunning horeca",
    "5510": "exploitatievergunning horeca",
}
OTHER_TYPE = "exploitatievergunning overig"
EVENT_TYPE = "evenementenvergunning"
HANDLERS = ("vergunning.medewerker1", "vergunning.medewerker2", "vergunning.medewerker3")
EVENTS_SPECIALIST = "vergunning.evenementen"
KVK_BASE = 60_000_000
PLANTED_KVK = 68_000_000
ADDRESS_BASE = 200_000
PLANTED_ADDRESS = 900_000


@dataclass
class Permits:
    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    rows: dict[str, list[Row]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, name: str, start: int) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def establishment(self, sbi: str | None = None) -> Row:
        number = self.next("establishment", 0)
        sbi = sbi or self.ctx.pick(ORDINARY)
        return {
            "applicant_kvk": f"{PLANTED_KVK + number:08d}",
            "sbi_code": sbi,
            "address_id": bag_ids(PLANTED_ADDRESS + number, 1)[0],
            "permit_type": TYPES.get(sbi, OTHER_TYPE),
        }

    def apply(
        self,
        place: Row,
        day: int,
        kind: str = "nieuw",
        *,
        permit_id: str | None = None,
        decision: str = "verleend",
        **values: Any,
    ) -> Row:
        """An application, decided 30 days later by its handler."""
        number = self.next("application", self.ctx.records * 2)
        risky = str(place.get("sbi_code") or "") in RISKY
        row: Row = {
            "application_id": f"VER{number:08d}",
            "permit_id": permit_id or f"VGP{number:08d}",
            "application_kind": kind,
            "received_date": self.ctx.day(day),
            "bibob_asked": risky,
            "bibob_answered": risky,
            "handled_by": self.ctx.pick(HANDLERS),
            **{k: place.get(k) for k in ("applicant_kvk", "sbi_code", "address_id", "permit_type")},
        }
        row.update(values)
        self.rows.setdefault("permit_applications", []).append(row)
        self.decide(row, day + 30, decision)
        return row

    def decide(self, application: Row, day: int, decision: str, bibob: str = "geen") -> None:
        self.rows.setdefault("permit_decisions", []).append(
            {
                "application_id": application["application_id"],
                "decision_date": self.ctx.day(day),
                "decision": decision,
                "bibob_outcome": bibob,
                "decided_by": application["handled_by"],
            }
        )

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng, count = (
            self.ctx.rng,
            self.ctx.records * 13 // 10,
        )  # about a fifth fall after the period
        places = max(40, self.ctx.records // 3)
        sbi = choose(rng, RISKY + ORDINARY * 2, places)
        kvk = np.asarray([f"{KVK_BASE + i:08d}" for i in range(places)], dtype=object)
        address = np.asarray(bag_ids(ADDRESS_BASE, places), dtype=object)
        granted = rng.integers(-1200, 600, places)
        # Each application: the establishment's new permit, a renewal, a later change or an event.
        who = rng.integers(0, places, count)
        kind = choose(rng, ("nieuw", "verlenging", "verlenging", "wijziging_leidinggevende"), count)
        kind[: min(places, count)] = "nieuw"
        who[: min(places, count)] = np.arange(min(places, count))
        event = rng.random(count) < 0.15
        later = granted[who] + rng.integers(300, 1500, count)
        day = np.where(kind == "nieuw", granted[who], later)
        keep = (day < 700) & (np.cumsum(day < 700) <= self.ctx.records)
        risky = np.isin(sbi[who], RISKY)
        types = np.asarray([TYPES.get(code, OTHER_TYPE) for code in sbi[who]], dtype=object)
        handler = choose(rng, HANDLERS, count)
        specialist = rng.random(count) < 0.9
        handler[event & specialist] = EVENTS_SPECIALIST
        ids = np.asarray([f"VER{i:08d}" for i in range(1, count + 1)], dtype=object)
        columns = {
            "application_id": ids,
            "permit_id": np.where(
                event, ids, np.char.add("VGB", kvk[who].astype(str)).astype(object)
            ),
            "application_kind": np.where(event, "nieuw", kind).astype(object),
            "permit_type": np.where(event, EVENT_TYPE, types).astype(object),
            "received_date": as_dates(day),
            "applicant_kvk": kvk[who],
            "sbi_code": np.where(event, None, sbi[who]),
            "address_id": address[who],
            "bibob_asked": risky & ~event & (kind != "verlenging"),
            "bibob_answered": risky & ~event & (kind != "verlenging"),
            "handled_by": handler,
        }
        columns = {name: np.asarray(values)[keep] for name, values in columns.items()}
        self.data.tables["permit_applications"] = table(
            "permit_applications", columns, self.rows.get("permit_applications", ())
        )
        kept = int(keep.sum())
        refused = rng.random(kept) < 0.05
        conditions = columns["bibob_asked"] & (rng.random(kept) < 0.03)
        self.data.tables["permit_decisions"] = table(
            "permit_decisions",
            {
                "application_id": columns["application_id"],
                "decision_date": as_dates(day[keep] + rng.integers(20, 80, kept)),
                "decision": np.where(refused, "geweigerd", "verleend").astype(object),
                "bibob_outcome": np.where(conditions, "voorschriften", "geen").astype(object),
                "decided_by": columns["handled_by"],
            },
            self.rows.get("permit_decisions", ()),
        )

    # --- planted anomalies and decoys --------------------------------------------------------
    def no_bibob(self) -> None:
        for _ in range(self.ctx.instances):
            place = self.establishment(self.ctx.pick(RISKY))
            answered = self.ctx.randint(0, 2) == 1  # asked, never answered, granted anyway
            app = self.apply(
                place, self.ctx.randint(0, 650), bibob_asked=answered, bibob_answered=False
            )
            self.data.label("VER-001", "application", app["application_id"], app["application_id"])
            # Decoy: the renewal of a risk-sector permit, screened when it was first granted.
            renewal = self.apply(
                place,
                self.ctx.randint(0, 650),
                "verlenging",
                bibob_asked=False,
                bibob_answered=False,
            )
            self.data.decoy("VER-001", "application", renewal["application_id"])

    def early_change(self) -> None:
        for decoy in (False, True):
            for _ in range(self.ctx.instances):
                place = self.establishment(self.ctx.pick(RISKY))
                day = self.ctx.randint(0, 300)
                first = self.apply(place, day)
                gap = self.ctx.randint(400, 600) if decoy else self.ctx.randint(40, 140)
                kind = self.ctx.pick(("wijziging_houder", "wijziging_leidinggevende"))
                change = self.apply(place, day + gap, kind, permit_id=first["permit_id"])
                ids = (first["application_id"], change["application_id"])
                if decoy:  # a new manager after more than a year: ordinary turnover
                    self.data.decoy("VER-002", "permit", first["permit_id"], *ids)
                else:
                    self.data.label("VER-002", "permit", first["permit_id"], *ids)

    def many_holders(self) -> None:
        for _ in range(self.ctx.instances):
            first = self.establishment(self.ctx.pick(ORDINARY))
            start = self.ctx.randint(0, 400)
            ids = []
            for step in range(3):
                holder = {
                    **self.establishment(first["sbi_code"]),
                    "address_id": first["address_id"],
                }
                ids.append(self.apply(holder, start + 100 * step)["application_id"])
            self.data.label("VER-003", "address", first["address_id"], *ids)
            # Decoy: one business with four permits for its premises.
            place = self.establishment("5630")
            permits = [
                self.apply(place, start + 20 * step, permit_type=kind)["application_id"]
                for step, kind in enumerate(
                    ("exploitatievergunning horeca", "alcoholvergunning", "terrasvergunning")
                )
            ]
            self.data.decoy("VER-003", "address", place["address_id"], *permits)

    def one_handler(self) -> None:
        for _ in range(self.ctx.instances):
            place = self.establishment(self.ctx.pick(ORDINARY))
            handler = self.ctx.pick(HANDLERS)
            ids = [
                self.apply(place, self.ctx.randint(0, 650), "verlenging", handled_by=handler)
                for _ in range(7)
            ]
            self.data.label(
                "VER-004", "applicant", place["applicant_kvk"], *(r["application_id"] for r in ids)
            )
            # Decoy: an event organiser whose permits all go to the events specialist.
            organiser = {**self.establishment(None), "sbi_code": None, "permit_type": EVENT_TYPE}
            events = [
                self.apply(organiser, self.ctx.randint(0, 650), handled_by=EVENTS_SPECIALIST)
                for _ in range(7)
            ]
            self.data.decoy(
                "VER-004",
                "applicant",
                organiser["applicant_kvk"],
                *(r["application_id"] for r in events),
            )

    def bibob_refusals(self) -> None:
        """Parties refused under Bibob (and others refused on other grounds), for SUB-005."""
        refused: list[tuple[str, int]] = []
        other: list[tuple[str, int]] = []
        for bibob, found in (("weigering", refused), ("geen", other)):
            for _ in range(self.ctx.instances):
                place = self.establishment("5630")
                day = self.ctx.randint(0, 500)
                self.apply(place, day, decision="geweigerd", bibob_answered=True)
                self.rows["permit_decisions"][-1]["bibob_outcome"] = bibob
                found.append((place["applicant_kvk"], day + 30))
        self.ctx.shared["bibob_refused"] = refused
        self.ctx.shared["refused_without_bibob"] = other


def generate_vergunningen(ctx: Context) -> ProcessData:
    builder = Permits(ctx)
    builder.no_bibob()
    builder.early_change()
    builder.many_holders()
    builder.one_handler()
    builder.bibob_refusals()
    builder.base()
    return builder.data
