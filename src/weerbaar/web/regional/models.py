"""Consent per municipality (current level and its history) for the regional picture."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from weerbaar.benchmark.consent import ConsentLevel as CoreLevel


class ConsentLevel(models.TextChoices):
    NONE = CoreLevel.NONE.value, _("Niets delen")
    AGGREGATES = CoreLevel.AGGREGATES.value, _("Alleen geanonimiseerde cijfers")
    NAMED_RIEC = CoreLevel.NAMED_RIEC.value, _("Benoemde resultaten aan het eigen RIEC")


class ConsentSource(models.TextChoices):
    LOCAL = "local", _("in deze installatie")
    FEDERATION = "federation", _("uit een ondertekend bijdragebestand")


class Consent(models.Model):
    """A municipality's current consent level. No row means ``none``: nothing is shared."""

    municipality = models.OneToOneField(
        "tenancy.Municipality",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="consent",
        verbose_name=_("gemeente"),
    )
    level = models.CharField(
        _("toestemming"), max_length=16, choices=ConsentLevel.choices, default=ConsentLevel.NONE
    )
    updated_at = models.DateTimeField(_("gewijzigd"), default=timezone.now)

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.level}"


class ConsentChange(models.Model):
    """One change of a municipality's consent. Rows are only ever added."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="consent_changes",
        verbose_name=_("gemeente"),
    )
    time = models.DateTimeField(_("tijd"), default=timezone.now)
    previous_level = models.CharField(
        _("was"), max_length=16, choices=ConsentLevel.choices, default=ConsentLevel.NONE
    )
    level = models.CharField(_("wordt"), max_length=16, choices=ConsentLevel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("door"),
    )
    actor = models.CharField(_("door (naam)"), max_length=150, blank=True)
    source = models.CharField(
        _("bron"), max_length=16, choices=ConsentSource.choices, default=ConsentSource.LOCAL
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = _("wijziging van de toestemming")
        verbose_name_plural = _("wijzigingen van de toestemming")

    def __str__(self) -> str:
        return (
            f"{self.municipality_id} {self.previous_level} -> {self.level} ({self.time:%Y-%m-%d})"
        )
