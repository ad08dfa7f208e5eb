"""The awareness kit's audit events, with their Dutch and English labels (registered on start).

Participants and employees without an account write no events: a trail of anonymous voters
would itself be the record of who voted (see ``participant.py``).
"""

from __future__ import annotations

from weerbaar.awareness import Event
from weerbaar.web.audit.events import register_event

STEP_LABELS = {
    Event.START: ("Dilemmasessie gestart", "Dilemma session started"),
    Event.REVEAL: ("Stemmen gesloten in een dilemmasessie", "Vote closed in a dilemma session"),
    Event.REOPEN: ("Stemmen heropend in een dilemmasessie", "Vote reopened in a dilemma session"),
    Event.DISCUSS: ("Gesprekspunten getoond", "Discussion points shown"),
    Event.NEXT: ("Volgende kaart in een dilemmasessie", "Next card in a dilemma session"),
    Event.FINISH: ("Dilemmasessie afgerond", "Dilemma session finished"),
    Event.CANCEL: ("Dilemmasessie afgebroken", "Dilemma session cancelled"),
}
EVENTS = (
    ("awareness_viewed", "Bewustwording bekeken", "Awareness overview viewed"),
    ("dilemma_sessions_viewed", "Dilemmasessies bekeken", "Dilemma sessions viewed"),
    ("dilemma_session_created", "Dilemmasessie voorbereid", "Dilemma session prepared"),
    ("dilemma_session_viewed", "Dilemmasessie bekeken", "Dilemma session viewed"),
    ("dilemma_screen_viewed", "Scherm van een dilemmasessie geopend", "Dilemma screen opened"),
    ("dilemma_notes_saved", "Notities bij een kaart opgeslagen", "Notes on a card saved"),
    ("lesson_completions_viewed", "Afgeronde lessen bekeken", "Lesson completions viewed"),
    (
        "kit_departments_changed",
        "Afdelingen voor de lessen gewijzigd",
        "Lesson departments changed",
    ),
    ("kit_link_renewed", "Link voor medewerkers vernieuwd", "Employee link renewed"),
    ("pulse_viewed", "Pulsmeting bekeken", "Pulse viewed"),
    ("pulse_wave_changed", "Pulsmeting geopend of gesloten", "Pulse round opened or closed"),
    ("commplan_viewed", "Communicatieplan bekeken", "Communication plan viewed"),
    ("commplan_seeded", "Communicatieplan aangevuld met het voorstel", "Communication plan seeded"),
    ("commplan_item_added", "Communicatieactie toegevoegd", "Communication item added"),
    ("commplan_item_viewed", "Communicatieactie bekeken", "Communication item viewed"),
    ("commplan_item_changed", "Communicatieactie gewijzigd", "Communication item changed"),
    ("commplan_item_deleted", "Communicatieactie verwijderd", "Communication item deleted"),
    (
        "commplan_ical_downloaded",
        "Communicatieplan als agenda gedownload",
        "Communication plan calendar downloaded",
    ),
)


def step_action(event: Event) -> str:
    return f"dilemma_session_{event.value}"


def register() -> None:
    for action, nl, en in EVENTS:
        register_event(action, nl, en)
    for event, (nl, en) in STEP_LABELS.items():
        register_event(step_action(event), nl, en)
