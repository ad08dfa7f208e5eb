"""Tenants (municipalities) and who may do what in each (memberships with a role)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

DEMO_MUNICIPALITY = "GM9999"


class Municipality(models.Model):
    """A municipality, identified by its CBS code (``GM0363``); loaded from the knowledge base."""

    code = models.CharField(
        _("CBS-code"),
        primary_key=True,
        max_length=6,
        validators=[RegexValidator(r"^GM\d{4}$", _("Een CBS-code is GM gevolgd door 4 cijfers."))],
    )
    name = models.CharField(_("naam"), max_length=200)
    province = models.CharField(_("provincie"), max_length=100, blank=True)
    population = models.PositiveIntegerField(_("inwoners"), default=0)
    riec_region = models.CharField(_("RIEC-regio"), max_length=100, blank=True)
    size_class = models.CharField(_("grootteklasse"), max_length=50, blank=True)
    is_demo = models.BooleanField(_("demogemeente"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    RESPONDENT = "respondent", _("Respondent")
    VIEWER = "viewer", _("Meekijker")


# Roles that must use two-factor authentication (administrators, i.e. staff users, too).
TWO_FACTOR_ROLES = frozenset({Role.COORDINATOR})


class Membership(models.Model):
    """A user's role in one municipality. A user has at most one role per municipality."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=16, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["municipality", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="membership_one_role_per_municipality"
            )
        ]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality_id} ({self.role})"
