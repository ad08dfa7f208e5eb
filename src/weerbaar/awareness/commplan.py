"""The communication plan: who tells whom what, through which channel, when, and how far it got.

Each municipality keeps its own editable plan. :func:`seed_items` proposes the first version:
the study's advice on the gemeentesecretaris's driving role (recommendation 3: awareness and
communication) plus one item per awareness measure in the accepted action plan. Item states
follow :data:`TRANSITIONS`; :func:`to_ical` exports the dated items as an iCalendar file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from icalendar import Calendar, Event

from weerbaar.knowledge.models import Framework

AWARENESS_THEME = "bewustzijn"


class ItemStatus(StrEnum):
    PLANNED = "planned"
    PREPARED = "prepared"
    DONE = "done"
    DROPPED = "dropped"


class Channel(StrEnum):
    MEETING = "meeting"
    COLLEGE = "college"
    COUNCIL = "council"
    TEAM = "team"
    INTRANET = "intranet"
    EMAIL = "email"
    SESSION = "session"
    OTHER = "other"


CHANNEL_NAMES: dict[Channel, tuple[str, str]] = {
    Channel.MEETING: ("MT-overleg", "Management meeting"),
    Channel.COLLEGE: ("Collegevergadering", "Executive meeting"),
    Channel.COUNCIL: ("Besloten raadsbijeenkomst", "Closed council session"),
    Channel.TEAM: ("Teamoverleg", "Team meeting"),
    Channel.INTRANET: ("Intranet", "Intranet"),
    Channel.EMAIL: ("E-mail", "Email"),
    Channel.SESSION: ("Bijeenkomst of training", "Meeting or training"),
    Channel.OTHER: ("Anders", "Other"),
}
STATUS_NAMES: dict[ItemStatus, tuple[str, str]] = {
    ItemStatus.PLANNED: ("Gepland", "Planned"),
    ItemStatus.PREPARED: ("Voorbereid", "Prepared"),
    ItemStatus.DONE: ("Uitgevoerd", "Done"),
    ItemStatus.DROPPED: ("Vervallen", "Dropped"),
}
# status -> the statuses it may change to (reopening a done or dropped item is allowed).
TRANSITIONS: dict[ItemStatus, frozenset[ItemStatus]] = {
    ItemStatus.PLANNED: frozenset({ItemStatus.PREPARED, ItemStatus.DONE, ItemStatus.DROPPED}),
    ItemStatus.PREPARED: frozenset({ItemStatus.PLANNED, ItemStatus.DONE, ItemStatus.DROPPED}),
    ItemStatus.DONE: frozenset({ItemStatus.PLANNED}),
    ItemStatus.DROPPED: frozenset({ItemStatus.PLANNED}),
}


def may_change(old: ItemStatus, new: ItemStatus) -> bool:
    """Whether an item may go from ``old`` to ``new`` (staying the same is always allowed)."""
    return old == new or new in TRANSITIONS[old]


@dataclass(frozen=True)
class CommItem:
    message: str
    audience: str
    channel: Channel
    moment: dt.date
    owner: str
    status: ItemStatus = ItemStatus.PLANNED
    source: str = ""
    uid: str = field(default="", compare=False)


def _pick(lang: str, pair: tuple[str, str]) -> str:
    return pair[1] if lang == "en" else pair[0]


# The study's advice (recommendation 3, the gemeentesecretaris as driver): (owner, audience,
# message, channel, days after the start).
ADVICE: tuple[tuple[str, tuple[str, str], tuple[str, str], tuple[str, str], Channel, int], ...] = (
    (
        "advice:college",
        ("Gemeentesecretaris", "Municipal secretary"),
        ("College van B&W", "Executive"),
        (
            "Uitkomsten van de scan, de grootste kwetsbaarheden en het actieplan; vraagt om "
            "vaststelling, capaciteit en een vaste plek op de B&W-agenda.",
            "Scan results, largest vulnerabilities and the action plan; asks for adoption, "
            "capacity and a standing item on the executive's agenda.",
        ),
        Channel.COLLEGE,
        7,
    ),
    (
        "advice:mt",
        ("Gemeentesecretaris", "Municipal secretary"),
        ("Managementteam", "Management team"),
        (
            "Uitkomsten per proces, een eigenaar per maatregel en de planning per kwartaal; "
            "leidinggevenden bespreken integriteit en ondermijning in hun teams.",
            "Results per process, an owner per measure and the quarterly schedule; managers "
            "discuss integrity and organised crime in their teams.",
        ),
        Channel.MEETING,
        14,
    ),
    (
        "advice:council",
        ("Burgemeester", "Mayor"),
        ("Gemeenteraad", "Municipal council"),
        (
            "Het totaalbeeld en de aanpak in een besloten bijeenkomst; geen details over zwakke "
            "plekken in openbare stukken.",
            "The overall picture and the approach in a closed session; no details of weak spots "
            "in public documents.",
        ),
        Channel.COUNCIL,
        30,
    ),
    (
        "advice:staff",
        ("Gemeentesecretaris", "Municipal secretary"),
        ("Alle medewerkers", "All staff"),
        (
            "Dat ondermijning ook in onze gemeente voorkomt, welke signalen ertoe doen en waar je "
            "ze meldt (vertrouwenspersoon, meldpunt); met de pulsmeting als nulmeting.",
            "That organised crime happens in our municipality too, which signals matter and "
            "where to report them (confidential adviser, reporting point); with the pulse as a "
            "baseline.",
        ),
        Channel.INTRANET,
        45,
    ),
    (
        "advice:riec",
        ("Integriteitscoördinator", "Integrity coordinator"),
        ("RIEC", "RIEC"),
        (
            "Het beeld voor het regionale ondermijningsbeeld en een vraag om steun bij gedeelde "
            "maatregelen.",
            "The picture for the regional assessment and a request for support with shared "
            "measures.",
        ),
        Channel.EMAIL,
        30,
    ),
)
DRIVER_MEASURES = frozenset({"gemeentesecretaris-trekker", "integriteit-op-bw-agenda"})
QUARTER_DAYS = 91


def _measure_item(
    framework: Framework, measure_id: str, quarter: int, start: dt.date, lang: str
) -> CommItem | None:
    measure = framework.measures.get(measure_id)
    if measure is None or measure.theme != AWARENESS_THEME:
        return None
    driver = measure_id in DRIVER_MEASURES
    owner = (
        ("Gemeentesecretaris", "Municipal secretary")
        if driver
        else (
            "Integriteitscoördinator",
            "Integrity coordinator",
        )
    )
    audience = ("Managementteam", "Management team") if driver else ("Medewerkers", "Staff")
    message = (
        f"Aankondigen en plannen: {measure.title.nl}. {measure.effect_description.nl}",
        f"Announce and schedule: {measure.title.en}. {measure.effect_description.en}",
    )
    moment = start + dt.timedelta(days=QUARTER_DAYS * max(0, quarter - 1))
    channel = Channel.MEETING if driver else Channel.SESSION
    return CommItem(
        message=_pick(lang, message),
        audience=_pick(lang, audience),
        channel=channel,
        moment=moment,
        owner=_pick(lang, owner),
        source=f"measure:{measure_id}",
    )


def seed_items(
    framework: Framework,
    plan_measures: list[tuple[str, int]],
    start: dt.date,
    lang: str = "nl",
) -> list[CommItem]:
    """The first plan: the study's advice, then the plan's awareness measures by quarter.

    ``plan_measures`` are (measure id, quarter) of the accepted action plan; measures of other
    themes are left out (they have their own owners in the action plan).
    """
    items = [
        CommItem(
            message=_pick(lang, message),
            audience=_pick(lang, audience),
            channel=channel,
            moment=start + dt.timedelta(days=days),
            owner=_pick(lang, owner),
            source=source,
        )
        for source, owner, audience, message, channel, days in ADVICE
    ]
    for measure_id, quarter in plan_measures:
        item = _measure_item(framework, measure_id, quarter, start, lang)
        if item is not None:
            items.append(item)
    return sorted(items, key=lambda item: item.moment)


ICAL_STATUS = {
    ItemStatus.PLANNED: "TENTATIVE",
    ItemStatus.PREPARED: "CONFIRMED",
    ItemStatus.DONE: "CONFIRMED",
    ItemStatus.DROPPED: "CANCELLED",
}


def to_ical(items: list[CommItem], calendar_name: str, lang: str = "nl") -> bytes:
    """The plan as an iCalendar file: one all-day event per item, stable UIDs, no attendees."""
    calendar = Calendar()
    calendar.add("prodid", "-//weerbaar//communicatieplan//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", calendar_name)
    stamp = dt.datetime.now(dt.UTC)
    for item in items:
        event = Event()
        event.add("uid", item.uid or f"{item.source or 'item'}-{item.moment}@weerbaar")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.moment)
        event.add("dtend", item.moment + dt.timedelta(days=1))
        event.add("summary", f"{item.audience}: {item.message}"[:200])
        owner = _pick(lang, ("Eigenaar", "Owner"))
        channel = _pick(lang, CHANNEL_NAMES[item.channel])
        event.add("description", f"{item.message}\n\n{owner}: {item.owner}\n{channel}")
        event.add("categories", [channel])
        event.add("status", ICAL_STATUS[item.status])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
