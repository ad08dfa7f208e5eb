"""Turn the core's ScanResult into what the dashboard shows: labels, rows, trend, progress."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from weerbaar.scan import ScanResult
from weerbaar.web.knowledgebase.framework import framework
from weerbaar.web.knowledgebase.labels import language
from weerbaar.web.results.heatmap import CLASS_BOUNDS, Heatmap, render_svg
from weerbaar.web.results.services import Results


def target_label(target: str) -> str:
    fw, lang = framework(), language()
    for group in (fw.circumstances, fw.factors):
        if target in group:
            return group[target].name.get(lang)
    return target


def process_label(process: str) -> str:
    found = framework().processes.get(process)
    return found.name.get(language()) if found else process


def question_text(question_id: str) -> str:
    found = framework().questions.get(question_id)
    return found.text.get(language()) if found else question_id


def question_short(question_id: str) -> str:
    """A question by its short title (never by its id)."""
    found = framework().questions.get(question_id)
    return found.short.get(language()) if found else question_id


def answer_words(contribution: Any) -> str:
    """The answer behind a contribution: the level's label for one answer, else the mean."""
    fw, lang = framework(), language()
    if contribution.answers == 0:
        return _("niet beantwoord")
    if contribution.level is None:
        return _("weet niet")
    question = fw.questions.get(contribution.question_id)
    scale = fw.scales.get(question.scale) if question else None
    level = contribution.level
    if scale is not None and float(level).is_integer():
        for item in scale.levels:
            if item.value == int(level):
                return item.label.get(lang)
    mean = f"{level:.1f}".replace(".", "," if lang == "nl" else ".")
    return _("gemiddeld %(level)s van %(top)s") % {"level": mean, "top": contribution.scale_max}


TOP_CONTRIBUTIONS = 5


def contribution_row(contribution: Any) -> dict[str, Any]:
    return {
        "question": question_short(contribution.question_id),
        "full": question_text(contribution.question_id),
        "kind": _("beheersing") if contribution.kind == "control" else _("blootstelling"),
        "answer": answer_words(contribution),
        "points": contribution.points,
    }


def _columns(result: ScanResult) -> list[str]:
    fw = framework()
    present = {t for row in result.heatmap.values() for t, v in row.items() if v is not None}
    ordered = [t for t in [*fw.circumstances, *fw.factors] if t in present]
    return ordered + sorted(present.difference(ordered))


def heatmap_context(result: ScanResult) -> dict[str, Any]:
    columns = _columns(result)
    heatmap = Heatmap(
        rows=[(pid, process_label(pid)) for pid in result.processes],
        columns=[(cid, target_label(cid)) for cid in columns],
        values={pid: dict(row) for pid, row in result.heatmap.items()},
    )
    svg = render_svg(
        heatmap,
        title=_("Kwetsbaarheid per proces en omstandigheid"),
        description=_(
            "Per proces (rij) de punten die elke omstandigheid of factor (kolom) bijdraagt aan "
            "de kwetsbaarheid; hoe donkerder, hoe meer. De tabel hieronder bevat dezelfde cijfers."
        ),
        decimal_comma=language() == "nl",
    )
    table = [
        {"label": label, "cells": [heatmap.value(pid, cid) for cid, _l in heatmap.columns]}
        for pid, label in heatmap.rows
    ]
    bounds = [0.0, *CLASS_BOUNDS]
    legend = [
        {"cls": i, "low": bounds[i], "high": bounds[i + 1] if i + 1 < len(bounds) else None}
        for i in range(len(bounds))
    ]
    return {
        "svg": svg,
        "columns": [label for _c, label in heatmap.columns],
        "table": table,
        "legend": legend,
    }


def process_rows(results: Results) -> list[dict[str, Any]]:
    lang = language()
    comparison = results.comparison
    rows = []
    for pid, score in results.result.processes.items():
        change = comparison.processes.get(pid) if comparison else None
        contributions = sorted(score.contributions, key=lambda c: -c.points)
        rows.append(
            {
                "id": pid,
                "label": process_label(pid),
                "score": score,
                "delta": change.delta if change else None,
                "explanation": score.explanation.get(lang),
                "contributions": [contribution_row(c) for c in contributions if c.points > 0],
                "top_count": TOP_CONTRIBUTIONS,
            }
        )
    return rows


def top_rows(result: ScanResult) -> list[dict[str, Any]]:
    return [
        {
            "label": process_label(top.process),
            "vulnerability": top.vulnerability,
            "drivers": [question_short(q) for q in top.drivers[:3]],
        }
        for top in result.top
    ]


def disagreement_rows(result: ScanResult) -> list[dict[str, Any]]:
    lang = language()
    return [
        {
            "question": question_short(d.question_id),
            "process": process_label(d.process) if d.process else _("Algemeen"),
            "spread": d.spread,
            "text": d.explanation.get(lang),
        }
        for d in result.disagreements
    ]


def trend_rows(results: Results) -> list[dict[str, Any]]:
    if results.comparison is None:
        return []
    return [
        {
            "label": process_label(pid),
            "old": change.old,
            "new": change.new,
            "delta": change.delta,
            "changes": [
                {"question": question_short(q.question_id), "delta": q.delta}
                for q in change.changes[:3]
            ],
        }
        for pid, change in results.comparison.processes.items()
    ]
