"""Reading a filled-in Excel questionnaire back into a scan; every bad cell is named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile, ZipFile

from openpyxl import load_workbook
from pydantic import ValidationError

from weerbaar.knowledge.models import Framework, Question
from weerbaar.scan.cells import free_text, parse_answer, parse_date
from weerbaar.scan.errors import ScanError, ScanFileError, ScanProblem
from weerbaar.scan.models import RESPONDENT_PATTERN, Answer, Scan, Workshop
from weerbaar.scan.profile import Profile, profile_for, resolve_framework
from weerbaar.scan.template import COLUMNS, FIELD_ROWS, GENERAL, INSTRUCTIONS, LISTS, META
from weerbaar.scan.validation import scan_problems

MAX_BYTES = 10 * 1024 * 1024
FORMULA_WITHOUT_VALUE = "a formula without a computed value: type or pick the value itself"
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
"""What a workbook may unpack to (a filled-in template is well under 1 MB): a small upload that
unpacks to gigabytes (a zip bomb) is refused before openpyxl reads it."""


@dataclass
class _Reader:
    path: Path
    framework: Framework
    profile: Profile
    problems: list[ScanProblem]
    seen: dict[str, tuple[str, int]] = field(default_factory=dict)
    formulas: Any = None

    def problem(self, message: str, sheet: str, row: int | None = None, column: str = "") -> None:
        where = (
            f"sheet '{sheet}'"
            + (f", row {row}" if row else "")
            + (f", column {column}" if column else "")
        )
        self.problems.append(ScanProblem(message, location=where))

    def question_at(self, qid: str, sheet: str, row: int) -> Question | None:
        """The question whose hidden id is in ``sheet``/``row``, if it belongs exactly there."""
        question = self.framework.questions.get(qid)
        if question is None:
            self.problem(f"unknown question id {qid!r}", sheet, row, "A")
            return None
        expected = question.process or GENERAL
        if not self.profile.applies(question):
            message = (
                f"question {qid} is not part of this questionnaire "
                f"(size class {self.profile.size_class.id})"
            )
        elif sheet != expected:
            message = f"question {qid} belongs on sheet '{expected}' (hidden column A changed)"
        elif qid in self.seen:
            message = f"question {qid} appears twice (also row {self.seen[qid][1]})"
        else:
            self.seen[qid] = (sheet, row)
            return question
        self.problem(message, sheet, row, "A")
        return None

    def is_formula(self, sheet: str, row: int, column: int = 5) -> bool:
        """Whether a cell holds a formula (read without its computed value); column 5 = E."""
        if self.formulas is None:
            self.formulas = load_workbook(self.path, data_only=False)
        value = self.formulas[sheet].cell(row=row, column=column).value
        return isinstance(value, str) and value.startswith("=")

    def empty_cell_problem(self, sheet: str, row: int, column: int, fallback: str | None) -> None:
        """Report an empty-looking cell: a formula without a value, else ``fallback`` if any."""
        letter = "ABCDEFG"[column - 1]
        if self.is_formula(sheet, row, column):
            self.problem(FORMULA_WITHOUT_VALUE, sheet, row, letter)
        elif fallback:
            self.problem(fallback, sheet, row, letter)

    def check_complete(self, sheets: list[str]) -> None:
        """Every question of the profile has its row: a deleted sheet or row is reported."""
        missing: dict[str, list[str]] = {}
        for question in self.framework.questions.values():
            if self.profile.applies(question) and question.id not in self.seen:
                missing.setdefault(question.process or GENERAL, []).append(question.id)
        for sheet, ids in missing.items():
            what = "sheet missing" if sheet not in sheets else "question rows missing"
            self.problem(f"{what}: {', '.join(ids)} (do not delete sheets or rows)", sheet)


def read_workbook(path: Path | str, framework: Framework | None = None) -> Scan:
    """Read a filled-in questionnaire back into a :class:`Scan` (validated against framework).

    Without ``framework`` the version recorded in the workbook is used.

    Raises :class:`ScanFileError` naming sheet, row and column of every bad cell.
    """
    path = Path(path)
    book = _open(path)
    problems: list[ScanProblem] = []
    meta = _meta(book, problems)
    if problems:
        raise ScanFileError(path, problems)
    if framework is None:
        try:
            framework = resolve_framework(meta["framework_version"])
        except ScanError as exc:
            raise ScanFileError(path, exc.problems) from exc
    reader = _Reader(path, framework, _profile(path, framework, meta["municipality"]), problems)
    mode = meta["mode"]
    fields = _fields(book[INSTRUCTIONS] if INSTRUCTIONS in book.sheetnames else None, mode, reader)
    respondent = fields.get("respondent")
    answers = []
    for sheet in book.worksheets:
        if sheet.title not in (INSTRUCTIONS, META, LISTS) and _has_questions(sheet, framework):
            answers += _sheet_answers(sheet, reader, respondent)
    reader.check_complete(book.sheetnames)
    if not answers and not reader.problems:
        reader.problem("no answers filled in (column E is empty on every sheet)", INSTRUCTIONS)
    if reader.problems:
        raise ScanFileError(path, reader.problems)
    return _build_scan(path, framework, meta, fields, answers)


def _profile(path: Path, framework: Framework, code: str) -> Profile:
    try:
        return profile_for(framework, code)
    except ScanError as exc:
        where = f"sheet '{META}'"
        problems = [ScanProblem(p.message, location=where) for p in exc.problems]
        raise ScanFileError(path, problems) from exc


def _open(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ScanFileError(path, [ScanProblem(f"file larger than {MAX_BYTES} bytes")])
        with ZipFile(path) as archive:
            # zipfile never unpacks a member beyond the size it declares, so this bounds it
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            message = f"workbook unpacks to more than {MAX_UNPACKED_BYTES} bytes (a zip bomb?)"
            raise ScanFileError(path, [ScanProblem(message)])
        return load_workbook(path, data_only=True)
    except ScanFileError:
        raise
    except OSError as exc:
        raise ScanFileError(path, [ScanProblem(f"cannot read file: {exc}")]) from exc
    except (BadZipFile, KeyError, ValueError, TypeError) as exc:
        message = f"not a readable .xlsx workbook: {exc}"
        raise ScanFileError(path, [ScanProblem(message)]) from exc


def _meta(book: Any, problems: list[ScanProblem]) -> dict[str, str]:
    where = f"sheet '{META}'"
    if META not in book.sheetnames:
        problems.append(
            ScanProblem("missing hidden sheet: not a weerbaar scan template", location=where)
        )
        return {}
    rows = book[META].iter_rows(max_col=2, values_only=True)
    meta = {str(row[0]): str(row[1]) for row in rows if row and row[0] and len(row) > 1}
    for key in ("municipality", "framework_version", "mode"):
        if not meta.get(key):
            problems.append(ScanProblem(f"missing '{key}'", location=where))
    if meta.get("mode") not in (None, "workshop", "survey"):
        problems.append(ScanProblem(f"unknown mode {meta['mode']!r}", location=where))
    return meta


def _fields(sheet: Any, mode: str, reader: _Reader) -> dict[str, Any]:
    if sheet is None:
        reader.problem("missing sheet", INSTRUCTIONS)
        return {}
    raw_date = sheet.cell(row=FIELD_ROWS["date"], column=2).value
    fields: dict[str, Any] = {"date": parse_date(raw_date)}
    if fields["date"] is None:
        reader.problem(
            f"not a date (JJJJ-MM-DD): {raw_date!r}", INSTRUCTIONS, FIELD_ROWS["date"], "B"
        )
    names = ("participants", "moderator") if mode == "workshop" else ("respondent",)
    for name in names:
        value = sheet.cell(row=FIELD_ROWS[name], column=2).value
        fields[name] = _field(name, value.strip() if isinstance(value, str) else value, reader)
    return fields


def _field(name: str, value: Any, reader: _Reader) -> Any:
    """The checked value of one instruction field (None after a problem)."""
    problem = None
    if value in (None, ""):
        reader.empty_cell_problem(INSTRUCTIONS, FIELD_ROWS[name], 2, f"'{name}' is not filled in")
        return None
    if name == "participants":
        number = str(value).strip().removesuffix(".0")
        if isinstance(value, bool) or not number.isdigit() or not 1 <= int(number) <= 100:
            problem = f"{value!r} is not a whole number of participants (1-100)"
        value = None if problem else int(number)
    elif name == "respondent":
        value = str(value).strip()
        if not re.fullmatch(RESPONDENT_PATTERN, value):
            problem = (
                f"{value!r} is not a respondent token: use a pseudonym of 2-32 lower-case "
                "letters, digits, '-' or '_' (never a name)"
            )
    if problem is None:
        return value
    reader.problem(problem, INSTRUCTIONS, FIELD_ROWS[name], "B")
    return None


def _has_questions(sheet: Any, framework: Framework) -> bool:
    """A sheet of the template, or one the user added that holds question rows (a sheet of
    their own notes is left alone)."""
    if sheet.title in framework.processes or sheet.title == GENERAL:
        return True
    column = sheet.iter_rows(min_col=1, max_col=1, values_only=True)
    return any(str(row[0]) in framework.questions for row in column if row and row[0])


def _sheet_answers(sheet: Any, reader: _Reader, respondent: str | None) -> list[Answer]:
    header = next(sheet.iter_rows(max_row=1, max_col=7, values_only=True), ())
    if any(header) and tuple(header) != COLUMNS:
        message = "columns were inserted, deleted or moved (the header row differs)"
        reader.problem(message, sheet.title, 1)
        return []
    answers = []
    for row_number, row in enumerate(sheet.iter_rows(min_row=2, max_col=7, values_only=True), 2):
        qid, _, _, _, raw, note, evidence = (tuple(row) + (None,) * 7)[:7]
        if qid in (None, ""):
            if raw not in (None, ""):
                message = "answer without a question id (hidden column A was cleared)"
                reader.problem(message, sheet.title, row_number, "A")
            continue
        question = reader.question_at(str(qid), sheet.title, row_number)
        if question is None:
            continue
        for column, text in ((6, note), (7, evidence)):
            if text is None:
                reader.empty_cell_problem(sheet.title, row_number, column, None)
        if raw in (None, ""):
            reader.empty_cell_problem(sheet.title, row_number, 5, None)
            continue  # unanswered: scored as "weet niet"
        scale = reader.framework.scales[question.scale]
        ok, value = parse_answer(raw, scale)
        if not ok:
            message = f"{raw!r} is not an answer on scale '{scale.id}' ({question.id})"
            reader.problem(message, sheet.title, row_number, "E")
            continue
        answers.append(
            Answer(
                question_id=question.id,
                value=value,
                respondent=respondent,
                note=free_text(note),
                evidence=free_text(evidence),
            )
        )
    return answers


def _build_scan(
    path: Path,
    framework: Framework,
    meta: dict[str, str],
    fields: dict[str, Any],
    answers: list[Answer],
) -> Scan:
    mode = meta["mode"]
    try:
        scan = Scan(
            municipality=meta["municipality"],
            date=fields["date"],
            framework_version=meta["framework_version"],
            mode=mode,
            workshop=Workshop(
                participants=fields["participants"], moderator=str(fields["moderator"])
            )
            if mode == "workshop"
            else None,
            respondents=[fields["respondent"]] if mode == "survey" else [],
            answers=answers,
        )
    except ValidationError as exc:
        problems = [
            ScanProblem(
                f"{'.'.join(map(str, e['loc']))}: {e['msg']}", location=f"sheet '{INSTRUCTIONS}'"
            )
            for e in exc.errors()
        ]
        raise ScanFileError(path, problems) from exc
    problems = scan_problems(scan, framework)
    if problems:
        raise ScanFileError(path, problems)
    return scan
