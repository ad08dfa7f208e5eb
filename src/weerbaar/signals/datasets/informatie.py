"""Informatie: the access log of the municipality's systems and its list of protected records.

BRP protocollering records the organisation, not the employee; these rules need the
municipality's own application log (employee, system, record, case, time).
"""

from __future__ import annotations

from weerbaar.signals.columns import DatasetSchema, c

CATEGORIES = ("medewerker", "ambtsdrager", "afgeschermd", "signaallijst")

ACCESS_LOG = DatasetSchema(
    "access_log",
    (
        c("event_id", description="Log entry id."),
        c("accessed_at", "TIMESTAMP", description="When the record was opened."),
        c("employee_id", person=True, description="Who looked (pseudonymised)."),
        c("system", description="The system (e.g. BRP, zaaksysteem, belastingen, sociaal domein)."),
        c(
            "record_id",
            person=True,
            description="The person or record looked up (e.g. a BSN), pseudonymised.",
        ),
        c("case_id", required=False, description="The case (zaak) the look-up was made for."),
        c(
            "action",
            required=False,
            codes=("raadplegen", "wijzigen", "afdrukken", "exporteren"),
            description="raadplegen (view, default), wijzigen, afdrukken, exporteren.",
        ),
    ),
    key=("event_id",),
    description="Look-ups of persons' records in the municipality's systems.",
    process="informatie",
)
PROTECTED = DatasetSchema(
    "protected_records",
    (
        c(
            "record_id",
            person=True,
            description="A record id as the access log writes it (pseudonymised).",
        ),
        c(
            "category",
            codes=CATEGORIES,
            description=(
                "medewerker (a colleague), ambtsdrager (office-holder), afgeschermd "
                "(geheimhouding, protected address), signaallijst (a watch list, e.g. the "
                "subject of a Bibob or ondermijning case)."
            ),
        ),
    ),
    key=("record_id",),
    description="Records whose look-up is always reviewed: colleagues, office-holders, ...",
    process="informatie",
)
SCHEMAS = (ACCESS_LOG, PROTECTED)
