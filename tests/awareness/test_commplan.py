"""The communication plan: seeding, the status table and the iCalendar export."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from icalendar import Calendar

from weerbaar.awareness.commplan import (
    TRANSITIONS,
    Channel,
    CommItem,
    ItemStatus,
    may_change,
    seed_items,
    to_ical,
)
from weerbaar.knowledge import load_framework

START = dt.date(2026, 1, 5)


def test_seed_holds_the_secretary_advice_and_only_the_plans_awareness_measures() -> None:
    plan = [("dilemmatraining", 2), ("vier-ogen-betaalbatch", 1), ("gemeentesecretaris-trekker", 1)]
    items = seed_items(load_framework(), plan, START)
    sources = [item.source for item in items]
    assert {"advice:college", "advice:mt", "advice:council", "advice:staff"} <= set(sources)
    assert "measure:dilemmatraining" in sources and "measure:gemeentesecretaris-trekker" in sources
    assert "measure:vier-ogen-betaalbatch" not in sources
    assert [item.moment for item in items] == sorted(item.moment for item in items)
    training = next(i for i in items if i.source == "measure:dilemmatraining")
    assert training.moment == START + dt.timedelta(days=91)
    college = next(i for i in items if i.source == "advice:college")
    assert college.owner == "Gemeentesecretaris" and college.channel is Channel.COLLEGE
    english = seed_items(load_framework(), plan, START, "en")
    assert english[0].owner in {"Municipal secretary", "Integrity coordinator", "Mayor"}


@pytest.mark.parametrize(("old", "new"), list(itertools.product(ItemStatus, ItemStatus)))
def test_status_changes_follow_the_table(old: ItemStatus, new: ItemStatus) -> None:
    assert may_change(old, new) == (old == new or new in TRANSITIONS[old])


def test_the_ical_export_has_one_dated_event_per_item() -> None:
    items = [
        CommItem("Uitkomsten", "College", Channel.COLLEGE, START, "Gemeentesecretaris", uid="a@x"),
        CommItem(
            "Vervallen", "Raad", Channel.COUNCIL, START, "Burgemeester", ItemStatus.DROPPED, uid="b"
        ),
    ]
    calendar = Calendar.from_ical(to_ical(items, "Communicatieplan Voorbeeld"))
    events = calendar.walk("VEVENT")
    assert [str(e["uid"]) for e in events] == ["a@x", "b"]
    assert events[0].decoded("dtstart") == START
    assert str(events[1]["status"]) == "CANCELLED"
    assert "Gemeentesecretaris" in str(events[0]["description"])
    assert str(calendar["x-wr-calname"]) == "Communicatieplan Voorbeeld"
