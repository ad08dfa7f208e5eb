"""Forms of the scan pages: start a scan, invite a respondent, read posted answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from weerbaar.web.knowledgebase.framework import GENERAL, framework
from weerbaar.web.knowledgebase.labels import PART_LABELS, language
from weerbaar.web.scans.models import Respondent, Scan, ScanMode
from weerbaar.web.scans.questions import DONT_KNOW
from weerbaar.web.scans.services import AnswerInput
from weerbaar.web.tenancy.models import Role


class ScanForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Scan
        fields = ["title", "date", "mode", "participants", "moderator"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == ScanMode.WORKSHOP:
            if not data.get("participants"):
                self.add_error("participants", _("Vul het aantal deelnemers aan de workshop in."))
            if not data.get("moderator"):
                self.add_error("moderator", _("Vul de rol of organisatie van de moderator in."))
        return data


def part_choices() -> list[tuple[str, str]]:
    lang = language()
    choices = [(p.id, p.name.get(lang)) for p in framework().processes.values()]
    return [*choices, (GENERAL, str(PART_LABELS[GENERAL]))]


class RespondentForm(forms.ModelForm):  # type: ignore[type-arg]
    processes = forms.MultipleChoiceField(
        label=_("Toegewezen onderdelen"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De respondent ziet alleen deze onderdelen van de vragenlijst."),
    )

    class Meta:
        model = Respondent
        fields = ["label", "processes", "user"]

    def __init__(self, *args: Any, municipality: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["processes"].choices = part_choices()
        accounts = self.fields["user"]
        accounts.label = _("Account (niet verplicht)")
        accounts.help_text = _(
            "Een gebruiker met de rol respondent in deze gemeente kan ook na inloggen "
            "antwoorden, in plaats van met de link."
        )
        accounts.queryset = (
            get_user_model()
            .objects.filter(  # type: ignore[attr-defined]
                memberships__municipality=municipality, memberships__role=Role.RESPONDENT
            )
            .order_by("username")
        )


class AnswerDataError(ValueError):
    pass


def _value(raw: str | None) -> int | None:
    if raw == DONT_KNOW:
        return None
    try:
        return int(raw or "")
    except ValueError:
        raise AnswerDataError(_("Kies een antwoord of 'weet niet'.")) from None


def answer_from_post(data: Mapping[str, Any]) -> AnswerInput:
    """One answer as posted by the autosave script: question_id, value, note, evidence."""
    question_id = str(data.get("question_id", ""))
    if not question_id:
        raise AnswerDataError(_("Geen vraag opgegeven."))
    return AnswerInput(
        question_id=question_id,
        value=_value(data.get("value")),
        note=str(data.get("note", "")).strip(),
        evidence=str(data.get("evidence", "")).strip(),
    )


def answers_from_page(data: Mapping[str, Any], question_ids: list[str]) -> list[AnswerInput]:
    """The answers of a whole page posted without JavaScript (unanswered questions skipped)."""
    answers = []
    for qid in question_ids:
        prefix = f"q-{qid}"
        raw = data.get(f"{prefix}-value")
        note = str(data.get(f"{prefix}-note", "")).strip()
        evidence = str(data.get(f"{prefix}-evidence", "")).strip()
        if not raw:
            continue
        answers.append(
            AnswerInput(question_id=qid, value=_value(raw), note=note, evidence=evidence)
        )
    return answers
