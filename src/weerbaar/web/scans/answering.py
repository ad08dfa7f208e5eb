"""Answering questions, shared by the coordinator (consensus), respondent accounts and links.

One page per part (a process, or the general questions). Each answer is POSTed on its own by
``autosave.js`` the moment it is given (:func:`autosave`); without JavaScript the whole page
is posted (:func:`save_page`). Both go through :func:`weerbaar.web.scans.services.record_answer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _

from weerbaar.knowledge.models import Question
from weerbaar.web.audit import log_event
from weerbaar.web.scans.forms import AnswerDataError, answer_from_post, answers_from_page
from weerbaar.web.scans.models import Answer, Respondent, Scan
from weerbaar.web.scans.questions import part_name, part_progress, parts_for, question_views
from weerbaar.web.scans.services import AnswerError, record_answer


@dataclass(frozen=True)
class Answerer:
    """Who answers: the consensus (respondent None) or one respondent, and their part URLs."""

    scan: Scan
    respondent: Respondent | None
    part_url: Any  # callable(part) -> url
    autosave_url: str

    @property
    def parts(self) -> dict[str, list[Question]]:
        return parts_for(self.scan, self.respondent)


def overall_progress(answerer: Answerer) -> tuple[int, int]:
    rows = part_progress(answerer.scan, answerer.respondent, answerer.parts)
    return (
        sum(int(str(r["answered"])) for r in rows),
        sum(int(str(r["total"])) for r in rows),
    )


def part_context(answerer: Answerer, part: str, readonly: bool) -> dict[str, Any]:
    parts = answerer.parts
    order = list(parts)
    progress = part_progress(answerer.scan, answerer.respondent, parts)
    nav = [
        {**row, "name": part_name(str(row["part"])), "url": answerer.part_url(row["part"])}
        for row in progress
    ]
    index = order.index(part)
    answered, total = overall_progress(answerer)
    return {
        "scan": answerer.scan,
        "part": part,
        "part_name": part_name(part),
        "questions": question_views(answerer.scan, answerer.respondent, parts[part]),
        "nav": nav,
        "next_url": answerer.part_url(order[index + 1]) if index + 1 < len(order) else "",
        "previous_url": answerer.part_url(order[index - 1]) if index > 0 else "",
        "autosave_url": answerer.autosave_url,
        "answered": answered,
        "total": total,
        "readonly": readonly or not answerer.scan.is_open,
    }


def save_page(request: HttpRequest, answerer: Answerer, part: str) -> list[str]:
    """Store all answers posted for ``part``; all or nothing. Returns error messages."""
    questions = answerer.parts[part]
    try:
        given = answers_from_page(request.POST, [q.id for q in questions])
        with transaction.atomic():
            for answer in given:
                record_answer(answerer.scan, answerer.respondent, answer)
    except (AnswerDataError, AnswerError) as exc:
        return [str(exc)]
    if given:
        log_event(
            request,
            "answers_changed",
            answerer.scan,
            details={"part": part, "questions": [a.question_id for a in given]},
        )
    return []


def autosave(request: HttpRequest, answerer: Answerer) -> JsonResponse:
    """Store one answer posted by the autosave script; JSON with the new progress."""
    if not answerer.scan.is_open:
        return JsonResponse({"error": _("Deze scan is afgesloten.")}, status=409)
    try:
        given = answer_from_post(request.POST)
        answer: Answer = record_answer(answerer.scan, answerer.respondent, given)
    except (AnswerDataError, AnswerError) as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    log_event(
        request,
        "answer_changed",
        answerer.scan,
        details={"question": answer.question_id, "dont_know": answer.value is None},
    )
    rows = part_progress(answerer.scan, answerer.respondent, answerer.parts)
    return JsonResponse(
        {
            "saved": True,
            "question_id": answer.question_id,
            "answered": sum(int(str(r["answered"])) for r in rows),
            "total": sum(int(str(r["total"])) for r in rows),
            "parts": {str(r["part"]): [r["answered"], r["total"]] for r in rows},
        }
    )
