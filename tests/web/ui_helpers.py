"""Helpers shared by the ui tests: a scan with answers, stored through the real services."""

from __future__ import annotations

from typing import Any

from weerbaar.web.knowledgebase.framework import framework, question_parts
from weerbaar.web.scans.models import Respondent, Scan, ScanMode
from weerbaar.web.scans.services import AnswerInput, record_answer

# Municipality "b" of the shared fixtures (GM0202) is in the framework's reference data, so
# its scans can be scored by the core.
SCORED = "b"


def make_scan(municipality: Any, mode: str = ScanMode.WORKSHOP, **fields: Any) -> Scan:
    defaults = {
        "title": "Scan 2026",
        "mode": mode,
        "framework_version": framework().version,
        "participants": 6 if mode == ScanMode.WORKSHOP else None,
        "moderator": "RIEC" if mode == ScanMode.WORKSHOP else "",
    }
    defaults.update(fields)
    return Scan.objects.create(municipality=municipality, **defaults)


def answer_all(scan: Scan, respondent: Respondent | None = None, value: int = 1) -> int:
    """Answer every question the respondent (or the consensus) has with ``value`` (capped)."""
    count = 0
    for part, questions in question_parts(scan.municipality_id).items():
        if respondent is not None and part not in respondent.processes:
            continue
        for question in questions:
            top = framework().scales[question.scale].max_value
            record_answer(scan, respondent, AnswerInput(question.id, min(value, top)))
            count += 1
    return count


def add_respondent(scan: Scan, label: str, parts: list[str]) -> tuple[Respondent, str]:
    respondent = Respondent(scan=scan, label=label, processes=parts)
    token = respondent.issue_token()
    respondent.save()
    return respondent, token


def visible_text(html: str) -> str:
    """The text a reader sees: no tags, attributes, scripts or styles; whitespace collapsed."""
    import re
    from html import unescape

    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
