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
