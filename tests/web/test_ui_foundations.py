"""The design system's foundations: shipped fonts, forms in Utrecht markup, dates, tables, icon.

Each test here failed before its fix (issue 14): the theme asked for Noto Serif without shipping
it; forms rendered bare inputs; Dutch pages wrote "7 Dec 2026"; table cells broke words; there
was no favicon; the demo showed Django's debug 404.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client
from django.utils import translation

import weerbaar.web
from weerbaar.web.ui.forms import widget_classes

WEB = Path(weerbaar.web.__file__).parent
STATIC = WEB / "static"
FONTS = STATIC / "vendor" / "fonts"


def render(text: str, **context: Any) -> str:
    return Template("{% load ui %}" + text).render(Context(context))


def test_the_theme_fonts_are_shipped_with_their_licence() -> None:
    theme = (STATIC / "vendor" / "nl-design-system" / "voorbeeld-theme.css").read_text()
    fonts = (FONTS / "fonts.css").read_text()
    for family in ("Noto Sans", "Noto Serif"):
        assert f"'{family}'" in theme  # the theme asks for it ...
        assert f'font-family: "{family}"' in fonts  # ... and it is declared here
    for url in re.findall(r'url\("([^"]+)"\)', fonts):
        assert (FONTS / url).is_file(), url
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text()


def test_no_stylesheet_loads_anything_from_elsewhere() -> None:
    for css in STATIC.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), css
        assert "@import" not in text, css


def test_every_page_links_the_fonts_and_the_icon(client: Client) -> None:
    html = client.get("/kennisbank/").content.decode()
    assert "/static/vendor/fonts/fonts.css" in html
    assert 'rel="icon" href="/static/weerbaar/favicon.svg"' in html
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    assert icon.content.startswith(b"<svg")


class Sample(forms.Form):
    name = forms.CharField(label="Naam", help_text="Zoals de respondent het ziet.")
    count = forms.IntegerField(label="Aantal", required=False)
    note = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")])
    mode = forms.ChoiceField(
        label="Werkwijze",
        choices=[("w", "Workshop"), ("s", "Vragenlijst")],
        widget=forms.RadioSelect,
    )


def test_forms_render_as_utrecht_form_fields() -> None:
    html = str(Sample())
    assert html.count('class="utrecht-form-field ') == 5
    assert 'class="utrecht-textbox utrecht-textbox--html-input" ' in html
    assert "utrecht-textbox--numeric" in html
    assert 'class="utrecht-textarea utrecht-textarea--html-textarea"' in html
    assert 'class="utrecht-select utrecht-select--html-select"' in html
    assert html.count("utrecht-radio-button utrecht-radio-button--html-input") == 2
    assert '<legend class="utrecht-form-fieldset__legend' in html
    assert 'aria-describedby="id_name_helptext"' in html
    assert 'id="id_name_helptext">Zoals de respondent het ziet.</div>' in html
    assert html.count("(niet verplicht)") == 2  # once per optional field


def test_an_invalid_field_is_marked_and_its_message_linked() -> None:
    form = Sample(data={"name": "", "kind": "a", "mode": "w"})
    assert not form.is_valid()
    html = str(form)
    assert "utrecht-form-field--invalid" in html
    assert "utrecht-textbox--invalid" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'id="id_name_error"' in html


def test_widget_classes_keep_a_widgets_own_classes() -> None:
    assert widget_classes("text", False, "wb-wide") == (
        "utrecht-textbox utrecht-textbox--html-input wb-wide"
    )
    assert widget_classes("select", True) == (
        "utrecht-select utrecht-select--html-select utrecht-select--invalid"
    )


@pytest.mark.parametrize(
    ("language", "expected"), [("nl", "7 december 2026"), ("en", "7 December 2026")]
)
def test_dates_are_written_as_the_language_writes_them(language: str, expected: str) -> None:
    moment = dt.datetime(2026, 12, 7, 22, 25, tzinfo=dt.UTC)
    with translation.override(language):
        assert render("{{ d|long_date }}", d=dt.date(2026, 12, 7)) == expected
        assert render("{{ d|long_datetime }}", d=moment) == f"{expected}, 23:25"  # local time
        assert render("{{ d|long_date }}", d=None) == "–"


def test_no_template_uses_a_title_cased_month_abbreviation() -> None:
    """Django's ``M`` writes "Dec" even on a Dutch page, where months have no capital."""
    for template in WEB.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"\|date:\"[^\"]*M", text), template


def test_a_wide_table_scrolls_in_a_labelled_focusable_region() -> None:
    html = render("{% tablescroll label %}<table></table>{% endtablescroll %}", label="Trend <x>")
    assert html == (
        '<div class="utrecht-table-container utrecht-table-container--overflow-inline '
        'wb-table-scroll" role="region" tabindex="0" aria-label="Trend &lt;x&gt;">'
        "<table></table></div>"
    )


def test_table_cells_do_not_break_words() -> None:
    """The root's ``word-break: break-word; hyphens: auto`` made "Vo/ri/ge" of a column header."""
    css = (STATIC / "weerbaar" / "css" / "weerbaar.css").read_text()
    rule = re.search(r"\.utrecht-table \{([^}]*)\}", css)
    assert rule is not None
    assert "word-break: normal" in rule[1] and "hyphens: manual" in rule[1]


def test_every_table_in_a_template_is_in_a_scroll_region() -> None:
    for template in WEB.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        tables = text.count("<table")
        assert text.count("{% tablescroll") >= tables, template


def test_the_demo_shows_the_apps_own_pages_not_debug_pages() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WEERBAAR_", "DJANGO_"))}
    env["DJANGO_SETTINGS_MODULE"] = "weerbaar.web.conf.demo"
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
    from weerbaar.cli import web

    assert web.DEMO == "weerbaar.web.conf.demo"


def test_the_demo_names_a_weerbaar_command_that_exists(monkeypatch: Any, tmp_path: Path) -> None:
    """`make demo` said `weerbaar manage demo_totp`, but weerbaar is not on the PATH there."""
    from weerbaar.web.tenancy.demo import weerbaar_command

    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    command = weerbaar_command()
    path = Path(command) if "/" in command else None
    assert path is not None and os.access(path, os.X_OK), command
