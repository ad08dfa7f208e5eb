"""The knowledge base: the framework as versioned, validated YAML data.

Public API: :func:`load_framework`, :func:`framework_for_version`, the models in
:mod:`weerbaar.knowledge.models` and :class:`KnowledgeError` / :class:`Problem`.
"""

from __future__ import annotations

from weerbaar.knowledge.errors import (
    KnowledgeError,
    Problem,
    UnknownMunicipalityError,
    UnknownVersionError,
)
from weerbaar.knowledge.loader import DATA_DIR, load_framework, validate_framework
from weerbaar.knowledge.models import Framework
from weerbaar.knowledge.versions import archive, export_data, export_json, framework_for_version

__all__ = [
    "DATA_DIR",
    "Framework",
    "KnowledgeError",
    "Problem",
    "UnknownMunicipalityError",
    "UnknownVersionError",
    "archive",
    "export_data",
    "export_json",
    "framework_for_version",
    "load_framework",
    "validate_framework",
]
