"""Between database rows and the core scan model: every score is computed by the core.

``to_core_scan`` builds a :class:`weerbaar.scan.models.Scan` from a stored scan, ``import_scan``
stores a core scan (e.g. from an Excel or JSON file), ``record_answer`` stores one answer after
checking it against the framework.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from weerbaar.scan import models as core
from weerbaar.web.knowledgebase.framework import GENERAL, framework_for, part_of
from weerbaar.web.scans.models import Answer, Respondent, Scan, ScanMode


class AnswerError(ValueError):
    """An answer that does not fit the framework or the respondent's assignment."""


def respondent_token(respondent: Respondent) -> str:
    """The pseudonymous token the core sees for a respondent: never its label or link."""
    return f"r{respondent.pk}"


def _core_answers(scan: Scan, tokens: dict[int, str]) -> list[core.Answer]:
    survey = scan.mode == ScanMode.SURVEY
    answers = []
    for row in scan.answers.all().order_by("question_id", "respondent_id"):
        if survey != (row.respondent_id is not None):
            continue
        answers.append(
            core.Answer(
                question_id=row.question_id,
                value=row.value,
                respondent=tokens[row.respondent_id] if row.respondent_id else None,
                note=row.note or None,
                evidence=row.evidence or None,
            )
        )
    return answers


def to_core_scan(scan: Scan) -> core.Scan:
    """The stored scan as the core's input model (validated by pydantic)."""
    tokens = {r.pk: respondent_token(r) for r in scan.respondents.all()}
    workshop = None
    if scan.mode == ScanMode.WORKSHOP:
        workshop = core.Workshop(
            participants=scan.participants or 1, moderator=scan.moderator or "coördinator"
        )
    return core.Scan(
        id=str(scan.pk),
        title=scan.title,
        municipality=scan.municipality_id,
        date=scan.date,
        framework_version=scan.framework_version,
        mode=scan.mode,
        workshop=workshop,
        respondents=list(tokens.values()) if scan.mode == ScanMode.SURVEY else [],
        answers=_core_answers(scan, tokens),
    )


@transaction.atomic
@transaction.atomic
def import_scan(municipality: object, core_scan: core.Scan, user: object = None) -> Scan:
    """Store a core scan for ``municipality``; all or nothing."""
    for answer in core_scan.answers:
        _check_text(answer.question_id, answer.note or "", answer.evidence or "")
    scan = Scan.objects.create(
        municipality=municipality,
        title=core_scan.title or core_scan.id or str(core_scan.date),
        date=core_scan.date,
        mode=core_scan.mode,
        framework_version=core_scan.framework_version,
        participants=core_scan.workshop.participants if core_scan.workshop else None,
        moderator=core_scan.workshop.moderator if core_scan.workshop else "",
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    by_token: dict[str, Respondent] = {}
    all_parts = [*framework_for(core_scan.framework_version).processes, GENERAL]
    for token in core_scan.respondents:
        respondent = Respondent(scan=scan, label=token, processes=all_parts)
        respondent.issue_token()
        respondent.save()
        by_token[token] = respondent
    Answer.objects.bulk_create(
        Answer(
            scan=scan,
            respondent=by_token[a.respondent] if a.respondent else None,
            question_id=a.question_id,
            value=a.value,
            note=a.note or "",
            evidence=a.evidence or "",
        )
        for a in core_scan.answers
    )
    return scan


_CONTROL = frozenset(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


@dataclass(frozen=True)
class AnswerInput:
    question_id: str
    value: int | None
    note: str = ""
    evidence: str = ""


def check_answer(scan: Scan, respondent: Respondent | None, given: AnswerInput) -> None:
    """Raise :class:`AnswerError` when the answer does not fit (question, scale, assignment)."""
    fw = framework_for(scan.framework_version)
    question = fw.questions.get(given.question_id)
    if question is None:
        raise AnswerError(f"onbekende vraag {given.question_id!r}")
    scale = fw.scales[question.scale]
    if given.value is not None and not 0 <= given.value <= scale.max_value:
        raise AnswerError(f"waarde {given.value} ligt buiten de schaal 0–{scale.max_value}")
    if respondent is not None and part_of(question) not in respondent.processes:
        raise AnswerError(f"vraag {given.question_id!r} is niet aan deze respondent toegewezen")
    if len(given.note) > 2000 or len(given.evidence) > 500:
        raise AnswerError("toelichting (max. 2000) of onderbouwing (max. 500 tekens) te lang")
    _check_text(given.question_id, given.note, given.evidence)


def _check_text(question_id: str, *texts: str) -> None:
    """Refuse control characters (such as NUL, which PostgreSQL cannot store) in free text."""
    for text in texts:
        bad = next((ch for ch in text if ch in _CONTROL), None)
        if bad is not None:
            raise AnswerError(
                f"vraag {question_id!r}: de tekst bevat een ongeldig teken (U+{ord(bad):04X})"
            )


def record_answer(scan: Scan, respondent: Respondent | None, given: AnswerInput) -> Answer:
    """Store (insert or replace) one answer; ``value`` None is "weet niet"."""
    check_answer(scan, respondent, given)
    answer, _created = Answer.objects.update_or_create(
        scan=scan,
        respondent=respondent,
        question_id=given.question_id,
        defaults={"value": given.value, "note": given.note, "evidence": given.evidence},
    )
    return answer


def progress(scan: Scan, respondent: Respondent | None, question_ids: list[str]) -> tuple[int, int]:
    """(answered, total) for the given questions, for one respondent or the consensus."""
    answered = (
        Answer.objects.filter(scan=scan, respondent=respondent, question_id__in=question_ids)
        .values("question_id")
        .distinct()
        .count()
    )
    return answered, len(question_ids)


def mark_completed(respondent: Respondent) -> None:
    respondent.completed_at = timezone.now()
    respondent.save(update_fields=["completed_at"])
