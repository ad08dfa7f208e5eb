"""The Excel questionnaire (template) that a municipality fills in offline.

Layout: an instruction sheet (with the fields to fill in: date, participants and moderator, or
the respondent token), one sheet per process plus ``algemeen`` for the general questions, and
two hidden sheets: ``_meta`` (municipality, framework version, mode) and ``_lijsten`` (the
answer lists behind the dropdowns). Each question row keeps its id in hidden column A.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from weerbaar.knowledge.models import Framework, Municipality, Question, Scale
from weerbaar.scan.models import Mode
from weerbaar.scan.profile import Profile, profile_for

INSTRUCTIONS = "Instructie"
META = "_meta"
LISTS = "_lijsten"
GENERAL = "algemeen"
DONT_KNOW = "weet niet"
COLUMNS = ("id", "nr", "vraag / question", "toelichting / help", "antwoord / answer",
           "notitie / note", "bewijs / evidence")  # fmt: skip
FIELD_ROWS = {"date": 8, "participants": 9, "moderator": 10, "respondent": 9}
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def level_label(scale: Scale, value: int) -> str:
    return f"{value} – {scale.levels[value].label.nl}"


def question_text(question: Question) -> str:
    """The question in Dutch, then in English."""
    return f"{question.text.nl}\n\n{question.text.en}"


def answer_help(question: Question, scale: Scale) -> str:
    """The question's help, then what every level means for this question (its anchors)."""
    anchors = question.anchors or [level.description for level in scale.levels]
    lines = [question.help.nl] if question.help else []
    lines += [
        f"{level_label(scale, level.value)}: {anchor.nl}"
        for level, anchor in zip(scale.levels, anchors, strict=False)
    ]
    return "\n".join(lines)


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
         "niet weet. Laat geen vragen open. Notitie en bewijs zijn optioneel. Verwijder of "
         "verplaats geen tabbladen, rijen of kolommen."],
        ["Per tab, pick the answer in column E from the list; choose 'weet niet' (don't know) "
         "when you do not know. Note and evidence are optional. Do not delete or move sheets, "
         "rows or columns."],
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
        texts = (question_text(question), answer_help(question, scale))
        sheet.append([question.id, number, *texts, None, None, None])
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
