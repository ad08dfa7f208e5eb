"""Excel round trip: a questionnaire workbook to fill in offline, and reading it back.

Layout: an instruction sheet (with the fields to fill in: date, participants and moderator, or
the respondent token), one sheet per process plus ``algemeen`` for the general questions, and
two hidden sheets: ``_meta`` (municipality, framework version, mode) and ``_lijsten`` (the
answer lists behind the dropdowns). Each question row keeps its id in hidden column A.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from weerbaar.knowledge.models import Framework, Municipality, Question, Scale
from weerbaar.scan.errors import ScanError, ScanFileError, ScanProblem
from weerbaar.scan.models import Answer, Mode, Scan, Workshop
from weerbaar.scan.profile import Profile, profile_for, resolve_framework
from weerbaar.scan.validation import scan_problems

INSTRUCTIONS = "Instructie"
META = "_meta"
LISTS = "_lijsten"
GENERAL = "algemeen"
DONT_KNOW = "weet niet"
MAX_BYTES = 10 * 1024 * 1024
COLUMNS = ("id", "nr", "vraag / question", "toelichting / help", "antwoord / answer",
           "notitie / note", "bewijs / evidence")  # fmt: skip
FIELD_ROWS = {"date": 8, "participants": 9, "moderator": 10, "respondent": 9}
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def level_label(scale: Scale, value: int) -> str:
    return f"{value} – {scale.levels[value].label.nl}"


def write_template(
    framework: Framework,
    municipality: Municipality | str,
    path: Path | str,
    mode: Mode = "workshop",
) -> None:
    """Write the questionnaire for ``municipality`` (its size class selects the questions)."""
    code = municipality if isinstance(municipality, str) else municipality.code
    profile = profile_for(framework, code)
    book = Workbook()
    _instructions(book.active, framework, profile, mode)
    lists = _lists_sheet(book, framework)
    groups: dict[str, list[Question]] = {pid: [] for pid in framework.processes}
    groups[GENERAL] = []
    for question in framework.questions.values():
        if profile.applies(question):
            groups[question.process or GENERAL].append(question)
    for name, questions in groups.items():
        if questions:
            _question_sheet(book.create_sheet(name), framework, questions, lists)
    meta = book.create_sheet(META)
    for key, value in (
        ("municipality", code),
        ("framework_version", framework.version),
        ("mode", mode),
        ("format", "weerbaar-scan-xlsx/1"),
    ):
        meta.append([key, value])
    meta.sheet_state = "hidden"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def _instructions(sheet: Any, framework: Framework, profile: Profile, mode: Mode) -> None:
    sheet.title = INSTRUCTIONS
    municipality = profile.municipality
    rows: list[list[Any]] = [
        [f"Weerbaarheidsscan — gemeente {municipality.name} ({municipality.code})"],
        [f"Kader / framework {framework.version}; grootteklasse {profile.size_class.id}"],
        ["Vul per tabblad in kolom E het antwoord in via de keuzelijst; kies 'weet niet' als u het "
         "niet weet. Laat geen vragen open. Notitie en bewijs zijn optioneel."],
        ["Per tab, pick the answer in column E from the list; choose 'weet niet' (don't know) "
         "when you do not know. Note and evidence are optional."],
        ["Vul hieronder de gegevens in / fill in below:"],
        [],
        ["veld / field", "waarde / value"],
        ["datum / date (JJJJ-MM-DD)", dt.date.today()],
    ]  # fmt: skip
    if mode == "workshop":
        rows += [["aantal deelnemers / participants", None], ["moderator (rol/organisatie)", None]]
    else:
        rows += [["respondent-token (geen naam / no name)", None]]
    for row in rows:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.cell(row=FIELD_ROWS["date"], column=2).number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 30


def _lists_sheet(book: Workbook, framework: Framework) -> dict[str, str]:
    sheet = book.create_sheet(LISTS)
    ranges = {}
    for column, scale in enumerate(framework.scales.values(), start=1):
        options = [level_label(scale, level.value) for level in scale.levels] + [DONT_KNOW]
        letter = get_column_letter(column)
        for row, option in enumerate(options, start=1):
            sheet.cell(row=row, column=column, value=option)
        ranges[scale.id] = f"'{LISTS}'!${letter}$1:${letter}${len(options)}"
    sheet.sheet_state = "hidden"
    return ranges


def _question_sheet(
    sheet: Any, framework: Framework, questions: list[Question], lists: dict[str, str]
) -> None:
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
    validations: dict[str, DataValidation] = {}
    for number, question in enumerate(questions, start=1):
        scale = framework.scales[question.scale]
        hint = "; ".join(level_label(scale, level.value) for level in scale.levels)
        help_text = f"{question.help.nl}\n" if question.help else ""
        sheet.append([question.id, number, question.text.nl, help_text + hint, None, None, None])
        row = sheet.max_row
        if question.scale not in validations:
            validation = DataValidation(type="list", formula1=f"={lists[question.scale]}")
            validation.error = "Kies een antwoord uit de lijst / pick an answer from the list"
            validation.showErrorMessage = True
            sheet.add_data_validation(validation)
            validations[question.scale] = validation
        validations[question.scale].add(f"E{row}")
        for column in (3, 4):
            sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].hidden = True
    for letter, width in zip("BCDEFG", (5, 70, 45, 28, 30, 25), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"


@dataclass
class _Reader:
    path: Path
    framework: Framework
    problems: list[ScanProblem]

    def problem(self, message: str, sheet: str, row: int | None = None, column: str = "") -> None:
        where = (
            f"sheet '{sheet}'"
            + (f", row {row}" if row else "")
            + (f", column {column}" if column else "")
        )
        self.problems.append(ScanProblem(message, location=where))


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
    reader = _Reader(path, framework, problems)
    mode = meta["mode"]
    fields = _fields(book[INSTRUCTIONS] if INSTRUCTIONS in book.sheetnames else None, mode, reader)
    respondent = fields.get("respondent")
    answers = []
    for sheet in book.worksheets:
        if sheet.title not in (INSTRUCTIONS, META, LISTS):
            answers += _sheet_answers(sheet, reader, respondent)
    if not answers and not reader.problems:
        reader.problem("no answers filled in (column E is empty on every sheet)", INSTRUCTIONS)
    if reader.problems:
        raise ScanFileError(path, reader.problems)
    return _build_scan(path, framework, meta, fields, answers)


def _open(path: Path) -> Any:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ScanFileError(path, [ScanProblem(f"file larger than {MAX_BYTES} bytes")])
        return load_workbook(path, data_only=True)
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
    fields: dict[str, Any] = {"date": _date(raw_date)}
    if fields["date"] is None:
        reader.problem(
            f"not a date (JJJJ-MM-DD): {raw_date!r}", INSTRUCTIONS, FIELD_ROWS["date"], "B"
        )
    names = ("participants", "moderator") if mode == "workshop" else ("respondent",)
    for name in names:
        value = sheet.cell(row=FIELD_ROWS[name], column=2).value
        if value in (None, ""):
            reader.problem(f"'{name}' is not filled in", INSTRUCTIONS, FIELD_ROWS[name], "B")
        fields[name] = value.strip() if isinstance(value, str) else value
    return fields


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _sheet_answers(sheet: Any, reader: _Reader, respondent: str | None) -> list[Answer]:
    answers = []
    for row_number, row in enumerate(sheet.iter_rows(min_row=2, max_col=7, values_only=True), 2):
        qid, _, _, _, raw, note, evidence = (tuple(row) + (None,) * 7)[:7]
        if qid in (None, ""):
            continue
        question = reader.framework.questions.get(str(qid))
        if question is None:
            reader.problem(f"unknown question id {qid!r}", sheet.title, row_number, "A")
            continue
        if raw in (None, ""):
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
                note=_text(note),
                evidence=_text(evidence),
            )
        )
    return answers


def _text(value: Any) -> str | None:
    return str(value).strip()[:500] or None if value not in (None, "") else None


def parse_answer(raw: Any, scale: Scale) -> tuple[bool, int | None]:
    """``(True, level)`` for a valid cell, ``(True, None)`` for "weet niet", else ``(False, _)``."""
    if isinstance(raw, bool):
        return False, None
    if isinstance(raw, int | float) and float(raw).is_integer():
        value = int(raw)
        return (0 <= value <= scale.max_value), (value if 0 <= value <= scale.max_value else None)
    text = str(raw).strip().casefold()
    if text in (DONT_KNOW, "weet niet / don't know", "don't know", "?"):
        return True, None
    match = re.match(r"^(\d+)(\s*[–-].*)?$", text)
    if match and int(match.group(1)) <= scale.max_value:
        return True, int(match.group(1))
    for level in scale.levels:
        if text in (level.label.nl.casefold(), level.label.en.casefold()):
            return True, level.value
    return False, None


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


def merge_survey(scans: list[Scan]) -> Scan:
    """One survey scan from several respondents' workbooks (same municipality and version)."""
    first = scans[0]
    problems = []
    for scan in scans[1:]:
        for key in ("municipality", "framework_version", "mode"):
            if getattr(scan, key) != getattr(first, key):
                problems.append(ScanProblem(f"workbooks differ in {key}"))
    respondents = [r for scan in scans for r in scan.respondents]
    if len(set(respondents)) != len(respondents):
        problems.append(ScanProblem("the same respondent token appears in two workbooks"))
    if problems:
        raise ScanFileError("<workbooks>", problems)
    return first.model_copy(
        update={
            "date": max(scan.date for scan in scans),
            "respondents": respondents,
            "answers": [a for scan in scans for a in scan.answers],
        }
    )
