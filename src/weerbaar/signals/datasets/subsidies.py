"""Subsidies: applications, the board members behind them, decisions and settlements.

Columns follow what municipal subsidy registers hold (cf. the Schiedam subsidieregister:
aangevraagd, verleend, vastgesteld bedrag) plus the applicant's KvK data. Grants to residents
as private persons are out of scope: the applicant is an organisation with a KvK number.
"""

from __future__ import annotations

from weerbaar.signals.columns import MONEY, DatasetSchema, c, kvk_number

LEGAL_FORMS = (
    "stichting",
    "vereniging",
    "cooperatie",
    "bv",
    "nv",
    "vof",
    "cv",
    "maatschap",
    "eenmanszaak",
    "kerkgenootschap",
    "overig",
)
DECISIONS = ("verlening", "wijziging", "weigering", "intrekking")

APPLICATIONS = DatasetSchema(
    "subsidy_applications",
    (
        c("application_id", description="Application (case) number."),
        c("received_date", "DATE", description="Date the application was received."),
        c("scheme", description="The subsidy scheme (regeling) or budget line."),
        kvk_number("applicant_kvk", description="The applicant's KvK number."),
        c(
            "kvk_registration_date",
            "DATE",
            required=False,
            description="Date the applicant was registered with the KvK (from the KvK extract).",
        ),
        c("legal_form", required=False, codes=LEGAL_FORMS, description="Legal form."),
        c("iban", description="The account the grant is to be paid to."),
        c("postcode", required=False, description="Applicant's postcode."),
        c("house_number", required=False, description="Applicant's house number (with addition)."),
        c("amount_requested", MONEY, description="Amount requested (EUR)."),
        c("handled_by", required=False, person=True, description="Case handler (pseudonymised)."),
    ),
    key=("application_id",),
    description="Subsidy applications (one row per application).",
    process="subsidies",
)
BOARD_MEMBERS = DatasetSchema(
    "subsidy_board_members",
    (
        c("application_id", description="The application the applicant filed."),
        c(
            "member_id",
            person=True,
            description=(
                "A board member as the KvK extract names them, e.g. name and date of birth "
                "(pseudonymised before any rule runs)."
            ),
        ),
        c("role", required=False, description="Role (voorzitter, penningmeester, ...)."),
    ),
    description="Board members (bestuurders) of the applicant at the time of the application.",
    process="subsidies",
)
DECISIONS_SCHEMA = DatasetSchema(
    "subsidy_decisions",
    (
        c("decision_id", description="Decision number."),
        c("application_id", description="The application decided on."),
        c("decision_date", "DATE", description="Date of the decision."),
        c(
            "decision",
            codes=DECISIONS,
            description=(
                "verlening (grant), wijziging (grant amended), weigering (refusal), "
                "intrekking (withdrawal)."
            ),
        ),
        c(
            "amount_granted",
            MONEY,
            required=False,
            description="Amount granted after this decision (verlening, wijziging).",
        ),
        c("decided_by", required=False, person=True, description="Who decided (pseudonymised)."),
    ),
    key=("decision_id",),
    description="Decisions on applications (subsidieverlening and its changes).",
    process="subsidies",
)
SETTLEMENTS = DatasetSchema(
    "subsidy_settlements",
    (
        c("application_id", description="The application settled."),
        c("settlement_date", "DATE", description="Date of the vaststelling."),
        c("amount_settled", MONEY, description="Amount settled (vastgesteld bedrag, EUR)."),
        c(
            "audit_statement",
            "BOOLEAN",
            required=False,
            description="Whether an accountant's statement (controleverklaring) was provided.",
        ),
        c("settled_by", required=False, person=True, description="Who settled (pseudonymised)."),
    ),
    key=("application_id",),
    description="Settlements (subsidievaststelling), one per application.",
    process="subsidies",
)
SCHEMAS = (APPLICATIONS, BOARD_MEMBERS, DECISIONS_SCHEMA, SETTLEMENTS)
