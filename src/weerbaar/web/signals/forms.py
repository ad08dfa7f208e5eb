"""The human review of one hit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.web.signals.models import SignalHit


class ReviewForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = SignalHit
        fields = ["status", "reviewer_note"]
        widgets = {"status": forms.RadioSelect, "reviewer_note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].label = _("Uitkomst")
        note = self.fields["reviewer_note"]
        note.label = _("Toelichting")
        note.show_optional = False  # type: ignore[attr-defined]  # needed for most outcomes
        note.help_text = _(
            "Wat is bekeken en wat is besloten. Nodig zodra de uitkomst niet meer ‘open’ is."
        )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("status") != "open" and not str(data.get("reviewer_note", "")).strip():
            from django.utils.translation import gettext as _

            self.add_error(
                "reviewer_note", _("Leg kort vast waarom: wat is bekeken en wat is besloten.")
            )
        return data
