"""The dashboard in words, with explanations a reader can take in (issue 14).

It showed "financien: kwetsbaarheid 37,2 = 100 × tekort…" and listed every question of every
process in full once the explanations were opened (19,000 px of text); weak points were named
by their full question text or id.
"""

from __future__ import annotations

import re
from typing import Any

from ui_helpers import SCORED, add_respondent, answer_all, make_scan, visible_text

from weerbaar.web.knowledgebase.framework import framework

QUESTION_ID = re.compile(
    r"\b(algemeen|financien|inkoop|subsidies|reisdocumenten|vergunningen"
    r"|informatie|brp|toezicht)\.q\d\d\b"
)


def dashboard(client: Any, scan: Any, language: str = "nl") -> str:
    url = f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/resultaten/"
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return str(response.content.decode())


def test_no_ids_or_formulas_and_weak_points_by_short_title(world: Any, client_for: Any) -> None:
    scan = make_scan(world.municipalities[SCORED], mode="survey")
    first, _t = add_respondent(scan, "Financiën 1", ["financien", "algemeen"])
    second, _t = add_respondent(scan, "Financiën 2", ["financien", "algemeen"])
    answer_all(scan, first, value=0)
    answer_all(scan, second, value=3)
    html = dashboard(client_for(world.user(SCORED, "coordinator")), scan)
    text = visible_text(html)
    assert not QUESTION_ID.search(text), QUESTION_ID.search(text)
    for pid in ("financien", "toezicht", "brp"):  # ids that are no part of a name
        assert f"{pid}:" not in text
    assert "= 100 ×" not in text
    shorts = [q.short.nl for q in framework().questions.values()]
    vooral = text.split("Vooral door:")[1]
    assert any(short in vooral[:200] for short in shorts)
    assert "Respondenten verschillen sterk over ‘" in text


def test_each_explanation_shows_five_contributions_and_the_rest_on_demand(
    world: Any, client_for: Any
) -> None:
    scan = make_scan(world.municipalities[SCORED])
    answer_all(scan, value=1)
    html = dashboard(client_for(world.user(SCORED, "viewer")), scan)
    section = html.split('id="uitleg-financien"')[1].split("</details>\n</details>")[0]
    summary_part, _sep, rest = section.partition("<details")
    assert summary_part.count('<tr class="utrecht-table__row">') == 5 + 1  # header + five rows
    assert "Alle " in rest and "bijdragen" in rest
