"""Scans as stored by the web app: a scan, its respondents and their answers.

Scoring is never done here: :mod:`weerbaar.web.scans.services` converts these rows into the
core's :class:`weerbaar.scan.models.Scan` and lets the core score it.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ScanMode(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    SURVEY = "survey", _("Vragenlijst")


class ScanStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    OPEN = "open", _("Bezig")
    CLOSED = "closed", _("Afgerond")


class Scan(models.Model):
    """One self-assessment of one municipality at one moment."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="scans"
    )
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"), default=timezone.localdate)
    mode = models.CharField(_("werkvorm"), max_length=16, choices=ScanMode.choices)
    framework_version = models.CharField(_("versie van het raamwerk"), max_length=64)
    status = models.CharField(
        _("status"), max_length=16, choices=ScanStatus.choices, default=ScanStatus.OPEN
    )
    participants = models.PositiveSmallIntegerField(
        _("aantal deelnemers"),
        null=True,
        blank=True,
        help_text=_("Workshop: het aantal deelnemers (geen namen)."),
    )
    moderator = models.CharField(
        _("moderator"),
        max_length=200,
        blank=True,
        help_text=_("Workshop: rol of organisatie van de moderator."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("scan")
        verbose_name_plural = _("scans")

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        return self.status != ScanStatus.CLOSED

    def previous(self) -> Scan | None:
        """The municipality's most recent earlier scan, for the trend."""
        earlier = Scan.objects.filter(municipality_id=self.municipality_id).exclude(pk=self.pk)
        earlier = earlier.filter(
            models.Q(date__lt=self.date) | models.Q(date=self.date, pk__lt=self.pk)
        )
        return earlier.order_by("-date", "-pk").first()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Respondent(models.Model):
    """A pseudonymous survey respondent reached through a personal token link (``/s/<token>/``).

    Only the SHA-256 hash of the token is stored; the link is shown once, when it is made.
    The label is a pseudonym chosen by the coordinator (e.g. "Inkoper 1"), never shown in results.
    """

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="respondents")
    label = models.CharField(
        _("label"),
        max_length=100,
        help_text=_("Een pseudoniem, bijvoorbeeld 'Inkoop 1'. Geen naam."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scan_assignments",
        help_text=_("Optioneel: een account met de rol respondent in plaats van een link."),
    )
    processes = models.JSONField(_("toegewezen processen"), default=list)
    invited_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["scan", "id"]
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenten")

    def __str__(self) -> str:
        return self.label

    def issue_token(self) -> str:
        """Set a fresh unguessable token and return it (the only moment it is known)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @classmethod
    def for_token(cls, token: str) -> Respondent | None:
        return cls.objects.select_related("scan").filter(token_hash=hash_token(token)).first()


class Answer(models.Model):
    """One answer to one question; ``value`` None means "weet niet".

    In a workshop the consensus answer has no respondent; in a survey each respondent answers.
    """

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="answers")
    respondent = models.ForeignKey(
        Respondent, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=100)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(_("toelichting"), blank=True)
    evidence = models.TextField(_("onderbouwing"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["scan", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["scan", "respondent", "question_id"],
                name="answer_unique_per_respondent",
                condition=models.Q(respondent__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["scan", "question_id"],
                name="answer_unique_consensus",
                condition=models.Q(respondent__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.value}"
