"""Toezicht en handhaving: inspections and the enforcement actions that follow them."""

from __future__ import annotations

from weerbaar.signals.columns import DatasetSchema, bag_id, c, kvk_number

CANCEL_REASONS = ("ziekte", "calamiteit", "verzoek_ondernemer", "herplanning", "overig")
RESULTS = ("geen_overtreding", "overtreding", "overtreding_hersteld")
ACTIONS = (
    "waarschuwing",
    "last_onder_dwangsom",
    "last_onder_bestuursdwang",
    "sluiting",
    "bestuurlijke_boete",
    "intrekking_vergunning",
    "proces_verbaal",
)
STATUSES = ("lopend", "uitgevoerd", "geschorst", "ingetrokken")

INSPECTIONS = DatasetSchema(
    "inspections",
    (
        c("inspection_id", description="Inspection number."),
        bag_id("location_id", description="The location's BAG verblijfsobject id."),
        kvk_number("business_kvk", required=False, description="The business inspected."),
        c("inspection_type", description="Kind of inspection (e.g. horeca, brandveiligheid)."),
        c("inspector_id", person=True, description="The inspector (pseudonymised)."),
        c("planned_date", "DATE", description="Date the inspection was planned for."),
        c(
            "unannounced",
            "BOOLEAN",
            description="Planned as an unannounced (onaangekondigde) inspection.",
        ),
        c(
            "announced_at",
            "TIMESTAMP",
            required=False,
            description="When the business was told of it (empty: not announced).",
        ),
        c("cancelled_at", "TIMESTAMP", required=False, description="When it was cancelled."),
        c(
            "cancel_reason",
            required=False,
            codes=CANCEL_REASONS,
            description="Why it was cancelled.",
        ),
        c("inspection_date", "DATE", required=False, description="Date it took place."),
        c(
            "result",
            required=False,
            codes=RESULTS,
            description=(
                "geen_overtreding, overtreding (violation), overtreding_hersteld (violation "
                "remedied on the spot)."
            ),
        ),
    ),
    key=("inspection_id",),
    description="Inspections, planned and performed.",
    process="toezicht",
)
ENFORCEMENT = DatasetSchema(
    "enforcement_actions",
    (
        c("action_id", description="Action number."),
        c("inspection_id", description="The inspection that found the violation."),
        c(
            "action_type",
            codes=ACTIONS,
            description="waarschuwing, last_onder_dwangsom, sluiting, ...",
        ),
        c(
            "legal_basis",
            required=False,
            description="The legal basis, e.g. Opiumwet art. 13b, Alcoholwet art. 31.",
        ),
        c("decided_date", "DATE", description="Date of the decision."),
        c("due_date", "DATE", required=False, description="Deadline (begunstigingstermijn)."),
        c(
            "executed_date",
            "DATE",
            required=False,
            description="Date the order was carried out (closure executed, compliance checked).",
        ),
        c(
            "status",
            required=False,
            codes=STATUSES,
            description="lopend, uitgevoerd, geschorst, ...",
        ),
        c("decided_by", required=False, person=True, description="Who decided (pseudonymised)."),
    ),
    key=("action_id",),
    description="Enforcement actions following inspections.",
    process="toezicht",
)
SCHEMAS = (INSPECTIONS, ENFORCEMENT)
