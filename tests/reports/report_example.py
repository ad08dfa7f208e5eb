"""Regenerate the example pages in ``docs/`` from the demo municipality's report.

Run ``.venv/bin/python tests/reports/report_example.py`` after a deliberate change to the report's
look; ``test_report_pdf.py`` compares the committed page 1 with a fresh rendering.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

DOCS = Path(__file__).parents[2] / "docs"
PAGES = {1: "report-example.png", 2: "report-example-heatmap.png", 4: "report-example-process.png"}


def demo_pdf() -> bytes:
    """The Dutch demo report (2026 workshop, plan of 400 hours and € 20,000, change since 2025)."""
    from report_fixtures import GENERATED, SCAN_2025, SCAN_2026

    from weerbaar.measures import PlanRequest, make_plan, problem_from_scan
    from weerbaar.reports import build_report, render
    from weerbaar.scan import score_scan
    from weerbaar.scan.io import load_scan
    from weerbaar.scan.profile import resolve_framework

    scan, previous = load_scan(SCAN_2026), load_scan(SCAN_2025)
    framework = resolve_framework(scan.framework_version)
    problem = problem_from_scan(score_scan(scan, framework), framework)
    plan = make_plan(
        problem, PlanRequest(hours=400, budget_eur=20_000), framework_version=framework.version
    )
    report = build_report(scan, plan=plan, previous=previous, generated=GENERATED)
    return render(report, "pdf")


def page_png(pdf: Path, page: int, out_prefix: Path) -> Path:
    """Page ``page`` of ``pdf`` as PNG at 60 dpi (``pdftoppm -png -r 60``)."""
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(out_prefix),
        ],
        check=True,
    )
    return out_prefix.with_suffix(".png")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "voorbeeld.pdf"
        pdf.write_bytes(demo_pdf())
        for page, name in PAGES.items():
            png = page_png(pdf, page, Path(tmp) / f"page-{page}")
            (DOCS / name).write_bytes(png.read_bytes())
            print(f"docs/{name}: page {page}")


if __name__ == "__main__":
    main()
