"""The audit log's filter: by kind of event and by user, chosen from what this log holds."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.web.audit.events import event_label
from weerbaar.web.audit.models import AuditEvent
from weerbaar.web.audit.presentation import actor_label


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Gebeurtenis"), required=False)
    actor = forms.ChoiceField(label=_("Gebruiker"), required=False)

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        logged = AuditEvent.objects.filter(municipality=municipality)
        actions = sorted(
            {event_label(a): a for a in logged.values_list("action", flat=True).distinct()}.items()
        )
        actors = sorted(set(logged.values_list("actor", flat=True).distinct()))
        self.fields["action"].choices = [("", _("Alle gebeurtenissen"))] + [
            (action, label) for label, action in actions
        ]
        self.fields["actor"].choices = [("", _("Alle gebruikers"))] + [
            (actor, actor_label(actor)) for actor in actors
        ]

    def filter(self, events: Any) -> Any:
        if not self.is_valid():
            return events
        if self.cleaned_data["action"]:
            events = events.filter(action=self.cleaned_data["action"])
        if self.cleaned_data["actor"]:
            events = events.filter(actor=self.cleaned_data["actor"])
        return events
