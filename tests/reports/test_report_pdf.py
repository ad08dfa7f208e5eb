"""The PDF: its text (pdftotext) holds the content, every page is marked, nothing overflows."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from report_fixtures import require_tool
from report_layout import overflows

from weerbaar.measures import Plan
from weerbaar.reports import Report


def _flat(text: str) -> str:
    """Text with all white space collapsed to single spaces."""
    return re.sub(r"\s+", " ", text)


def _bare(text: str) -> str:
    """Text without white space and hyphens, so line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u2010\u00ad]+", "", text)


def test_pdf_text_has_the_summary(pdf_pages: list[str], report_nl: Report) -> None:
    first = _flat(pdf_pages[0])
    assert "Samenvatting voor college en raad" in first
    assert "Gemeente Voorbeeld heeft op 18 maart 2026" in first
    for ask in report_nl.summary.asks:
        assert ask[:40] in first


def test_summary_is_exactly_one_page(pdf_pages: list[str]) -> None:
    assert "Wat wij vragen" in pdf_pages[0]
    assert "Waar de kwetsbaarheid vandaan komt" in pdf_pages[1]
    assert "Waar de kwetsbaarheid vandaan komt" not in pdf_pages[0]


def test_pdf_text_has_every_process_on_its_own_page(
    pdf_pages: list[str], report_nl: Report
) -> None:
    for process in report_nl.processes:
        heading = f"Proces: {process.name}"
        starts = [i for i, page in enumerate(pdf_pages) if heading in _flat(page)]
        assert starts, heading
        # the heading comes first on its page, after the margin marking
        body = _flat(pdf_pages[starts[0]]).split("(GM9999)", 1)[1]
        assert body.strip().startswith(heading), heading


def test_pdf_text_has_every_chosen_measure(pdf_pages: list[str], plan_2026: Plan) -> None:
    text = _bare("\n".join(pdf_pages))
    assert plan_2026.chosen
    for measure in plan_2026.chosen:
        assert _bare(measure.title) in text, measure.id


def test_every_page_is_marked_confidential(pdf_pages: list[str], report_nl: Report) -> None:
    total = len(pdf_pages)
    for number, page in enumerate(pdf_pages, start=1):
        flat = _flat(page)
        assert "VERTROUWELIJK" in flat, number
        assert "Gemeente Voorbeeld (GM9999)" in flat, number
        assert f"kennisbank {report_nl.meta.framework_version}" in flat, number
        assert "1 april 2026" in flat, number
        assert f"Pagina {number} van {total}" in flat, number


def test_page_count_is_within_bounds(pdf_pages: list[str], report_nl: Report) -> None:
    n = len(report_nl.processes)
    assert n + 5 <= len(pdf_pages) <= 2 * n + 10


def test_no_text_overflows_its_box(pdf_document: Any) -> None:
    assert overflows(pdf_document) == []


def test_no_word_outside_the_content_area(pdf_file: Path) -> None:
    """pdftotext -bbox: words in the body stay between the left and right page margins."""
    tool = require_tool("pdftotext")
    xml = subprocess.run(
        [tool, "-bbox", str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    margin = 16 / 25.4 * 72  # 16 mm in points, the left and right page margins
    outside = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        width = float(page.group(1))
        words = re.finditer(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)', page[3]
        )
        for word in words:
            x_min, x_max = float(word.group(1)), float(word.group(2))
            if x_min < margin - 1 or x_max > width - margin + 1:
                outside.append(word.group(3))
    assert outside == []


def test_layout_check_finds_text_that_sticks_out() -> None:
    """The overflow check itself: a word wider than its box is reported with its text."""
    from weasyprint import HTML

    html = (
        '<div style="width: 40px"><p>Onbreekbaarwoordvanveeltekens</p></div>'
        '<div style="width: 400px"><p>Past gewoon.</p></div>'
    )
    found = overflows(HTML(string=html).render())
    assert len(found) == 1
    assert "Onbreekbaarwoord" in found[0]


def test_committed_example_png_matches_a_fresh_rendering(pdf_file: Path, tmp_path: Path) -> None:
    """docs/report-example.png is page 1 of the demo report (``tests/reports/report_example.py``).

    A fresh rendering of the same page must have the same size and nearly the same pixels; a
    broken stylesheet, a lost font or a changed layout shows up here.
    """
    from PIL import Image, ImageChops, ImageStat
    from report_example import DOCS, page_png

    require_tool("pdftoppm")
    fresh = Image.open(page_png(pdf_file, 1, tmp_path / "page-1")).convert("L")
    committed = Image.open(DOCS / "report-example.png").convert("L")
    assert fresh.size == committed.size == (497, 702)  # A4 at 60 dpi
    difference = ImageStat.Stat(ImageChops.difference(fresh, committed)).mean[0]
    assert difference < 2.0, f"page 1 differs from docs/report-example.png by {difference:.2f}"


def test_english_survey_report_without_plan(scan_2025: Any, tmp_path: Path) -> None:
    """Another scan (a survey), another language, no plan: marked, laid out, no names."""
    from report_fixtures import GENERATED

    from weerbaar.reports import build_report
    from weerbaar.reports.pdf import render_document

    tool = require_tool("pdftotext")
    report = build_report(scan_2025, lang="en", generated=GENERATED)
    document = render_document(report)
    assert overflows(document) == []
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(document.write_pdf())
    text = subprocess.run([tool, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == len(document.pages)
    for number, page in enumerate(pages, start=1):
        assert "CONFIDENTIAL" in page and f"Page {number} of {len(pages)}" in _flat(page)
    flat = _flat(text)
    assert f"with a questionnaire for {len(scan_2025.respondents)} staff" in flat
    assert "There is no action plan for this scan yet" in flat
    for token in scan_2025.respondents:
        assert token not in text
