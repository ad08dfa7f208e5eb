"""XLSX rendering (openpyxl): the report as sheets people can filter, sort and reuse.

Sheets: summary, processes, all answers (aggregated: counts per level, never who answered),
weak answers, action plan, effect, change, red flags, communication plan, sources. Every sheet
prints with "Vertrouwelijk" in its header; text that looks like a formula is stored as text.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from weerbaar.reports.labels import label, long_date
from weerbaar.reports.models import Report

SHEETS: dict[str, tuple[str, str]] = {
    "summary": ("Samenvatting", "Summary"),
    "processes": ("Processen", "Processes"),
    "answers": ("Antwoorden", "Answers"),
    "weak": ("Zwakke antwoorden", "Weak answers"),
    "plan": ("Actieplan", "Action plan"),
    "effect": ("Effect", "Effect"),
    "change": ("Verandering", "Change"),
    "disagreements": ("Verschillen", "Disagreements"),
    "red_flags": ("Rode vlaggen", "Red flags"),
    "communication": ("Communicatie", "Communication"),
    "awareness": ("Bewustwording", "Awareness"),
    "sources": ("Bronnen", "Sources"),
}
FORMULA_START = ("=", "+", "-", "@")


def sheet_name(key: str, lang: str) -> str:
    nl, en = SHEETS[key]
    return en if lang == "en" else nl


def render_xlsx(report: Report) -> bytes:
    lang = report.meta.lang
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for key, (header, rows) in _tables(report).items():
        _sheet(book, report, sheet_name(key, lang), header, rows)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _tables(report: Report) -> dict[str, tuple[list[str], list[list[Any]]]]:
    lang = report.meta.lang

    def t(key: str) -> str:
        return label(key, lang)

    tables: dict[str, tuple[list[str], list[list[Any]]]] = {
        "summary": (["", ""], _summary_rows(report)),
        "processes": (
            [
                t("process"),
                "id",
                t("vulnerability"),
                t("rating"),
                t("resilience"),
                t("exposure"),
                t("confidence"),
                t("dont_know"),
                t("weak"),
            ],
            [
                [
                    p.name,
                    p.id,
                    p.vulnerability,
                    p.level,
                    p.resilience,
                    p.exposure,
                    p.confidence,
                    p.dont_know_share,
                    len(p.weak),
                ]
                for p in report.processes
            ],
        ),
        "answers": (
            [
                t("question"),
                t("process"),
                t("section"),
                t("kind"),
                t("target"),
                t("text"),
                t("answers"),
                t("dont_know_count"),
                t("level"),
                "max",
                t("distribution"),
                t("weakness"),
            ],
            [
                [
                    a.question_id,
                    a.process,
                    a.section,
                    a.kind,
                    a.target,
                    a.text,
                    a.answers,
                    a.dont_know,
                    a.level,
                    a.scale_max,
                    _distribution(a.distribution),
                    a.weakness,
                ]
                for a in report.answers
            ],
        ),
        "weak": (
            [
                t("process"),
                t("question"),
                t("text"),
                t("target"),
                t("gap"),
                t("points"),
                t("dont_know_flag"),
                t("measures"),
            ],
            [
                [
                    p.name,
                    w.question_id,
                    w.text,
                    w.target,
                    w.weakness,
                    w.points,
                    "x" if w.dont_know else "",
                    "; ".join(w.measures),
                ]
                for p in report.processes
                for w in p.weak
            ],
        ),
    }
    tables.update(_plan_tables(report))
    tables.update(_other_tables(report))
    return tables


def _summary_rows(report: Report) -> list[list[Any]]:
    meta, lang = report.meta, report.meta.lang
    rows: list[list[Any]] = [
        [label("confidential", lang).upper(), report.title],
        [label("municipality", lang), f"{meta.municipality_name} ({meta.municipality})"],
        [label("scan_date", lang), long_date(meta.scan_date, lang)],
        [label("generated", lang), long_date(meta.generated, lang)],
        [label("framework", lang), meta.framework_version],
        [label("overall", lang), report.summary.overall],
        [label("confidence", lang), report.summary.confidence],
    ]
    rows += [["", paragraph] for paragraph in report.summary.paragraphs]
    rows += [[label("asks", lang), ask] for ask in report.summary.asks]
    return rows


def _plan_tables(report: Report) -> dict[str, tuple[list[str], list[list[Any]]]]:
    plan, lang = report.plan, report.meta.lang
    if plan is None:
        return {}

    def t(key: str) -> str:
        return label(key, lang)

    quarters = [f"{t('q')}{q + 1} {t('hours').lower()}" for q in range(plan.quarters)]
    header = [t("quarter"), t("measure"), t("title"), t("theme"), *quarters, t("hours"), t("cost")]
    rows = [
        [
            m.quarter,
            m.id,
            m.title,
            m.theme,
            *m.hours_per_quarter,
            m.hours,
            m.cost_eur,
            t("shared") if m.shared else "",
            m.reason,
        ]
        for m in plan.measures
    ]
    rows.append([t("total"), "", "", "", *plan.hours_by_quarter, plan.total_hours])
    rows[-1].append(plan.total_cost_eur)
    effect = [[r.name, r.process, r.before, r.after] for r in plan.effect]
    return {
        "plan": ([*header, t("shared"), t("reason")], rows),
        "effect": ([t("process"), "id", t("before"), t("after")], effect),
    }


def _other_tables(report: Report) -> dict[str, tuple[list[str], list[list[Any]]]]:
    lang = report.meta.lang

    def t(key: str) -> str:
        return label(key, lang)

    tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
    if report.change is not None:
        tables["change"] = (
            [t("process"), t("old"), t("new"), t("delta"), t("causes")],
            [[r.name, r.old, r.new, r.delta, "; ".join(r.causes)] for r in report.change.rows],
        )
    if report.disagreements:
        tables["disagreements"] = (
            [t("question"), t("process"), t("target"), t("text"), t("spread"), t("distribution")],
            [
                [
                    d.question_id,
                    d.process,
                    d.target,
                    d.text,
                    d.spread,
                    ", ".join(f"{k}: {n}" for k, n in d.distribution.items()),
                ]
                for d in report.disagreements
            ],
        )
    tables["red_flags"] = (
        [t("process"), "id", t("title"), t("description"), t("signal_rules")],
        [
            [p.name, f.id, f.title, f.description, ", ".join(f.signal_rules)]
            for p in report.processes
            for f in p.red_flags
        ],
    )
    tables["communication"] = (
        [t("who"), t("audience"), t("message"), t("moment"), t("channel"), t("status")],
        [
            [c.who, c.audience, c.message, c.moment, c.channel, c.status]
            for c in report.communication
        ],
    )
    if report.awareness is not None:
        tables["awareness"] = _awareness_table(report, t)
    tables["sources"] = (
        ["id", t("title"), t("publisher"), t("year"), "URL"],
        [[s.id, s.title, s.publisher, s.year, s.address] for s in report.sources],
    )
    return tables


def _awareness_table(report: Report, t: Any) -> tuple[list[str], list[list[Any]]]:
    """Sessions, lessons and the pulse trend, one figure per row (counts only)."""
    aware = report.awareness
    assert aware is not None
    rows: list[list[Any]] = [
        [t("sessions_held"), aware.sessions_held],
        [t("participants"), aware.participants],
    ]
    rows += [[title, count] for title, count in aware.lessons]
    for (wave, respondents), index in zip(aware.waves, range(len(aware.waves)), strict=True):
        rows.append([f"{t('pulse')} {wave}: {t('respondents')}", respondents])
        rows += [
            [f"{t('pulse')} {wave}: {row.statement}", row.values[index]] for row in aware.pulse
        ]
    return [t("figure"), t("value")], rows


def _distribution(counts: dict[int, int] | dict[str, int]) -> str:
    return ", ".join(f"{level}: {n}" for level, n in counts.items())


def _sheet(book: Any, report: Report, title: str, header: list[str], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(title)
    lang = report.meta.lang
    sheet.oddHeader.left.text = label("confidential", lang).upper()
    sheet.oddHeader.right.text = f"{report.meta.municipality_name} ({report.meta.municipality})"
    sheet.oddFooter.left.text = f"{report.title} · {report.meta.framework_version}"
    sheet.oddFooter.right.text = "&P / &N"
    if any(header):
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"
            if isinstance(cell.value, str) and len(cell.value) > 60:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
