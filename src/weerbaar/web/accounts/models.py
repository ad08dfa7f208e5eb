"""Roles above the municipality: the RIEC adviser (bound to one RIEC region) and the national
analyst. Municipality roles (coordinator, respondent, viewer) are memberships in
:mod:`weerbaar.web.tenancy.models`.

Neither role gives access to a municipality's own pages. What they see is decided by each
municipality's consent (:mod:`weerbaar.benchmark.consent`): an RIEC adviser sees the named
results of the consenting municipalities of their own region, a national analyst only
anonymised aggregates. Both may moderate the library of good practices (the "editor").
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.benchmark.regions import riec_regions


class OversightRole(models.TextChoices):
    RIEC_ADVISER = "riec_adviseur", _("RIEC-adviseur")
    NATIONAL_ANALYST = "landelijk_analist", _("Landelijk analist")


# Roles that may moderate the library of good practices.
EDITOR_ROLES = frozenset({OversightRole.RIEC_ADVISER, OversightRole.NATIONAL_ANALYST})


class OversightAssignment(models.Model):
    """A user's role above the municipalities; an RIEC adviser is bound to one RIEC region."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="oversight_roles",
        verbose_name=_("gebruiker"),
    )
    role = models.CharField(_("rol"), max_length=24, choices=OversightRole.choices)
    riec_region = models.CharField(
        _("RIEC-regio"),
        max_length=100,
        blank=True,
        help_text=_("Verplicht voor een RIEC-adviseur: een van de tien RIEC-regio's."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="oversight_one_per_role"),
        ]
        verbose_name = _("rol boven de gemeenten")
        verbose_name_plural = _("rollen boven de gemeenten")

    def __str__(self) -> str:
        region = f" {self.riec_region}" if self.riec_region else ""
        return f"{self.user} – {self.get_role_display()}{region}"

    def clean(self) -> None:
        if self.role == OversightRole.RIEC_ADVISER and self.riec_region not in riec_regions():
            message = ValidationError(
                _("Kies een van de tien RIEC-regio's: %(regions)s."),
                params={"regions": ", ".join(riec_regions())},
            )
            raise ValidationError({"riec_region": message})
        if self.role == OversightRole.NATIONAL_ANALYST and self.riec_region:
            raise ValidationError(
                {"riec_region": _("Een landelijk analist is niet aan een RIEC-regio gebonden.")}
            )
