"""The access log of Gemeente Voorbeeld: employees looking up residents' records for cases.

Ordinary data: each employee works weekdays in office hours at their own pace, mostly in their
own system, nearly always for a case (a few look-ups without one, most followed by the case);
colleagues and office-holders are looked up only for a case; an evening team works late; on one
busy day everyone looks up twice as much. Planted: browsing records without a case (LOG-001), a
spike against one's own baseline (LOG-002), looking up a colleague or office-holder without a
case (LOG-003), look-ups late in the evening by a day worker (LOG-004). Decoys beside each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from weerbaar.signals.synthetic.identity import employee_ids
from weerbaar.signals.synthetic.process import (
    Context,
    ProcessData,
    Row,
    as_times,
    bsns,
    choose,
    demo_pseudonym,
    table,
    workdays,
)

SYSTEMS = ("BRP", "zaaksysteem", "sociaal domein", "belastingen")
EVENING_TEAM = employee_ids(21, 3)
PERSON_BASE = 9_000_000
PROTECTED_BASE = 12_000_000
BUSY_DAY = 400


@dataclass
class Log:
    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    rows: list[Row] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    staff: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.staff = employee_ids(20, min(99, max(45, self.ctx.records // 10_000)))
        self.ctx.instances = min(self.ctx.instances, len(self.staff) // 9)

    def next(self, name: str, start: int = 0) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def employee(self) -> str:
        """A staff member no other plant uses (plants of one rule stay apart)."""
        free = [name for name in self.staff if name not in self.used]
        name = free[self.ctx.randint(0, len(free))]
        self.used.add(name)
        return name

    def record(self) -> str:
        return bsns(np.random.default_rng(0), 1, PERSON_BASE + 7 * self.next("record"))[0]

    def look(
        self, employee: str, record: str, day: int, hour: float, case: str | None = "Z-PLANT"
    ) -> Row:
        number = self.next("event", 900_000_000)
        moment = dt.datetime.combine(self.ctx.day(day), dt.time()) + dt.timedelta(hours=hour)
        row: Row = {
            "event_id": f"LOG{number:010d}",
            "accessed_at": moment,
            "employee_id": employee,
            "system": "BRP",
            "record_id": record,
            "case_id": None if case is None else f"{case}-{number}",
            "action": "raadplegen",
        }
        self.rows.append(row)
        return row

    def day(self) -> int:
        return int(workdays([self.ctx.randint(0, 700)])[0])

    # --- planted anomalies and decoys --------------------------------------------------------
    def without_case(self) -> None:
        for _ in range(self.ctx.instances):
            employee, start = self.employee(), self.day()
            ids = [
                self.look(
                    employee,
                    self.record(),
                    int(workdays([start + 2 * step])[0]),
                    11 + step / 3,
                    None,
                )["event_id"]
                for step in range(6)
            ]
            self.data.label("LOG-001", "employee", demo_pseudonym(employee), *ids)
            employee = self.employee()  # decoy: counter visits whose case is opened a day later
            ids = []
            for step in range(6):
                record, day = self.record(), int(workdays([start + 2 * step])[0])
                ids.append(self.look(employee, record, day, 10.0, None)["event_id"])
                self.look(employee, record, int(workdays([day + 1])[0]), 9.5)
            self.data.decoy("LOG-001", "employee", demo_pseudonym(employee), *ids)

    def spike(self, pace: float) -> None:
        for _ in range(self.ctx.instances):
            employee, day = self.employee(), self.day()
            count = max(40, int(8 * pace))
            ids = [
                self.look(employee, self.record(), day, 8.5 + 8 * step / count)["event_id"]
                for step in range(count)
            ]
            self.data.label("LOG-002", "employee", demo_pseudonym(employee), *ids)
        for _ in range(self.ctx.instances):  # decoys: everyone's busy day
            self.data.decoy("LOG-002", "employee", demo_pseudonym(self.employee()))

    def protected(self, colleagues: list[str]) -> None:
        for number in range(self.ctx.instances):
            employee, day = self.employee(), self.day()
            target = colleagues[number % len(colleagues)]
            ids = [
                self.look(employee, target, day + step, 12.0, None)["event_id"] for step in (0, 3)
            ]
            self.data.label(
                "LOG-003", "access", f"{demo_pseudonym(employee)}/{demo_pseudonym(target)}", *ids
            )
            other = self.employee()  # decoy: a colleague who moved house, looked up for the case
            target = colleagues[(number + 7) % len(colleagues)]
            event = self.look(other, target, day, 10.0)
            self.data.decoy(
                "LOG-003",
                "access",
                f"{demo_pseudonym(other)}/{demo_pseudonym(target)}",
                event["event_id"],
            )

    def late_evening(self) -> None:
        for _ in range(self.ctx.instances):
            employee, day = self.employee(), self.day()
            ids = [
                self.look(employee, self.record(), day, 22.0 + step / 3)["event_id"]
                for step in range(4)
            ]
            self.data.label("LOG-004", "employee", demo_pseudonym(employee), *ids)
        for name in EVENING_TEAM:
            self.data.decoy("LOG-004", "employee", demo_pseudonym(name))

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng, count = self.ctx.rng, self.ctx.records
        staff = np.asarray([*self.staff, *EVENING_TEAM], dtype=object)
        pace = rng.uniform(0.5, 1.5, len(staff))
        who = rng.choice(len(staff), count, p=pace / pace.sum())
        day = workdays(rng.integers(0, 729, count))
        busy = rng.random(count) < 0.0025  # one busy day: about one and a half times the usual
        day = np.where(busy, BUSY_DAY, day)
        evening = (who >= len(self.staff)) & (rng.random(count) < 0.4)
        seconds = np.where(
            evening,
            rng.integers(18 * 3600, 23 * 3600, count),
            rng.integers(8 * 3600, 17 * 3600 + 1800, count),
        )
        main = rng.integers(0, len(SYSTEMS), len(staff))
        system = np.where(rng.random(count) < 0.7, main[who], rng.integers(0, len(SYSTEMS), count))
        records = np.asarray(bsns(rng, max(3000, count // 3), PERSON_BASE * 3), dtype=object)
        caseless = rng.random(count) < 0.003
        case = np.char.add("Z-", rng.integers(100_000, 999_999, count).astype(str)).astype(object)
        case[caseless] = None
        self.data.tables["access_log"] = table(
            "access_log",
            {
                "event_id": np.asarray([f"LOG{i:010d}" for i in range(1, count + 1)], dtype=object),
                "accessed_at": as_times(day, seconds),
                "employee_id": staff[who],
                "system": np.asarray(SYSTEMS, dtype=object)[system],
                "record_id": records[rng.integers(0, len(records), count)],
                "case_id": case,
                "action": choose(rng, ("raadplegen",) * 8 + ("wijzigen", "afdrukken"), count),
            },
            self.rows,
        )

    def protected_people(self) -> dict[str, list[str]]:
        rng = np.random.default_rng(self.ctx.randint(0, 2**31))
        people = bsns(rng, len(self.staff) + 20, PROTECTED_BASE)
        groups = {
            "medewerker": people[: len(self.staff)],
            "ambtsdrager": people[len(self.staff) : len(self.staff) + 15],
            "signaallijst": people[len(self.staff) + 15 :],
        }
        self.data.tables["protected_records"] = table(
            "protected_records",
            {
                "record_id": np.asarray(
                    [p for group in groups.values() for p in group], dtype=object
                ),
                "category": np.asarray(
                    [name for name, group in groups.items() for _ in group], dtype=object
                ),
            },
        )
        return groups


def generate_informatie(ctx: Context) -> ProcessData:
    log = Log(ctx)
    groups = log.protected_people()
    log.without_case()
    log.spike(ctx.records / (len(log.staff) * 520))
    log.protected([*groups["medewerker"], *groups["ambtsdrager"]])
    log.late_evening()
    log.base()
    return log.data
