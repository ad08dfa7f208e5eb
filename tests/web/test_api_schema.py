"""The committed OpenAPI schema (docs/openapi.yaml) must match the code."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    committed = (ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8")
    assert generated.read_text(encoding="utf-8") == committed, (
        "docs/openapi.yaml is out of date: "
        "run `weerbaar manage spectacular --file docs/openapi.yaml`"
    )


def test_schema_endpoint_serves_the_schema(client: object) -> None:
    response = client.get("/api/schema/")  # type: ignore[attr-defined]
    assert response.status_code == 200
    assert b"/api/v1/municipalities/" in response.content


def test_every_api_endpoint_is_in_the_administrator_guide() -> None:
    import re

    from django.urls import URLResolver, get_resolver

    def routes(patterns: list[object], prefix: str = "") -> list[str]:
        found: list[str] = []
        for entry in patterns:
            if isinstance(entry, URLResolver):
                found += routes(entry.url_patterns, prefix + str(entry.pattern))
            else:
                found.append(prefix + str(entry.pattern))  # type: ignore[attr-defined]
        return found

    guide = (ROOT / "docs" / "admin" / "api.md").read_text(encoding="utf-8")
    documented = re.sub(r"\{[^}]*\}", "{}", guide)
    for route in routes(get_resolver().url_patterns):
        if route.startswith("api/v1/"):
            path = re.sub(r"<[^>]*>", "{}", route.removeprefix("api/v1/"))
            assert f"`{path}`" in documented, f"document {route} in docs/admin/api.md"
