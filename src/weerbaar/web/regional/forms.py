"""The consent form: one level, with an optional note (e.g. the decision it rests on)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.web.regional.models import ConsentLevel


class ConsentForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Wat mag de gemeente verlaten?"),
        choices=ConsentLevel.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=500,
        help_text=_("Bijvoorbeeld het besluit waarop deze keuze rust. Zichtbaar voor meekijkers."),
    )
