"""Refusals and missing pages answer with a page in the user's language, not Django's bare text.

A viewer (e.g. the gemeentesecretaris) who follows a link to a coordinator page gets a 403 that
says in Dutch or English that their role does not allow it; an unknown page a 404 that says it
does not exist. Neither page names the municipality (another municipality answers 404 too).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from weerbaar.web.tenancy.models import Role

World = Any


@pytest.mark.parametrize(
    ("language", "title", "explanation"),
    [
        ("nl", "Geen toegang", "Uw rol in deze gemeente geeft geen toegang tot deze pagina."),
        ("en", "No access", "Your role in this municipality does not give access to this page."),
    ],
)
def test_forbidden_page_explains_the_refusal_in_the_users_language(
    world: World, client_for: Any, language: str, title: str, explanation: str
) -> None:
    client: Client = client_for(world.user("a", Role.VIEWER))
    response = client.get(
        reverse("audit:event_list", args=[world.code("a")]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<h1 class="utrecht-heading-1">{title}</h1>' in html
    assert explanation in html
    assert "403 Forbidden" not in html
    assert reverse("accounts:home") in html  # a way back


@pytest.mark.parametrize(
    ("language", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found")]
)
def test_not_found_page_is_in_the_users_language_and_names_no_municipality(
    world: World, client_for: Any, language: str, title: str
) -> None:
    client: Client = client_for(world.user("a", Role.VIEWER))
    response = client.get(
        reverse("scans:index", args=[world.code("b")]), HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<h1 class="utrecht-heading-1">{title}</h1>' in html
    assert world.municipalities["b"].name not in html
    assert "The requested resource was not found" not in html


def test_server_error_page_is_bilingual_and_standalone(world: World) -> None:
    from django.views.defaults import server_error

    response = server_error(Client().get("/").wsgi_request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html and "Something went wrong" in html
