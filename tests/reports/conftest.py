"""Fixtures of the report tests: the demo municipality's scans, a plan, and rendered reports.

Rendering a PDF takes seconds, so the rendered outputs are session-scoped and shared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from report_fixtures import GENERATED, SCAN_2025, SCAN_2026, require_tool

from weerbaar.measures import Plan, PlanRequest, make_plan, problem_from_scan
from weerbaar.reports import Report, build_report
from weerbaar.reports.pdf import render_document
from weerbaar.scan import Scan, score_scan
from weerbaar.scan.io import load_scan
from weerbaar.scan.profile import resolve_framework


@pytest.fixture(scope="session")
def scan_2026() -> Scan:
    return load_scan(SCAN_2026)


@pytest.fixture(scope="session")
def scan_2025() -> Scan:
    return load_scan(SCAN_2025)


@pytest.fixture(scope="session")
def plan_2026(scan_2026: Scan) -> Plan:
    framework = resolve_framework(scan_2026.framework_version)
    problem = problem_from_scan(score_scan(scan_2026, framework), framework)
    request = PlanRequest(hours=400, budget_eur=20_000)
    return make_plan(problem, request, framework_version=framework.version)


@pytest.fixture(scope="session")
def report_nl(scan_2026: Scan, scan_2025: Scan, plan_2026: Plan) -> Report:
    return build_report(scan_2026, plan=plan_2026, previous=scan_2025, generated=GENERATED)


@pytest.fixture(scope="session")
def report_en(scan_2026: Scan, scan_2025: Scan, plan_2026: Plan) -> Report:
    return build_report(
        scan_2026, plan=plan_2026, previous=scan_2025, lang="en", generated=GENERATED
    )


@pytest.fixture(scope="session")
def pdf_document(report_nl: Report) -> Any:
    """The laid-out WeasyPrint document of the Dutch report (pages and boxes)."""
    return render_document(report_nl)


@pytest.fixture(scope="session")
def pdf_file(pdf_document: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    path.write_bytes(pdf_document.write_pdf())
    return path


@pytest.fixture(scope="session")
def pdf_pages(pdf_file: Path) -> list[str]:
    """The text of each page (pdftotext, in reading order)."""
    tool = require_tool("pdftotext")
    out = subprocess.run(
        [tool, str(pdf_file), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
