"""Stored signal runs and their hits, each hit with its human review.

A run is the core's ``RunResult`` as it was: the manifest (inputs' checksums, rule versions,
parameters, pseudonymisation key fingerprint) and every hit with its explanation. Person
identifiers arrive pseudonymised from the core; nothing here can reverse them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalRun(models.Model):
    """One run of the signal rules over one set of a municipality's data exports."""

    municipality = models.ForeignKey(
        "tenancy.Municipality",
        on_delete=models.CASCADE,
        related_name="signal_runs",
        verbose_name=_("gemeente"),
    )
    started_at = models.DateTimeField(_("gestart"))
    finished_at = models.DateTimeField(_("klaar"))
    fingerprint = models.CharField(
        _("vingerafdruk"),
        max_length=64,
        db_index=True,
        help_text=_("SHA-256 over de invoer, de regelversies, de parameters en de sleutel."),
    )
    source = models.CharField(_("bron"), max_length=200, blank=True)
    manifest = models.JSONField(_("manifest"), default=dict)
    counts = models.JSONField(_("treffers per regel"), default=dict)
    hit_count = models.PositiveIntegerField(_("treffers"), default=0)
    rule_count = models.PositiveIntegerField(_("regels"), default=0)
    failed_rules = models.JSONField(_("mislukte regels"), default=list)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gestart door"),
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("signaalrun")
        verbose_name_plural = _("signaalruns")

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.started_at:%Y-%m-%d %H:%M} ({self.hit_count})"


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("Open")
    INVESTIGATED = "onderzocht", _("Onderzocht")
    NO_ACTION = "geen_actie", _("Geen actie nodig")
    FORWARDED = "doorgezet", _("Doorgezet")


class Severity(models.TextChoices):
    HIGH = "high", _("hoog")
    MEDIUM = "medium", _("middel")
    LOW = "low", _("laag")


class SignalHit(models.Model):
    """One hit of one rule: the flagged entity, its records and values, and its review."""

    run = models.ForeignKey(
        SignalRun, on_delete=models.CASCADE, related_name="hits", verbose_name=_("run")
    )
    rule_id = models.CharField(_("regel"), max_length=16, db_index=True)
    rule_version = models.PositiveIntegerField(_("regelversie"))
    severity = models.CharField(_("ernst"), max_length=8, choices=Severity.choices)
    process = models.CharField(_("proces"), max_length=32)
    entity_type = models.CharField(_("soort"), max_length=32)
    entity_id = models.CharField(_("kenmerk"), max_length=200)
    record_ids = models.JSONField(_("records"), default=list)
    value = models.FloatField(_("waarde"), null=True, blank=True)
    parameters = models.JSONField(_("parameters"), default=dict)
    fences = models.JSONField(_("grenzen"), default=dict)
    details = models.JSONField(_("details"), default=dict)
    explanation_nl = models.TextField(_("uitleg (Nederlands)"))
    explanation_en = models.TextField(_("uitleg (Engels)"))
    status = models.CharField(
        _("beoordeling"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    reviewer_note = models.TextField(_("toelichting beoordelaar"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("beoordeeld door"),
    )
    reviewed_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        ordering = ["rule_id", "id"]
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        indexes = [models.Index(fields=["run", "rule_id"], name="signal_hit_run_rule")]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.entity_type} {self.entity_id}"

    def explanation(self, language: str) -> str:
        return self.explanation_en if language == "en" else self.explanation_nl
