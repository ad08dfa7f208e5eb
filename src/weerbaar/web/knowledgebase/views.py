"""Public knowledge-base pages (no login): processes, red flags, measures, questions, sources."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from weerbaar.knowledge.models import Measure
from weerbaar.web.knowledgebase.framework import framework, question_parts
from weerbaar.web.knowledgebase.labels import DATASET_LABELS, PART_LABELS, language


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """The start page: what weerbaar is, the public knowledge base and the way in."""
    return render(request, "knowledgebase/start.html")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    fw = framework()
    return render(request, "knowledgebase/index.html", {"fw": fw})


@require_GET
def process_detail(request: HttpRequest, process_id: str) -> HttpResponse:
    fw = framework()
    process = fw.processes.get(process_id)
    if process is None:
        raise Http404("Onbekend proces")
    measures = [m for m in fw.measures.values() if process_id in m.processes]
    questions = [q for q in fw.questions.values() if q.process == process_id]
    saint = [fw.saint_areas[a] for a in process.saint_areas if a in fw.saint_areas]
    context = {
        "fw": fw,
        "process": process,
        "measures": measures,
        "questions": questions,
        "saint_areas": saint,
        "dataset_labels": DATASET_LABELS,
    }
    return render(request, "knowledgebase/process_detail.html", context)


@require_GET
def red_flags(request: HttpRequest) -> HttpResponse:
    fw = framework()
    context = {"fw": fw, "dataset_labels": DATASET_LABELS}
    return render(request, "knowledgebase/red_flags.html", context)


@require_GET
def concepts(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledgebase/concepts.html", {"fw": framework()})


class MeasureFilterForm(forms.Form):
    process = forms.ChoiceField(label=_("Proces"), required=False)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    small = forms.BooleanField(label=_("Alleen geschikt voor kleine gemeenten"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        fw = framework()
        everything = [("", _("Alle"))]
        language_field = language()
        self.fields["process"].choices = everything + [
            (p.id, getattr(p.name, language_field)) for p in fw.processes.values()
        ]
        self.fields["theme"].choices = everything + [
            (t.id, getattr(t.name, language_field)) for t in fw.themes.values()
        ]

    def apply(self, measures: list[Measure]) -> list[Measure]:
        if not self.is_valid():
            return measures
        data = self.cleaned_data
        if data["process"]:
            measures = [m for m in measures if data["process"] in m.processes]
        if data["theme"]:
            measures = [m for m in measures if m.theme == data["theme"]]
        if data["small"]:
            measures = [m for m in measures if m.small_municipality]
        return measures


@require_GET
def measure_list(request: HttpRequest) -> HttpResponse:
    fw = framework()
    form = MeasureFilterForm(request.GET or None)
    measures = form.apply(list(fw.measures.values()))
    context = {"fw": fw, "form": form, "measures": measures, "total": len(fw.measures)}
    return render(request, "knowledgebase/measure_list.html", context)


@require_GET
def measure_detail(request: HttpRequest, measure_id: str) -> HttpResponse:
    fw = framework()
    measure = fw.measures.get(measure_id)
    if measure is None:
        raise Http404("Onbekende maatregel")
    prerequisites = [fw.measures[p] for p in measure.prerequisites if p in fw.measures]
    questions = [q for q in fw.questions.values() if measure_id in q.measures]
    context = {
        "fw": fw,
        "measure": measure,
        "prerequisites": prerequisites,
        "questions": questions,
    }
    return render(request, "knowledgebase/measure_detail.html", context)


@require_GET
def questionnaire(request: HttpRequest) -> HttpResponse:
    fw = framework()
    context = {"fw": fw, "parts": question_parts(), "part_labels": PART_LABELS}
    return render(request, "knowledgebase/questionnaire.html", context)


@require_GET
def sources(request: HttpRequest) -> HttpResponse:
    fw = framework()
    return render(request, "knowledgebase/sources.html", {"fw": fw})
