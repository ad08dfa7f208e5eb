"""Forms of the awareness kit: a session's title, group and cards; a plan item; departments."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.web.awareness.models import CommunicationItem, GroupKind
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language

MAX_CARDS = 12


def card_choices() -> list[tuple[str, str]]:
    lang = language()
    fw = framework()
    out = []
    for card in fw.dilemmas.values():
        groups = ", ".join(fw.function_groups[g].name.get(lang) for g in card.function_groups)
        out.append((card.id, f"{card.title.get(lang)} ({groups})"))
    return out


class SessionForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Team Burgerzaken, maart."),
    )
    group = forms.ChoiceField(label=_("Groep"), choices=GroupKind.choices, initial=GroupKind.TEAM)
    cards = forms.MultipleChoiceField(
        label=_("Kaarten"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies één tot twaalf kaarten; ze komen in deze volgorde op het scherm."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cards"].choices = card_choices()

    def clean_cards(self) -> list[str]:
        cards: list[str] = self.cleaned_data["cards"]
        if len(cards) > MAX_CARDS:
            raise forms.ValidationError(
                _("Kies hoogstens %(max)s kaarten voor één sessie.") % {"max": MAX_CARDS}
            )
        return cards


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("Notities bij deze kaart"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wat besproken is en wat het team afspreekt; geen namen van deelnemers."),
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Code van de sessie"),
        max_length=12,
        help_text=_("Zes tekens, zoals ze op het scherm staan."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class CommunicationItemForm(forms.ModelForm):
    class Meta:
        model = CommunicationItem
        fields = ["moment", "audience", "message", "channel", "owner", "status"]
        widgets = {
            "moment": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "message": forms.Textarea(attrs={"rows": 3}),
        }


class DepartmentsForm(forms.Form):
    departments = forms.CharField(
        label=_("Afdelingen"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén afdeling per regel; medewerkers kiezen hun afdeling bij een les."),
    )

    def clean_departments(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["departments"].splitlines()]
        names = list(dict.fromkeys(line[:100] for line in lines if line))
        if not names:
            raise forms.ValidationError(_("Noem minstens één afdeling."))
        return names
