"""Reisdocumenten: applications for passports and identity cards, and loss reports.

Field names follow the BRP reisdocumenten API where it has one (``reisdocumentnummer``,
``soort``, ``inhoudingOfVermissing.aanduiding``).
"""

from __future__ import annotations

from weerbaar.signals.columns import DatasetSchema, c

DOCUMENT_NUMBER = c(
    "reisdocumentnummer",
    required=False,
    pattern=r"[A-Z0-9]{9}",
    hint="is not a document number (9 letters or digits)",
    description="The document number (9 characters).",
)
APPLICATIONS = DatasetSchema(
    "document_applications",
    (
        c("application_id", description="Application number."),
        c(
            "burgerservicenummer",
            person=True,
            pad=9,
            description="The applicant (holder), pseudonymised.",
        ),
        c(
            "soort",
            required=False,
            description="Document kind (PN passport, NI identity card, ...).",
        ),
        DOCUMENT_NUMBER,
        c(
            "ingezetene",
            "BOOLEAN",
            description="Whether the applicant is registered in this municipality's BRP.",
        ),
        c("received_at", "TIMESTAMP", description="When the application was taken in."),
        c("received_by", person=True, description="Employee who took it in (pseudonymised)."),
        c(
            "issued_at",
            "TIMESTAMP",
            required=False,
            description="When the document was handed out.",
        ),
        c(
            "issued_by",
            required=False,
            person=True,
            description="Employee who handed it out (pseudonymised).",
        ),
    ),
    key=("application_id",),
    description="Applications for travel documents, from intake to hand-out.",
    process="reisdocumenten",
)
LOSS_REPORTS = DatasetSchema(
    "loss_reports",
    (
        c("report_id", description="Report number."),
        c("burgerservicenummer", person=True, pad=9, description="The holder, pseudonymised."),
        DOCUMENT_NUMBER,
        c("report_date", "DATE", description="Date of the report."),
        c(
            "aanduiding",
            codes=("V", "I", "R"),
            description=(
                "inhoudingOfVermissing.aanduiding: V vermist (lost or stolen), I ingehouden or "
                "ingeleverd (withheld or handed in), R van rechtswege vervallen (expired by law)."
            ),
        ),
        c("reported_by", required=False, person=True, description="Employee (pseudonymised)."),
    ),
    key=("report_id",),
    description="Reports of travel documents lost, stolen, withheld or handed in.",
    process="reisdocumenten",
)
SCHEMAS = (APPLICATIONS, LOSS_REPORTS)
