"""The audit log: who viewed or changed which scan, answer, result or plan, and when."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One logged event. Rows are only ever added; nothing in the app edits or deletes them."""

    time = models.DateTimeField(_("tijd"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    actor = models.CharField(
        _("actor"), max_length=150, blank=True, help_text=_("User name, or 'respondent', 'api'.")
    )
    municipality = models.ForeignKey(
        "tenancy.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_events",
        verbose_name=_("gemeente"),
    )
    action = models.CharField(_("actie"), max_length=64, db_index=True)
    object_type = models.CharField(_("objecttype"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=100, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    ip_hash = models.CharField(_("IP-hash"), max_length=64, blank=True)

    class Meta:
        ordering = ["-time", "-id"]
        verbose_name = _("auditgebeurtenis")
        verbose_name_plural = _("auditlog")
        indexes = [models.Index(fields=["municipality", "-time"], name="audit_municipality_time")]

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"
