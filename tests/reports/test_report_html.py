"""The HTML: self-contained, accessible (axe-core in Debian's chromium), marked confidential."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from weerbaar.reports import Report, render
from weerbaar.reports.html import css_string, render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parents[1] / "web" / "browser" / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def html_nl(report_nl: Report) -> str:
    return render(report_nl, "html").decode("utf-8")


def test_html_is_self_contained(html_nl: str) -> None:
    assert "<script" not in html_nl
    assert not re.search(r'<link[^>]+rel="stylesheet"', html_nl)
    assert not re.search(r'\ssrc="', html_nl)
    body = html_nl.split("<body", 1)[1]
    assert body.count("<svg") == 2  # heatmap and plan effect


def test_html_has_every_section(html_nl: str, report_nl: Report) -> None:
    assert '<html lang="nl"' in html_nl
    for anchor in ("samenvatting", "kwetsbaarheden", "actieplan", "verandering", "communicatie"):
        assert f'id="{anchor}"' in html_nl
    for process in report_nl.processes:
        assert f'id="proces-{process.id}"' in html_nl


def test_html_is_marked_confidential_on_screen_and_in_print(html_nl: str) -> None:
    assert "<strong>Vertrouwelijk</strong>" in html_nl
    assert "@top-left { content: " in html_nl


def test_html_escapes_framework_texts(report_nl: Report) -> None:
    hostile = report_nl.model_copy(update={"title": "<img src=x onerror=alert(1)>"})
    html = render_html(hostile, inline_css=False)
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html


def test_css_string_cannot_break_out() -> None:
    value = css_string('Gemeente "X"; } </style><script>\n')
    assert value.startswith('"') and value.endswith('"')
    inner = value[1:-1]
    for forbidden in ('"', "<", ">", "}", "{", "\n"):
        assert forbidden not in inner


def _require_browser() -> None:
    if not CHROMIUM.exists():
        message = f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("WEERBAAR_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_passes_axe(page: Any, lang: str, report_nl: Report, report_en: Report) -> None:
    report = report_en if lang == "en" else report_nl
    page.set_content(render(report, "html").decode("utf-8"), wait_until="load")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    options = json.dumps({"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    violations = page.evaluate(f"axe.run(document, {options})")["violations"]
    described = [
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
    ]
    assert described == []


@pytest.mark.browser
def test_axe_check_finds_a_violation(page: Any) -> None:
    """The harness itself: a page with an image without text alternative fails."""
    page.set_content('<html lang="nl"><title>x</title><body><img src="data:,"></body></html>')
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("axe.run(document)")["violations"]
    assert "image-alt" in [v["id"] for v in violations]
