"""The awareness kit's part of the management report: the own communication plan and figures."""

from __future__ import annotations

from typing import Any

from weerbaar.awareness.commplan import CHANNEL_NAMES, STATUS_NAMES, Channel, ItemStatus
from weerbaar.reports.labels import long_date
from weerbaar.reports.models import AwarenessSection, CommunicationItem, PulseRow
from weerbaar.web.awareness import figures
from weerbaar.web.awareness.models import CommunicationItem as StoredItem
from weerbaar.web.knowledgebase.framework import framework


def communication(municipality: Any, lang: str) -> list[CommunicationItem]:
    """The municipality's own plan in report form (empty when it has none yet)."""
    pick = 1 if lang == "en" else 0
    return [
        CommunicationItem(
            who=item.owner,
            audience=item.audience,
            message=item.message,
            moment=long_date(item.moment, lang),
            channel=CHANNEL_NAMES[Channel(item.channel)][pick],
            status=STATUS_NAMES[ItemStatus(item.status)][pick],
        )
        for item in StoredItem.objects.filter(municipality=municipality)
    ]


def awareness(municipality: Any, lang: str) -> AwarenessSection | None:
    """Sessions held, lessons completed and the pulse trend; None when nothing happened yet."""
    panel = figures.panel(municipality)
    done = figures.completions(municipality)
    if not (panel.sessions_held or done or panel.waves):
        return None
    lessons = [
        (lesson.title.get(lang), done.get(lesson.id, 0)) for lesson in framework().lessons.values()
    ]
    return AwarenessSection(
        sessions_held=panel.sessions_held,
        participants=panel.participants,
        lessons=lessons,
        waves=[(w.wave, w.respondents if w.shown else None) for w in panel.waves],
        pulse=[
            PulseRow(statement=row["statement"].text.get(lang), values=row["values"])
            for row in panel.trend
        ],
    )
