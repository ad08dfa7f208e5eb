"""Translated labels for ids that have no text in the knowledge base itself."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DATASET_LABELS: dict[str, Promise] = {
    "payments": _("betalingen"),
    "creditors": _("crediteuren"),
    "creditor_changes": _("wijzigingen crediteurstamgegevens"),
    "orders": _("inkooporders"),
    "ocds": _("aanbestedingen (OCDS)"),
    "subsidies": _("subsidies"),
    "permits": _("vergunningen"),
    "brp": _("BRP-mutaties"),
    "travel_documents": _("reisdocumenten"),
    "access_logs": _("toegangslogs"),
    "inspections": _("inspecties"),
    "hr": _("personeelsgegevens"),
    "employees": _("medewerkers met hun salarisrekening"),
    "subsidy_applications": _("subsidieaanvragen"),
    "subsidy_board_members": _("bestuurders van aanvragers"),
    "subsidy_decisions": _("subsidiebesluiten"),
    "subsidy_settlements": _("subsidievaststellingen"),
    "permit_applications": _("vergunningaanvragen"),
    "permit_decisions": _("vergunningbesluiten"),
    "brp_mutations": _("BRP-adresmutaties"),
    "bag_addresses": _("BAG-verblijfsobjecten"),
    "document_applications": _("aanvragen reisdocumenten"),
    "loss_reports": _("vermissingsmeldingen reisdocumenten"),
    "access_log": _("toegangslog (raadplegingen)"),
    "protected_records": _("beschermde personen (collega's, bestuurders, signaallijst)"),
    "enforcement_actions": _("handhavingsbesluiten"),
}

PART_LABELS: dict[str, Promise] = {"algemeen": _("Algemeen (beleid, organisatie, cultuur)")}

EFFECT_LABELS: dict[str, Promise] = {"laag": _("laag"), "middel": _("middel"), "hoog": _("hoog")}

DELIVERER_LABELS: dict[str, Promise] = {
    "gemeente": _("gemeente"),
    "buurgemeente": _("buurgemeente"),
    "riec": _("RIEC"),
    "provincie": _("provincie"),
    "rijk": _("Rijk"),
}

KIND_LABELS: dict[str, Promise] = {
    "control": _("beheersing"),
    "exposure": _("blootstelling"),
}


def language() -> str:
    """The active UI language as a knowledge-base language key: ``en`` or ``nl``."""
    return "en" if (get_language() or "nl").startswith("en") else "nl"
