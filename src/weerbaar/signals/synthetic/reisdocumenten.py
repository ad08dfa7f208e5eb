"""Travel documents of Gemeente Voorbeeld: applications at the counter, hand-outs, losses.

Ordinary data: intake and hand-out by two different clerks during opening hours (weekdays 9–17,
Thursday evening until 20:00); about one applicant in twenty-five lives elsewhere, twice as many
in June and July; an old document is handed in at renewal; now and then one is lost. Planted:
three losses in five years (RD-001), a loss soon after issue (RD-002), intake and hand-out by one
clerk (RD-003), a hand-out outside opening hours (RD-004), a clerk with a burst of applications
for non-residents (RD-005). Decoys beside each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from weerbaar.signals.synthetic.process import (
    PERIOD_START,
    Context,
    ProcessData,
    Row,
    as_dates,
    as_times,
    bsns,
    choose,
    demo_pseudonym,
    table,
    workdays,
)

CLERKS = tuple(f"reisdocumenten.medewerker{n}" for n in range(1, 7))
RNI_CLERK = "reisdocumenten.rni-loket"
PERSON_BASE = 6_000_000
LETTERS = np.array(list("BCDFGHJKLNPRSTVXZ"))


def office_seconds(rng: np.random.Generator, offsets: Any) -> Any:
    """A time within opening hours; on Thursdays one in three in the evening opening."""
    offsets = np.asarray(offsets)
    day = rng.integers(9 * 3600, 16 * 3600 + 1800, len(offsets))
    evening = rng.integers(17 * 3600 + 1800, 19 * 3600 + 2700, len(offsets))
    thursday = ((PERIOD_START.weekday() + offsets) % 7 == 3) & (rng.random(len(offsets)) < 0.33)
    return np.where(thursday, evening, day)


def document_numbers(start: int, count: int) -> list[str]:
    return [f"{LETTERS[n % 17]}{LETTERS[n // 17 % 17]}{n:07d}" for n in range(start, start + count)]


@dataclass
class Counter:
    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    applications: list[Row] = field(default_factory=list)
    reports: list[Row] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, name: str, start: int = 0) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def holder(self) -> str:
        return bsns(np.random.default_rng(0), 1, PERSON_BASE + self.next("holder") * 3)[0]

    def moment(self, day: int, hour: float) -> dt.datetime:
        return dt.datetime.combine(self.ctx.day(day), dt.time()) + dt.timedelta(hours=hour)

    def apply(self, bsn: str, day: int, **values: Any) -> Row:
        day = int(workdays([day])[0])
        issued = int(workdays([day + 8])[0])
        intake, issuer = self.ctx.rng.choice(len(CLERKS), 2, replace=False)
        number = self.next("application", 900_000_000)
        row: Row = {
            "application_id": f"RD{number:09d}",
            "burgerservicenummer": bsn,
            "soort": "PN",
            "reisdocumentnummer": f"P{number % 100_000_000:08d}",  # never a base number
            "ingezetene": True,
            "received_at": self.moment(day, 10.5),
            "received_by": CLERKS[int(intake)],
            "issued_at": self.moment(issued, 14.25),
            "issued_by": CLERKS[int(issuer)],
        }
        row.update(values)
        self.applications.append(row)
        return row

    def report(self, bsn: str, day: int, aanduiding: str = "V", document: str | None = None) -> Row:
        number = self.next("report", 900_000_000)
        row: Row = {
            "report_id": f"VM{number:09d}",
            "burgerservicenummer": bsn,
            "reisdocumentnummer": document,
            "report_date": self.ctx.day(day),
            "aanduiding": aanduiding,
            "reported_by": self.ctx.pick(CLERKS),
        }
        self.reports.append(row)
        return row

    # --- planted anomalies and decoys --------------------------------------------------------
    def repeated_losses(self) -> None:
        for _ in range(self.ctx.instances):
            bsn = self.holder()
            start = self.ctx.randint(0, 150)
            ids = [self.report(bsn, start + gap)["report_id"] for gap in (0, 230, 520)]
            self.data.label("RD-001", "holder", demo_pseudonym(bsn), *ids)
            bsn = self.holder()  # decoy: passport and identity card stolen together, one more loss
            ids = [self.report(bsn, start + gap)["report_id"] for gap in (0, 0, 400)]
            self.data.decoy("RD-001", "holder", demo_pseudonym(bsn), *ids)
            bsn = self.holder()  # decoy: three documents handed in at renewal
            ids = [self.report(bsn, start + gap, "I")["report_id"] for gap in (0, 200, 450)]
            self.data.decoy("RD-001", "holder", demo_pseudonym(bsn), *ids)

    def early_loss(self) -> None:
        for decoy in (False, True):
            for _ in range(self.ctx.instances):
                bsn = self.holder()
                app = self.apply(bsn, self.ctx.randint(0, 600))
                issued = (app["issued_at"].date() - PERIOD_START).days
                gap = self.ctx.randint(50, 90) if decoy else self.ctx.randint(3, 25)
                loss = self.report(bsn, issued + gap, document=app["reisdocumentnummer"])
                if decoy:  # lost two months after issue
                    self.data.decoy("RD-002", "report", loss["report_id"])
                else:
                    self.data.label("RD-002", "report", loss["report_id"], loss["report_id"])

    def same_clerk(self) -> None:
        for _ in range(self.ctx.instances):
            clerk = self.ctx.pick(CLERKS)
            app = self.apply(
                self.holder(), self.ctx.randint(0, 700), received_by=clerk, issued_by=clerk
            )
            self.data.label("RD-003", "application", app["application_id"], app["application_id"])
            bsn, other = self.holder(), self.ctx.pick([c for c in CLERKS if c != clerk])
            day = self.ctx.randint(0, 700)  # decoy: two applications, the clerks swap roles
            first = self.apply(bsn, day, received_by=clerk, issued_by=other)
            second = self.apply(bsn, day, soort="NI", received_by=other, issued_by=clerk)
            for row in (first, second):
                self.data.decoy("RD-003", "application", row["application_id"])

    def after_hours(self) -> None:
        for _ in range(self.ctx.instances):
            day = self.ctx.randint(0, 690)
            saturday = day + (5 - (PERIOD_START.weekday() + day) % 7) % 7
            when = (
                self.moment(saturday, 11.2)
                if self.ctx.randint(0, 2)
                else self.moment(int(workdays([day])[0]), 21.6)
            )
            app = self.apply(self.holder(), day - 9, issued_at=when)
            self.data.label("RD-004", "application", app["application_id"], app["application_id"])
            thursday = day + (3 - (PERIOD_START.weekday() + day) % 7) % 7
            decoy = self.apply(self.holder(), day - 9, issued_at=self.moment(thursday, 19.25))
            self.data.decoy("RD-004", "application", decoy["application_id"])

    def non_resident_burst(self, volume: Any) -> None:
        """A clerk takes in many applications of non-residents in one month (volume: the
        ordinary intakes per clerk and month)."""
        months = self.ctx.rng.permutation(22)[: len(CLERKS)] + 1
        for number in range(min(self.ctx.instances, len(CLERKS) - 1)):
            clerk = CLERKS[number]
            month = int(months[number])  # a calendar month, February 2023 to November 2024
            first = dt.date(2023 + month // 12, month % 12 + 1, 1)
            start = (first - PERIOD_START).days
            burst = max(20, int(0.3 * volume))
            ids = [
                self.apply(
                    self.holder(),
                    start + self.ctx.randint(0, 25),
                    received_by=clerk,
                    issued_by=CLERKS[(number + 1) % len(CLERKS)],
                    ingezetene=False,
                )["application_id"]
                for _ in range(burst)
            ]
            self.data.label("RD-005", "employee", demo_pseudonym(clerk), *ids)
        self.data.decoy("RD-005", "employee", demo_pseudonym(RNI_CLERK))

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng, count = self.ctx.rng, self.ctx.records
        month = (np.datetime64(PERIOD_START) + np.arange(731)).astype("datetime64[M]").astype(
            int
        ) % 12 + 1
        weight = np.where((month >= 4) & (month <= 8), 1.5, 1.0)
        day = workdays(rng.choice(731, count, p=weight / weight.sum()))
        issued = workdays(day + rng.integers(6, 12, count))
        rni = rng.random(count) < 0.03
        clerk = rng.integers(0, len(CLERKS), count)
        issuer = (clerk + 1 + rng.integers(0, len(CLERKS) - 1, count)) % len(CLERKS)
        summer = np.isin(month[np.minimum(day, 730)], (6, 7))
        outside = np.where(
            rni, rng.random(count) < 0.7, rng.random(count) < np.where(summer, 0.08, 0.04)
        )
        received_by = np.where(rni, RNI_CLERK, np.asarray(CLERKS, dtype=object)[clerk]).astype(
            object
        )
        holders = np.asarray(bsns(rng, count, PERSON_BASE * 2), dtype=object)
        who = rng.integers(0, max(1, int(count * 0.85)), count)
        numbers = np.asarray(document_numbers(0, count), dtype=object)
        columns = {
            "application_id": np.asarray([f"RD{i:09d}" for i in range(1, count + 1)], dtype=object),
            "burgerservicenummer": holders[who],
            "soort": choose(rng, ("PN", "NI", "NI"), count),
            "reisdocumentnummer": numbers,
            "ingezetene": ~outside,
            "received_at": as_times(day, office_seconds(rng, day)),
            "received_by": received_by,
            "issued_at": as_times(issued, office_seconds(rng, issued)),
            "issued_by": np.asarray(CLERKS, dtype=object)[issuer],
        }
        self.non_resident_burst(count / len(CLERKS) / 24 * 0.97)
        self.data.tables["document_applications"] = table(
            "document_applications", columns, self.applications
        )
        handed_in = rng.random(count) < 0.3
        lost = rng.random(count) < 0.012
        lost_day = issued + np.round(rng.exponential(500, count)).astype(int) + 1
        lost &= lost_day < 731
        reports = int(handed_in.sum() + lost.sum())
        self.data.tables["loss_reports"] = table(
            "loss_reports",
            {
                "report_id": np.asarray(
                    [f"VM{i:09d}" for i in range(1, reports + 1)], dtype=object
                ),
                "burgerservicenummer": np.concatenate(
                    [holders[who][handed_in], holders[who][lost]]
                ),
                "reisdocumentnummer": np.concatenate(
                    [np.full(int(handed_in.sum()), None, dtype=object), numbers[lost]]
                ),
                "report_date": as_dates(np.concatenate([day[handed_in], lost_day[lost]])),
                "aanduiding": np.concatenate(
                    [
                        np.full(int(handed_in.sum()), "I", dtype=object),
                        np.full(int(lost.sum()), "V", dtype=object),
                    ]
                ),
                "reported_by": choose(rng, CLERKS, reports),
            },
            self.reports,
        )


def generate_reisdocumenten(ctx: Context) -> ProcessData:
    counter = Counter(ctx)
    counter.repeated_losses()
    counter.early_loss()
    counter.same_clerk()
    counter.after_hours()
    counter.base()
    return counter.data
