"""The awareness kit per municipality: dilemma sessions (counts only), lessons, pulse, plan.

Nothing here records who a participant, employee or respondent is. A dilemma session keeps a
count per answer of each card and the facilitator's notes; a lesson completion is a count per
lesson and department; a pulse wave is a count per statement and scale value.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from weerbaar.awareness.commplan import CHANNEL_NAMES, STATUS_NAMES, Channel, ItemStatus
from weerbaar.awareness.sessions import Phase, SessionStatus


class GroupKind(models.TextChoices):
    TEAM = "team", _("Een team of afdeling")
    COLLEGE = "college", _("Het college van B&W")
    COUNCIL = "council", _("De gemeenteraad")
    NEW = "new", _("Nieuwe medewerkers")
    MANAGEMENT = "management", _("Het managementteam")


class DilemmaSession(models.Model):
    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="dilemma_sessions"
    )
    title = models.CharField(_("titel"), max_length=200)
    group = models.CharField(_("groep"), max_length=16, choices=GroupKind.choices)
    status = models.CharField(
        max_length=12,
        choices=[(s.value, s.value) for s in SessionStatus],
        default=SessionStatus.PREPARED.value,
    )
    phase = models.CharField(max_length=12, choices=[(p.value, p.value) for p in Phase], blank=True)
    card_index = models.PositiveSmallIntegerField(default=0)
    join_code = models.CharField(max_length=6, unique=True)
    participants = models.PositiveIntegerField(
        default=0, help_text="How many times someone joined (a count, no identities)."
    )
    notes = models.TextField(_("notities van de gespreksleider"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dilemmasessie")
        verbose_name_plural = _("dilemmasessies")

    def __str__(self) -> str:
        return self.title


class CardRound(models.Model):
    """One card of a session, in order, with the facilitator's notes on the conversation."""

    session = models.ForeignKey(DilemmaSession, on_delete=models.CASCADE, related_name="rounds")
    position = models.PositiveSmallIntegerField()
    card_id = models.CharField(max_length=100)
    notes = models.TextField(_("notities"), blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="round_unique_position")
        ]


class Tally(models.Model):
    """The number of votes for one answer of one card: the only trace of a vote."""

    round = models.ForeignKey(CardRound, on_delete=models.CASCADE, related_name="tallies")
    option = models.CharField(max_length=1)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["round", "option"]
        constraints = [
            models.UniqueConstraint(fields=["round", "option"], name="tally_unique_option")
        ]


def new_link_token() -> str:
    return secrets.token_urlsafe(24)


class KitLink(models.Model):
    """The municipality's link for employees: lessons and the open pulse, without an account.

    The link is meant to be published on the intranet; it reads no municipality data (the
    lessons are public knowledge) and only accepts anonymous answers. A new link replaces it.
    """

    municipality = models.OneToOneField(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="kit_link"
    )
    token = models.CharField(max_length=64, unique=True, default=new_link_token)
    departments = models.JSONField(_("afdelingen"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)


class LessonCompletion(models.Model):
    """How many times a lesson was completed in a department (never by whom)."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson_id = models.CharField(max_length=100)
    department = models.CharField(max_length=100)
    count = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["lesson_id", "department"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "lesson_id", "department"], name="completion_unique"
            )
        ]


class PulseWave(models.Model):
    """One round of the pulse (e.g. '2026-K1'); open while answers are accepted."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="pulse_waves"
    )
    label = models.CharField(_("naam"), max_length=40)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    respondents = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["opened_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "label"], name="wave_unique_label")
        ]

    def __str__(self) -> str:
        return self.label


class PulseTally(models.Model):
    wave = models.ForeignKey(PulseWave, on_delete=models.CASCADE, related_name="tallies")
    statement = models.CharField(max_length=100)
    value = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "statement", "value"], name="pulse_tally_unique"
            )
        ]


class CommunicationItem(models.Model):
    """One line of the municipality's communication plan (editable; seeded from the core)."""

    municipality = models.ForeignKey(
        "tenancy.Municipality", on_delete=models.CASCADE, related_name="communication_items"
    )
    message = models.TextField(_("boodschap"), max_length=1000)
    audience = models.CharField(_("doelgroep"), max_length=200)
    channel = models.CharField(
        _("kanaal"),
        max_length=12,
        choices=[(c.value, CHANNEL_NAMES[c][0]) for c in Channel],
        default=Channel.MEETING.value,
    )
    moment = models.DateField(_("moment"))
    owner = models.CharField(_("eigenaar"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=[(s.value, STATUS_NAMES[s][0]) for s in ItemStatus],
        default=ItemStatus.PLANNED.value,
    )
    source = models.CharField(max_length=120, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["moment", "id"]
        verbose_name = _("communicatieactie")
        verbose_name_plural = _("communicatieplan")

    def __str__(self) -> str:
        return f"{self.moment} {self.audience}"
