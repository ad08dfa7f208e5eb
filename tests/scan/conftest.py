"""Fixtures of the scan tests; builders live in ``scan_builders.py``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import pytest
from scan_builders import framework, question

import weerbaar.knowledge
from weerbaar.knowledge.models import Framework


@pytest.fixture
def small_framework() -> Framework:
    """Two processes and the general section, every scale used."""
    return framework(
        [
            question("fin-a", "financien", "control", "functies"),
            question("fin-b", "financien", "control", "werkwijze", weight=2.0),
            question("fin-x", "financien", "exposure", "risicolocaties", "volume"),
            question("rd-a", "reisdocumenten", "control", "functies", small_weight=2.0),
            question("rd-b", "reisdocumenten", "control", "personen"),
            question("rd-groot", "reisdocumenten", "control", "werkwijze", applies_to=["groot"]),
            question("alg-cultuur", None, "control", "cultuur"),
            question("alg-park", None, "exposure", "risicolocaties"),
        ]
    )


@pytest.fixture
def knowledge_with(monkeypatch: pytest.MonkeyPatch, small_framework: Framework) -> Framework:
    """Make ``small_framework`` the current framework for code that resolves it by version."""
    monkeypatch.setattr(weerbaar.knowledge, "load_framework", lambda: small_framework)
    monkeypatch.setattr(weerbaar.knowledge, "framework_for_version", lambda v: small_framework)
    return small_framework
