"""Action plans: the optimiser's request and result (from the core) and the accepted actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """One run of the core plan optimiser for a scan; ``result`` is the core's plan as JSON."""

    scan = models.ForeignKey("scans.Scan", on_delete=models.CASCADE, related_name="plans")
    parameters = models.JSONField(_("invoer"), default=dict)
    result = models.JSONField(_("resultaat"), default=dict)
    feasible = models.BooleanField(default=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("actieplan")
        verbose_name_plural = _("actieplannen")

    def __str__(self) -> str:
        return f"Plan {self.pk} ({self.scan})"

    @property
    def municipality_id(self) -> str:
        return str(self.scan.municipality_id)


class ActionStatus(models.TextChoices):
    TODO = "todo", _("Te doen")
    DOING = "doing", _("Bezig")
    DONE = "done", _("Gereed")


class Action(models.Model):
    """A chosen measure that the municipality has taken on: owner, due quarter, status, evidence."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    measure_id = models.CharField(max_length=100)
    owner = models.CharField(_("eigenaar"), max_length=200, blank=True)
    due_quarter = models.PositiveSmallIntegerField(
        _("gereed in kwartaal"), help_text=_("Kwartaal van het plan (1 = eerste kwartaal).")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.TODO
    )
    evidence = models.TextField(_("bewijs"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "due_quarter", "measure_id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "measure_id"], name="action_unique_measure"),
        ]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return self.measure_id
