"""Scan pages in words (issue 14): the workshop scan page listed each part as
``nl='Financiële transacties' en='Financial transactions'``."""

from __future__ import annotations

import re
from typing import Any

import pytest
from ui_helpers import SCORED, make_scan, visible_text


@pytest.mark.parametrize(
    ("language", "name"), [("nl", "Financiële transacties"), ("en", "Financial transactions")]
)
def test_the_scan_page_names_each_part(
    world: Any, client_for: Any, language: str, name: str
) -> None:
    scan = make_scan(world.municipalities[SCORED])
    client = client_for(world.user(SCORED, "coordinator"))
    url = f"/gemeente/{scan.municipality_id}/scans/{scan.pk}/"
    text = visible_text(client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())
    assert re.search(rf"{name} ?: 0 (van|of) ", text), text
    assert "nl='" not in text and "en='" not in text
