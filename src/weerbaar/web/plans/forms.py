"""The optimiser's inputs as a form, and the follow-up of one action."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.measures import PlanProblem
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.plans.models import Action

PARTNER_CHOICES = [
    ("riec", _("Samenwerken met het RIEC")),
    ("buurgemeente", _("Samenwerken met een buurgemeente")),
]


class PlanForm(forms.Form):
    hours = forms.FloatField(
        label=_("Beschikbare uren (hele plan)"), min_value=0, initial=400, localize=True
    )
    budget_eur = forms.FloatField(
        label=_("Budget in euro"), min_value=0, initial=20000, localize=True
    )
    quarters = forms.IntegerField(label=_("Aantal kwartalen"), min_value=1, max_value=12, initial=4)
    hours_per_quarter = forms.FloatField(
        label=_("Maximaal aantal uren per kwartaal"), min_value=0, required=False, localize=True
    )
    partners = forms.MultipleChoiceField(
        label=_("Samenwerking"),
        choices=PARTNER_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Maatregelen die samen worden uitgevoerd kosten de gemeente minder."),
    )
    mandatory = forms.MultipleChoiceField(
        label=_("Verplichte maatregelen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    excluded = forms.MultipleChoiceField(
        label=_("Uitgesloten maatregelen"), required=False, widget=forms.CheckboxSelectMultiple
    )
    allow_unsuited = forms.BooleanField(
        label=_("Ook maatregelen die minder geschikt zijn voor een kleine gemeente"),
        required=False,
        help_text=_(
            "Standaard kiest het plan voor een kleine gemeente alleen maatregelen die daar "
            "haalbaar zijn."
        ),
    )

    def __init__(self, *args: Any, problem: PlanProblem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fw, lang = framework(), language()
        choices = [
            (c.id, fw.measures[c.id].title.get(lang) if c.id in fw.measures else c.title)
            for c in problem.candidates
        ]
        self.fields["mandatory"].choices = choices
        self.fields["excluded"].choices = choices
        for theme in fw.themes.values():
            self.fields[f"min_theme_{theme.id}"] = forms.IntegerField(
                label=_("Minimaal aantal maatregelen voor thema %(theme)s")
                % {"theme": theme.name.get(lang)},
                min_value=0,
                max_value=20,
                required=False,
            )

    def theme_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("min_theme_")]

    def main_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if not name.startswith("min_theme_")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        both = set(data.get("mandatory", [])) & set(data.get("excluded", []))
        if both:
            raise forms.ValidationError(
                _("Een maatregel kan niet tegelijk verplicht en uitgesloten zijn.")
            )
        return data

    def request_params(self) -> dict[str, Any]:
        """The cleaned inputs as the core's ``PlanRequest`` fields (JSON-serialisable)."""
        data = self.cleaned_data
        return {
            "hours": data["hours"],
            "budget_eur": data["budget_eur"],
            "quarters": data["quarters"],
            "hours_per_quarter": data.get("hours_per_quarter"),
            "partners": sorted(data.get("partners", [])),
            "mandatory": list(data.get("mandatory", [])),
            "excluded": list(data.get("excluded", [])),
            "allow_unsuited": bool(data.get("allow_unsuited")),
            "min_theme": {
                name.removeprefix("min_theme_"): value
                for name, value in data.items()
                if name.startswith("min_theme_") and value
            },
        }


class ActionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Action
        fields = ["owner", "due_quarter", "status", "evidence"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, quarters: int = 12, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_quarter"].min_value = 1  # type: ignore[attr-defined]
        self.fields["due_quarter"].max_value = quarters  # type: ignore[attr-defined]
        self.fields["due_quarter"].validators += [
            *forms.IntegerField(min_value=1, max_value=quarters).validators
        ]
