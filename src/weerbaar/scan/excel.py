"""Excel round trip: :func:`write_template` writes a questionnaire to fill in offline,
:func:`read_workbook` reads it back into a scan (see :mod:`.template` and :mod:`.workbook`).
"""

from __future__ import annotations

from weerbaar.scan.cells import parse_answer
from weerbaar.scan.survey import merge_survey
from weerbaar.scan.template import (
    DONT_KNOW,
    GENERAL,
    INSTRUCTIONS,
    LISTS,
    META,
    level_label,
    write_template,
)
from weerbaar.scan.workbook import read_workbook

__all__ = [
    "DONT_KNOW",
    "GENERAL",
    "INSTRUCTIONS",
    "LISTS",
    "META",
    "level_label",
    "merge_survey",
    "parse_answer",
    "read_workbook",
    "write_template",
]
