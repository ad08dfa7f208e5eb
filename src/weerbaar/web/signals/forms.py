"""The human review of one hit."""

from __future__ import annotations

from django import forms

from weerbaar.web.signals.models import SignalHit


class ReviewForm(forms.ModelForm):
    class Meta:
        model = SignalHit
        fields = ["status", "reviewer_note"]
        widgets = {"reviewer_note": forms.Textarea(attrs={"rows": 4})}

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("status") != "open" and not str(data.get("reviewer_note", "")).strip():
            from django.utils.translation import gettext as _

            self.add_error(
                "reviewer_note", _("Leg kort vast waarom: wat is bekeken en wat is besloten.")
            )
        return data
