"""Vergunningen: permit applications (new permits and changes) and the decisions on them."""

from __future__ import annotations

from weerbaar.signals.columns import DatasetSchema, bag_id, c, kvk_number

KINDS = ("nieuw", "wijziging_houder", "wijziging_leidinggevende", "verlenging")
DECISIONS = ("verleend", "geweigerd", "ingetrokken", "buiten_behandeling")
BIBOB_OUTCOMES = ("geen", "voorschriften", "weigering", "intrekking")

APPLICATIONS = DatasetSchema(
    "permit_applications",
    (
        c("application_id", description="Application (case) number."),
        c("permit_id", description="The permit concerned (for a new permit: the one it creates)."),
        c(
            "application_kind",
            codes=KINDS,
            description=(
                "nieuw (new permit), wijziging_houder (change of holder), "
                "wijziging_leidinggevende (change of manager), verlenging (renewal)."
            ),
        ),
        c(
            "permit_type",
            description="The product, e.g. exploitatievergunning horeca, alcoholvergunning.",
        ),
        c("received_date", "DATE", description="Date the application was received."),
        kvk_number("applicant_kvk", required=False, description="Applicant's KvK number."),
        c(
            "applicant_id",
            required=False,
            person=True,
            description="A private applicant without KvK number (pseudonymised).",
        ),
        c(
            "sbi_code",
            required=False,
            pattern=r"[0-9]{2}(\.?[0-9]{1,3})?",
            hint="is not an SBI code (e.g. 5610 or 56.10)",
            description="The establishment's activity (SBI code, 2 to 5 digits).",
        ),
        bag_id("address_id", description="The establishment's BAG verblijfsobject id."),
        c(
            "bibob_asked",
            "BOOLEAN",
            required=False,
            description="Whether the Bibob questionnaire was sent.",
        ),
        c(
            "bibob_answered",
            "BOOLEAN",
            required=False,
            description="Whether the Bibob questionnaire came back completed.",
        ),
        c("handled_by", required=False, person=True, description="Case handler (pseudonymised)."),
    ),
    key=("application_id",),
    description="Permit applications: new permits, changes of holder or manager, renewals.",
    process="vergunningen",
)
DECISIONS_SCHEMA = DatasetSchema(
    "permit_decisions",
    (
        c("application_id", description="The application decided on."),
        c("decision_date", "DATE", description="Date of the decision."),
        c("decision", codes=DECISIONS, description="verleend, geweigerd, ingetrokken, ..."),
        c(
            "bibob_outcome",
            required=False,
            codes=BIBOB_OUTCOMES,
            description=(
                "Result of a Bibob check: geen (none found), voorschriften (conditions, a lesser "
                "degree of danger), weigering (refused), intrekking (revoked)."
            ),
        ),
        c("decided_by", required=False, person=True, description="Who decided (pseudonymised)."),
    ),
    key=("application_id",),
    description="Decisions on permit applications.",
    process="vergunningen",
)
SCHEMAS = (APPLICATIONS, DECISIONS_SCHEMA)
