"""Inspections and enforcement in Gemeente Voorbeeld, 2019–2024.

Ordinary data: each location is inspected about once a year per kind of inspection; inspectors
rotate by roster (environmental inspections have one specialist); a violation is followed up
within weeks, a repeat within a year escalates to an order; orders are carried out by their
deadline; unannounced inspections are cancelled late only for illness. Planted: one inspector on
a location year after year (TOE-001), a violation without follow-up (TOE-002), an order not
carried out (TOE-003), an unannounced inspection announced or cancelled just before (TOE-004), a
repeat violation without escalation (TOE-005). Decoys beside each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from weerbaar.signals.synthetic.process import (
    Context,
    ProcessData,
    Row,
    as_dates,
    as_times,
    bag_ids,
    table,
)

INSPECTORS = {
    "horeca": ("toezicht.horeca1", "toezicht.horeca2"),
    "brandveiligheid": ("toezicht.brand1", "toezicht.brand2"),
    "bouw": ("toezicht.bouw1", "toezicht.bouw2", "toezicht.bouw3"),
    "milieu": ("toezicht.milieu1",),
}
TYPES = tuple(INSPECTORS)
FIRST_DAY = -1461  # 2019-01-01
LOCATION_BASE = 3_000_000
PLANTED_LOCATION = 7_000_000
ORDERS = ("last_onder_dwangsom", "last_onder_bestuursdwang", "sluiting")
NONE = np.array(None, dtype=object)  # a missing value numpy's type hints accept in where()


@dataclass
class Enforcement:
    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    inspections: list[Row] = field(default_factory=list)
    actions: list[Row] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, name: str, start: int = 0) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def location(self) -> str:
        return bag_ids(PLANTED_LOCATION + self.next("location"), 1)[0]

    def inspect(self, location: str, kind: str, day: int, **values: Any) -> Row:
        number = self.next("inspection", 900_000_000)
        row: Row = {
            "inspection_id": f"INS{number:09d}",
            "location_id": location,
            "business_kvk": f"{70_000_000 + int(location[-7:]):08d}",
            "inspection_type": kind,
            "inspector_id": INSPECTORS[kind][number % len(INSPECTORS[kind])],
            "planned_date": self.ctx.day(day),
            "unannounced": False,
            "inspection_date": self.ctx.day(day),
            "result": "geen_overtreding",
        }
        row.update(values)
        self.inspections.append(row)
        return row

    def act(self, inspection: Row, kind: str, day: int, **values: Any) -> Row:
        number = self.next("action", 900_000_000)
        row: Row = {
            "action_id": f"HH{number:09d}",
            "inspection_id": inspection["inspection_id"],
            "action_type": kind,
            "decided_date": self.ctx.day(day),
            "status": "uitgevoerd",
            "decided_by": "toezicht.jurist",
        }
        if kind in ORDERS:
            row.update(
                {"due_date": self.ctx.day(day + 28), "executed_date": self.ctx.day(day + 25)}
            )
        row.update(values)
        self.actions.append(row)
        return row

    def moment(self, day: int, hour: float) -> dt.datetime:
        return dt.datetime.combine(self.ctx.day(day), dt.time()) + dt.timedelta(hours=hour)

    # --- planted anomalies and decoys --------------------------------------------------------
    def no_rotation(self) -> None:
        for number in range(self.ctx.instances):
            place, inspector = self.location(), INSPECTORS["horeca"][number % 2]
            ids = [
                self.inspect(
                    place,
                    "horeca",
                    FIRST_DAY + 365 * year + self.ctx.randint(30, 300),
                    inspector_id=inspector,
                )["inspection_id"]
                for year in range(1, 6)
            ]
            self.data.label("TOE-001", "location", f"{place}/horeca", *ids)
            place = self.location()  # decoy: the one environmental specialist, every year
            ids = [
                self.inspect(place, "milieu", FIRST_DAY + 365 * year + self.ctx.randint(30, 300))[
                    "inspection_id"
                ]
                for year in range(1, 6)
            ]
            self.data.decoy("TOE-001", "location", f"{place}/milieu", *ids)
            place = self.location()  # decoy: a rotation of two with one stand-in (three in a row)
            turns = INSPECTORS["horeca"]
            ids = [
                self.inspect(
                    place,
                    "horeca",
                    FIRST_DAY + 365 * year + self.ctx.randint(30, 300),
                    inspector_id=turns[(year + (year == 3)) % 2],
                )["inspection_id"]
                for year in range(1, 6)
            ]
            self.data.decoy("TOE-001", "location", f"{place}/horeca", *ids)

    def no_follow_up(self) -> None:
        for _ in range(self.ctx.instances):
            day = self.ctx.randint(0, 600)
            found = self.inspect(self.location(), "bouw", day, result="overtreding")
            self.data.label("TOE-002", "inspection", found["inspection_id"], found["inspection_id"])
            late = self.inspect(self.location(), "bouw", day, result="overtreding")  # decoy: day 50
            self.act(late, "waarschuwing", day + 50)
            self.data.decoy("TOE-002", "inspection", late["inspection_id"])
            fixed = self.inspect(self.location(), "bouw", day, result="overtreding_hersteld")
            self.data.decoy("TOE-002", "inspection", fixed["inspection_id"])

    def order_not_executed(self) -> None:
        for number in range(self.ctx.instances):
            day = self.ctx.randint(0, 550)
            found = self.inspect(self.location(), "horeca", day, result="overtreding")
            kind = ("sluiting", "last_onder_dwangsom")[number % 2]
            basis = "Opiumwet art. 13b" if kind == "sluiting" else None
            order = self.act(
                found, kind, day + 10, legal_basis=basis, executed_date=None, status="lopend"
            )
            self.data.label("TOE-003", "action", order["action_id"], order["action_id"])
            found = self.inspect(self.location(), "horeca", day, result="overtreding")
            order = self.act(
                found,
                "sluiting",
                day + 10,
                legal_basis="Opiumwet art. 13b",
                executed_date=None,
                status="geschorst",
            )
            self.data.decoy("TOE-003", "action", order["action_id"])  # suspended by the court

    def tipped_off(self) -> None:
        for number in range(self.ctx.instances):
            day = self.ctx.randint(10, 700)
            if number % 2:
                values: dict[str, Any] = {"announced_at": self.moment(day - 1, 16.5)}
            else:
                values = {
                    "cancelled_at": self.moment(day - 1, 9.0),
                    "cancel_reason": "verzoek_ondernemer",
                    "inspection_date": None,
                    "result": None,
                }
            row = self.inspect(self.location(), "horeca", day, unannounced=True, **values)
            self.data.label("TOE-004", "inspection", row["inspection_id"], row["inspection_id"])
            ill = self.inspect(
                self.location(),
                "horeca",
                day,
                unannounced=True,
                cancelled_at=self.moment(day, 7.5),
                cancel_reason="ziekte",
                inspection_date=None,
                result=None,
            )
            self.data.decoy("TOE-004", "inspection", ill["inspection_id"])  # the inspector fell ill

    def repeat_violation(self) -> None:
        for _ in range(self.ctx.instances):
            day = self.ctx.randint(0, 400)
            place = self.location()
            first = self.inspect(place, "brandveiligheid", day, result="overtreding")
            self.act(first, "waarschuwing", day + 14)
            again = self.inspect(place, "brandveiligheid", day + 150, result="overtreding")
            self.act(again, "waarschuwing", day + 165)
            self.data.label(
                "TOE-005", "location", place, first["inspection_id"], again["inspection_id"]
            )
            place = self.location()  # decoy: the repeat is met with an order
            first = self.inspect(place, "brandveiligheid", day, result="overtreding")
            self.act(first, "waarschuwing", day + 14)
            again = self.inspect(place, "brandveiligheid", day + 150, result="overtreding")
            self.act(again, "last_onder_dwangsom", day + 165)
            self.data.decoy(
                "TOE-005", "location", place, first["inspection_id"], again["inspection_id"]
            )

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng = self.ctx.rng
        places = max(40, self.ctx.records // 7)
        kinds = [rng.integers(0, len(TYPES), places)]
        second = rng.random(places) < 0.3
        pairs = np.concatenate([np.arange(places), np.arange(places)[second]])
        kind = np.concatenate([kinds[0], (kinds[0][second] + 1) % len(TYPES)])
        loc = np.repeat(pairs, 6)
        kind = np.repeat(kind, 6)
        year = np.tile(np.arange(6), len(pairs))
        starts = np.array([(dt.date(2019 + y, 1, 1) - dt.date(2023, 1, 1)).days for y in range(6)])
        day = starts[year] + rng.integers(0, 365, len(year))
        keep = (rng.random(len(year)) < 0.9) & (day < 730)
        loc, kind, year, day = loc[keep], kind[keep], year[keep], day[keep]
        count = len(day)
        roster = np.array([len(INSPECTORS[t]) for t in TYPES])[kind]
        slot = np.where(
            rng.random(count) < 0.99, (loc + year) % roster, rng.integers(0, 3, count) % roster
        )
        names = np.asarray(
            [INSPECTORS[TYPES[k]][s] for k, s in zip(kind.tolist(), slot.tolist(), strict=True)],
            dtype=object,
        )
        unannounced = np.isin(kind, (0, 2)) & (rng.random(count) < 0.4)
        announced = ~unannounced & (rng.random(count) < 0.5)
        roll = rng.random(count)
        cancelled = roll < 0.04
        ill = (roll >= 0.04) & (roll < 0.05)
        cancel_day = np.where(ill, day, day - rng.integers(7, 40, count))
        performed = ~(cancelled | ill)
        outcome = rng.random(count)
        result = np.where(
            outcome < 0.8,
            "geen_overtreding",
            np.where(outcome < 0.95, "overtreding", "overtreding_hersteld"),
        ).astype(object)
        ids = np.asarray([f"INS{i:09d}" for i in range(1, count + 1)], dtype=object)
        location_ids = np.asarray(bag_ids(LOCATION_BASE, places), dtype=object)
        self.data.tables["inspections"] = table(
            "inspections",
            {
                "inspection_id": ids,
                "location_id": location_ids[loc],
                "business_kvk": np.asarray(
                    [f"{71_000_000 + i:08d}" for i in loc.tolist()], dtype=object
                ),
                "inspection_type": np.asarray(TYPES, dtype=object)[kind],
                "inspector_id": names,
                "planned_date": as_dates(day),
                "unannounced": unannounced,
                "announced_at": np.where(
                    announced, as_times(day - rng.integers(7, 21, count), 36_000), None
                ),
                "cancelled_at": np.where(cancelled | ill, as_times(cancel_day, 28_800), None),
                "cancel_reason": np.where(
                    ill, "ziekte", np.where(cancelled, "herplanning", NONE)
                ).astype(object),
                "inspection_date": np.where(performed, as_dates(day), None),
                "result": np.where(performed, result, NONE),
            },
            self.inspections,
        )
        violation = performed & (result != "geen_overtreding")
        self._actions(ids, loc, day, violation, result == "overtreding")

    def _actions(self, ids: Any, loc: Any, day: Any, violation: Any, standing: Any) -> None:
        """Each violation followed up within weeks (unless remedied on the spot); a repeat within
        a year gets an order."""
        rng = self.ctx.rng
        order = np.lexsort((day[violation], loc[violation]))
        found, where, when = ids[violation][order], loc[violation][order], day[violation][order]
        repeat = np.zeros(len(found), dtype=bool)
        repeat[1:] = (where[1:] == where[:-1]) & (when[1:] - when[:-1] <= 365)
        decided = when + rng.integers(10, 45, len(found))
        keep = (decided < 730) & (repeat | standing[violation][order])
        count = int(keep.sum())
        due = decided + 28
        executed = due - rng.integers(0, 10, len(found))
        self.data.tables["enforcement_actions"] = table(
            "enforcement_actions",
            {
                "action_id": np.asarray([f"HH{i:09d}" for i in range(1, count + 1)], dtype=object),
                "inspection_id": found[keep],
                "action_type": np.where(repeat, "last_onder_dwangsom", "waarschuwing").astype(
                    object
                )[keep],
                "decided_date": as_dates(decided[keep]),
                "due_date": np.where(repeat, as_dates(due), None)[keep],
                "executed_date": np.where(repeat & (executed < 730), as_dates(executed), None)[
                    keep
                ],
                "status": np.where(repeat & (executed >= 730), "lopend", "uitgevoerd").astype(
                    object
                )[keep],
                "decided_by": np.full(count, "toezicht.jurist", dtype=object),
            },
            self.actions,
        )


def generate_toezicht(ctx: Context) -> ProcessData:
    builder = Enforcement(ctx)
    builder.no_rotation()
    builder.no_follow_up()
    builder.order_not_executed()
    builder.tipped_off()
    builder.repeat_violation()
    builder.base()
    return builder.data
