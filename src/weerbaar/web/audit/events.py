"""Every kind of audit event, with its Dutch and English label: the log shows labels, not codes.

:func:`log_event` refuses an action that is not registered here, so a new page cannot write an
event the audit log would have to show as a bare code. A new app registers its own events with
:func:`register_event` in its ``AppConfig.ready()`` (or adds them to ``BUILT_IN`` below).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language


@dataclass(frozen=True)
class EventType:
    action: str
    nl: str
    en: str

    @property
    def label(self) -> str:
        """The label in the active language (Dutch unless English)."""
        return self.en if (get_language() or "nl").startswith("en") else self.nl


class UnknownAuditEvent(ValueError):
    pass


EVENTS: dict[str, EventType] = {}


def register_event(action: str, nl: str, en: str) -> EventType:
    """Declare an audit event; the same action twice must have the same labels."""
    event = EventType(action, nl, en)
    if EVENTS.get(action, event) != event:
        raise ValueError(f"audit event {action!r} is already registered with other labels")
    EVENTS[action] = event
    return event


def event_type(action: str) -> EventType:
    try:
        return EVENTS[action]
    except KeyError:
        raise UnknownAuditEvent(
            f"audit event {action!r} is not registered: add it in weerbaar.web.audit.events"
        ) from None


def event_label(action: str) -> str:
    """The label of a logged action; an action no longer registered (an old row) says so."""
    found = EVENTS.get(action)
    if found is not None:
        return found.label
    if (get_language() or "nl").startswith("en"):
        return f"Other event ({action})"
    return f"Andere gebeurtenis ({action})"


BUILT_IN: tuple[tuple[str, str, str], ...] = (
    ("login", "Ingelogd", "Logged in"),
    ("two_factor_enrolled", "Tweestapsverificatie ingesteld", "Two-step verification set up"),
    ("audit_viewed", "Auditlog bekeken", "Audit log viewed"),
    ("scan_list_viewed", "Scans bekeken", "Scans viewed"),
    ("scans_listed", "Scans opgevraagd via de API", "Scans listed through the API"),
    ("scan_created", "Scan gestart", "Scan started"),
    ("scan_viewed", "Scan bekeken", "Scan viewed"),
    ("scan_status_changed", "Status van de scan gewijzigd", "Scan status changed"),
    ("scan_imported", "Scan ingelezen uit een bestand", "Scan imported from a file"),
    ("scan_exported", "Scan gedownload als bestand", "Scan downloaded as a file"),
    ("scan_template_downloaded", "Excel-vragenlijst gedownload", "Excel questionnaire downloaded"),
    ("answers_viewed", "Antwoorden bekeken", "Answers viewed"),
    ("answer_changed", "Antwoord opgeslagen", "Answer saved"),
    ("answers_changed", "Antwoorden opgeslagen", "Answers saved"),
    ("respondents_viewed", "Respondenten bekeken", "Respondents viewed"),
    ("respondent_invited", "Respondent uitgenodigd", "Respondent invited"),
    (
        "respondent_start_viewed",
        "Vragenlijst geopend door respondent",
        "Questionnaire opened by respondent",
    ),
    ("respondent_completed", "Vragenlijst ingeleverd", "Questionnaire submitted"),
    ("results_viewed", "Resultaten bekeken", "Results viewed"),
    ("result_viewed", "Resultaten opgevraagd via de API", "Results retrieved through the API"),
    ("report_downloaded", "Rapportage gedownload", "Report downloaded"),
    ("plan_form_viewed", "Formulier voor een actieplan geopend", "Action plan form opened"),
    ("plan_created", "Actieplan berekend", "Action plan calculated"),
    ("plan_list_viewed", "Actieplannen bekeken", "Action plans viewed"),
    ("plans_listed", "Actieplannen opgevraagd via de API", "Action plans listed through the API"),
    ("plan_viewed", "Actieplan bekeken", "Action plan viewed"),
    ("plan_accepted", "Actieplan vastgesteld", "Action plan adopted"),
    ("actions_viewed", "Acties bekeken", "Actions viewed"),
    ("action_viewed", "Actie bekeken", "Action viewed"),
    ("action_changed", "Actie bijgewerkt", "Action updated"),
    (
        "signal_upload_form_viewed",
        "Formulier voor een signaalrun geopend",
        "Signal run form opened",
    ),
    (
        "signal_upload_refused",
        "Bestanden voor een signaalrun geweigerd",
        "Files for a signal run refused",
    ),
    ("signal_run_started", "Signaalrun gestart", "Signal run started"),
    (
        "signal_run_repeated",
        "Signaalrun herhaald op dezelfde bestanden",
        "Signal run repeated on the same files",
    ),
    ("signal_runs_listed", "Signaalruns bekeken", "Signal runs viewed"),
    ("signal_run_viewed", "Signaalrun bekeken", "Signal run viewed"),
    ("signal_hits_listed", "Signalen bekeken", "Signals viewed"),
    ("signal_hit_viewed", "Signaal bekeken", "Signal viewed"),
    ("signal_hit_reviewed", "Signaal beoordeeld", "Signal reviewed"),
    (
        "consent_viewed",
        "Toestemming voor regionale gegevens bekeken",
        "Consent for regional data viewed",
    ),
    (
        "consent_changed",
        "Toestemming voor regionale gegevens gewijzigd",
        "Consent for regional data changed",
    ),
    (
        "signal_runs_deleted",
        "Signaalruns verwijderd (bewaartermijn)",
        "Signal runs deleted (retention)",
    ),
)
for _action, _nl, _en in BUILT_IN:
    register_event(_action, _nl, _en)
