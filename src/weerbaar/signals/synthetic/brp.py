"""BRP of Gemeente Voorbeeld: households living at BAG addresses, moving, registered by clerks.

Ordinary data: each dwelling has one household (a floor area that fits it) that moved in long
ago; some households leave in the period and another moves in; a few care homes have residents
arriving and dying one by one; offices and shops have nobody living there. Every household move
is processed by one clerk in one visit. Planted: an overcrowded dwelling (BRP-001), a
'doorloopadres' (BRP-002), a burst of separate arrivals (BRP-003), people living in a business
unit (BRP-004) and a clerk who registers everyone at a few addresses (BRP-005). Decoys beside each.
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
    as_times,
    bag_ids,
    bsns,
    choose,
    demo_pseudonym,
    table,
)

CLERKS = tuple(f"burgerzaken.medewerker{n}" for n in range(1, 5))
FRAUD_CLERK = "burgerzaken.medewerker5"
SIZES = np.array([1, 2, 3, 4, 5])
SIZE_WEIGHTS = np.array([0.3, 0.35, 0.15, 0.15, 0.05])
ADDRESS_BASE = 1_000_000
PLANTED_ADDRESS = 5_000_000
PERSON_BASE = 3_000_000


@dataclass
class Population:
    ctx: Context
    data: ProcessData = field(default_factory=ProcessData)
    rows: list[Row] = field(default_factory=list)
    bag: list[Row] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)

    def next(self, name: str, start: int = 0) -> int:
        self.counters[name] = self.counters.get(name, start) + 1
        return self.counters[name]

    def address(self, area: int, *uses: str) -> str:
        number = self.next("address")
        ident = bag_ids(PLANTED_ADDRESS + number, 1)[0]
        for use in uses or ("woonfunctie",):
            self.bag.append(
                {
                    "adresseerbaarObjectIdentificatie": ident,
                    "gebruiksdoel": use,
                    "oppervlakte": area,
                }
            )
        return ident

    def person(self) -> str:
        return f"PERSON-{self.next('person')}"  # replaced by a BSN when the table is built

    def register(
        self,
        address: str,
        people: int,
        day: int,
        *,
        until: int | None = None,
        kind: str = "inschrijving",
        clerk: str | None = None,
        function: str = "W",
    ) -> list[str]:
        """One household event: ``people`` persons registered at ``address`` on ``day``."""
        clerk = clerk or self.ctx.pick(CLERKS)
        when = as_times([day], [self.ctx.randint(8 * 3600 + 1800, 16 * 3600)])[0]
        ids = []
        for _ in range(people):
            number = self.next("mutation", 800_000_000)
            ident = f"MUT{number:09d}"
            self.rows.append(
                {
                    "mutation_id": ident,
                    "burgerservicenummer": self.person(),
                    "mutation_type": kind,
                    "adresseerbaarObjectIdentificatie": address,
                    "functieAdres": function,
                    "datumVan": self.ctx.day(day),
                    "datumTot": None if until is None else self.ctx.day(until),
                    "registered_at": when,
                    "registered_by": clerk,
                }
            )
            ids.append(ident)
        return ids

    # --- planted anomalies and decoys --------------------------------------------------------
    def overcrowded(self) -> None:
        for _ in range(self.ctx.instances):
            flat = self.address(self.ctx.randint(45, 60))
            start = self.ctx.randint(0, 300)
            ids = [
                i
                for step in range(7)
                for i in self.register(flat, 1, start + 55 * step, kind="inschrijving")
            ]
            self.data.label("BRP-001", "address", flat, *ids)
            house = self.address(self.ctx.randint(210, 240))  # decoy: a family of eight
            family = self.register(house, 7, start, kind="verhuizing")
            family += self.register(house, 1, start + 200, kind="geboorte")
            self.data.decoy("BRP-001", "address", house, *family)

    def revolving_door(self) -> None:
        for _ in range(self.ctx.instances):
            place = self.address(self.ctx.randint(70, 90))
            start = self.ctx.randint(0, 350)
            ids = [
                i
                for step in range(4)
                for i in self.register(place, 1, start + 95 * step, until=start + 95 * step + 60)
            ]
            self.data.label("BRP-002", "address", place, *ids)
            home = self.address(self.ctx.randint(110, 140))  # decoy: one family, in and out
            family = self.register(home, 4, start, until=start + 150, kind="verhuizing")
            self.data.decoy("BRP-002", "address", home, *family)

    def arrival_burst(self) -> None:
        for _ in range(self.ctx.instances):
            place = self.address(self.ctx.randint(120, 150))
            start = self.ctx.randint(0, 600)
            ids = [
                i
                for offset, people in ((0, 2), (12, 1), (30, 1), (55, 1))
                for i in self.register(place, people, start + offset)
            ]
            self.data.label("BRP-003", "address", place, *ids)
            home = self.address(self.ctx.randint(150, 180))  # decoy: a family of five and a baby
            family = self.register(home, 5, start, kind="verhuizing")
            family += self.register(home, 1, start + 40, kind="geboorte")
            self.data.decoy("BRP-003", "address", home, *family)

    def not_a_dwelling(self) -> None:
        for _ in range(self.ctx.instances):
            unit = self.address(self.ctx.randint(250, 400), "industriefunctie")
            day = self.ctx.randint(0, 650)
            ids = [i for step in range(3) for i in self.register(unit, 1, day + 20 * step)]
            self.data.label("BRP-004", "address", unit, *ids)
            office = self.address(self.ctx.randint(300, 500), "kantoorfunctie")  # decoy: briefadres
            post = [
                i
                for step in range(3)
                for i in self.register(office, 1, day + 20 * step, function="B")
            ]
            self.data.decoy("BRP-004", "address", office, *post)

    def one_clerk(self) -> None:
        for number in range(self.ctx.instances):
            clerk = f"burgerzaken.extern{number + 1}"
            ids = []
            for _ in range(2):
                place = self.address(self.ctx.randint(220, 260))
                start = self.ctx.randint(0, 200)
                for step in range(5):
                    ids += self.register(place, 1, start + 100 * step, clerk=clerk)
            self.data.label("BRP-005", "employee", demo_pseudonym(clerk), *ids)
            household = self.address(self.ctx.randint(200, 240))  # decoy: six people, one visit
            decoy_clerk = f"burgerzaken.balie{number + 1}"
            ids = self.register(household, 6, self.ctx.randint(0, 650), clerk=decoy_clerk)
            self.data.decoy("BRP-005", "employee", demo_pseudonym(decoy_clerk), *ids)

    # --- ordinary records ------------------------------------------------------------------
    def base(self) -> None:
        rng = self.ctx.rng
        homes = max(120, self.ctx.records * 10 // 27)
        size = rng.choice(SIZES, homes, p=SIZE_WEIGHTS)
        newcomers = rng.choice(SIZES, homes, p=SIZE_WEIGHTS)
        largest = np.maximum(size, newcomers)
        area = np.maximum(np.round(np.exp(rng.normal(np.log(95), 0.35, homes))), 20 * largest + 25)
        moved_in = rng.integers(-8000, -30, homes)
        leaves = rng.random(homes) < 0.12
        left = rng.integers(20, 700, homes)
        arrived = left + rng.integers(0, 30, homes)
        ids = np.asarray(bag_ids(ADDRESS_BASE, homes), dtype=object)
        stock = self._households(ids, size, moved_in, np.where(leaves, left, -1), "verhuizing")
        new = self._households(
            ids[leaves], newcomers[leaves], arrived[leaves], None, "inschrijving"
        )
        care = self._care_homes(max(1, homes // 800))
        columns = {
            name: np.concatenate([part[name] for part in (stock, new, care)]) for name in stock
        }
        self._write(columns, ids, area)

    def _households(self, ids: Any, size: Any, day: Any, until: Any, kind: str) -> dict[str, Any]:
        """One row per person of each household; a household is one event of one clerk."""
        rng = self.ctx.rng
        who = np.repeat(np.arange(len(ids)), size)
        clerk = choose(rng, CLERKS, len(ids))
        seconds = rng.integers(8 * 3600 + 1800, 16 * 3600, len(ids))
        ended = None if until is None else np.where(until[who] >= 0, until[who], -1)
        return {
            "mutation_type": np.full(len(who), kind, dtype=object),
            "adresseerbaarObjectIdentificatie": ids[who],
            "datumVan": day[who],
            "datumTot": np.full(len(who), -1) if ended is None else ended,
            "registered_day": day[who] + rng.integers(0, 4, len(ids))[who],
            "seconds": seconds[who],
            "registered_by": clerk[who],
        }

    def _care_homes(self, count: int) -> dict[str, Any]:
        """Residents arriving one by one; about half die in the period and are replaced."""
        rng = self.ctx.rng
        parts: list[dict[str, Any]] = []
        for _ in range(count):
            home = self.address(self.ctx.randint(2500, 4000), "gezondheidszorgfunctie")
            residents = self.ctx.randint(40, 80)
            day = rng.integers(-3000, 0, residents)
            dies = rng.random(residents) < 0.5
            died = rng.integers(0, 700, residents)
            ids = np.asarray([home], dtype=object)
            stock = self._households(
                np.repeat(ids, residents),
                np.ones(residents, int),
                day,
                np.where(dies, died, -1),
                "verhuizing",
            )
            new = self._households(
                np.repeat(ids, int(dies.sum())),
                np.ones(int(dies.sum()), int),
                died[dies] + rng.integers(5, 40, int(dies.sum())),
                None,
                "inschrijving",
            )
            parts += [stock, new]
        return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}

    def _write(self, columns: dict[str, Any], ids: Any, area: Any) -> None:
        rng = self.ctx.rng
        rows = len(columns["datumVan"])
        people = bsns(rng, rows + len(self.rows), PERSON_BASE)
        planted = {f"PERSON-{n + 1}": bsn for n, bsn in enumerate(people[rows:])}
        for row in self.rows:
            row["burgerservicenummer"] = planted[row["burgerservicenummer"]]
        ended = columns["datumTot"]
        self.data.tables["brp_mutations"] = table(
            "brp_mutations",
            {
                "mutation_id": np.asarray(
                    [f"MUT{i:09d}" for i in range(1, rows + 1)], dtype=object
                ),
                "burgerservicenummer": np.asarray(people[:rows], dtype=object),
                "mutation_type": columns["mutation_type"],
                "adresseerbaarObjectIdentificatie": columns["adresseerbaarObjectIdentificatie"],
                "functieAdres": np.full(rows, "W", dtype=object),
                "datumVan": as_dates(columns["datumVan"]),
                "datumTot": np.where(ended >= 0, as_dates(np.maximum(ended, 0)), None),
                "registered_at": as_times(columns["registered_day"], columns["seconds"]),
                "registered_by": columns["registered_by"],
            },
            self.rows,
        )
        uses = rng.random(len(ids))
        mixed = uses < 0.03
        bag = {
            "adresseerbaarObjectIdentificatie": np.concatenate([ids, ids[mixed]]),
            "gebruiksdoel": np.concatenate(
                [
                    np.full(len(ids), "woonfunctie", dtype=object),
                    np.full(int(mixed.sum()), "winkelfunctie", dtype=object),
                ]
            ),
            "oppervlakte": np.concatenate([area, area[mixed]]).astype(np.int64),
        }
        offices = max(10, len(ids) // 25)
        office_ids = np.asarray(bag_ids(ADDRESS_BASE + len(ids), offices), dtype=object)
        bag["adresseerbaarObjectIdentificatie"] = np.concatenate(
            [bag["adresseerbaarObjectIdentificatie"], office_ids]
        )
        bag["gebruiksdoel"] = np.concatenate(
            [
                bag["gebruiksdoel"],
                choose(rng, ("kantoorfunctie", "winkelfunctie", "industriefunctie"), offices),
            ]
        )
        bag["oppervlakte"] = np.concatenate([bag["oppervlakte"], rng.integers(80, 2000, offices)])
        self.data.tables["bag_addresses"] = table("bag_addresses", bag, self.bag)


def generate_brp(ctx: Context) -> ProcessData:
    population = Population(ctx)
    population.overcrowded()
    population.revolving_door()
    population.arrival_burst()
    population.not_a_dwelling()
    population.one_clerk()
    population.base()
    return population.data
