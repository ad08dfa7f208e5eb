"""Public knowledge-base pages: no login, every process, red flag and measure reachable."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.html import escape

from weerbaar.web.knowledgebase.framework import framework

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/kennisbank/",
        "/kennisbank/begrippen/",
        "/kennisbank/rode-vlaggen/",
        "/kennisbank/maatregelen/",
        "/kennisbank/vragenlijst/",
        "/kennisbank/bronnen/",
    ],
)
def test_public_pages_need_no_login(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert b'<html lang="nl"' in response.content


def test_every_process_page_shows_at_stake_modus_operandi_and_red_flags(client: Any) -> None:
    for process in framework().processes.values():
        html = client.get(f"/kennisbank/processen/{process.id}/").content.decode()
        assert escape(process.at_stake.nl) in html
        for mo in process.modus_operandi:
            assert escape(mo.title.nl) in html
        for flag in process.red_flags:
            assert escape(flag.title.nl) in html


def test_red_flags_name_their_data_sources(client: Any) -> None:
    html = client.get("/kennisbank/rode-vlaggen/").content.decode()
    detectable = [
        f for p in framework().processes.values() for f in p.red_flags if f.detectable_in_data
    ]
    assert detectable
    for flag in detectable:
        for rule in flag.signal_rules:
            assert rule in html
    assert "betalingen" in html or "crediteuren" in html


def test_unknown_ids_are_not_found(client: Any) -> None:
    assert client.get("/kennisbank/processen/bestaat-niet/").status_code == 404
    assert client.get("/kennisbank/maatregelen/bestaat-niet/").status_code == 404


def count_rows(html: str) -> int:
    return html.count('href="/kennisbank/maatregelen/')


@pytest.mark.parametrize(
    ("query", "keep"),
    [
        ("process=inkoop", lambda m: "inkoop" in m.processes),
        ("theme=kennis", lambda m: m.theme == "kennis"),
        ("small=on", lambda m: m.small_municipality),
        ("process=brp&theme=instrumenten&small=on",
         lambda m: "brp" in m.processes and m.theme == "instrumenten" and m.small_municipality),
    ],
)  # fmt: skip
def test_measure_filter(client: Any, query: str, keep: Any) -> None:
    html = client.get(f"/kennisbank/maatregelen/?{query}").content.decode()
    expected = [m for m in framework().measures.values() if keep(m)]
    assert count_rows(html) == len(expected)
    for measure in expected:
        assert f'href="/kennisbank/maatregelen/{measure.id}/"' in html


def test_every_measure_page_renders(client: Any) -> None:
    for measure in framework().measures.values():
        response = client.get(f"/kennisbank/maatregelen/{measure.id}/")
        assert response.status_code == 200
        assert escape(measure.title.nl) in response.content.decode()


def test_english_is_selectable(client: Any) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/kennisbank/"})
    assert response.status_code == 302
    html = client.get("/kennisbank/").content.decode()
    assert '<html lang="en"' in html
    process = next(iter(framework().processes.values()))
    assert escape(process.name.en) in html
    assert "Knowledge base" in html
    assert "Nederlands" in html


def test_start_page_leads_to_the_knowledge_base_and_the_login(client: Any) -> None:
    html = client.get("/").content.decode()
    assert 'href="/kennisbank/"' in html
    assert 'href="/account/login/"' in html
    english = client.get("/", headers={"accept-language": "en"}).content.decode()
    assert "signal and strengthen vulnerable processes" in english
