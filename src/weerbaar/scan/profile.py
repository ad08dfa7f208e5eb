"""Which questions count for a municipality, and how heavily: the size-class profile."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

from weerbaar.knowledge.models import Framework, Municipality, Question, SizeClass
from weerbaar.scan.errors import ScanError, ScanProblem


@dataclass(frozen=True)
class Profile:
    """The municipality being scanned and the size class that selects its question profile."""

    municipality: Municipality
    size_class: SizeClass

    @property
    def small(self) -> bool:
        return self.size_class.small_profile

    def applies(self, question: Question) -> bool:
        return not question.applies_to or self.size_class.id in question.applies_to

    def weight(self, question: Question) -> Fraction:
        """Effective weight: the question's weight, times ``small_weight`` in the small profile."""
        weight = Fraction(str(question.weight))
        return weight * Fraction(str(question.small_weight)) if self.small else weight


def find_municipality(framework: Framework, code: str) -> Municipality | None:
    """The municipality with CBS ``code``: reference data first, then the demo municipality."""
    finder = getattr(framework, "find_municipality", None)
    if callable(finder):
        try:
            found = finder(code)
        except (KeyError, LookupError, ValueError):
            found = None
        if isinstance(found, Municipality):
            return found
    if code in framework.municipalities:
        return framework.municipalities[code]
    from weerbaar.demo import DEMO_MUNICIPALITIES

    return DEMO_MUNICIPALITIES.get(code)


def profile_for(framework: Framework, code: str) -> Profile:
    municipality = find_municipality(framework, code)
    if municipality is None:
        raise ScanError([ScanProblem(f"unknown municipality {code}", location="municipality")])
    size_class = framework.size_classes.get(municipality.size_class)
    if size_class is None:
        message = f"size class '{municipality.size_class}' of {code} is not in the framework"
        raise ScanError([ScanProblem(message, location="municipality")])
    return Profile(municipality, size_class)


def questions_for_process(framework: Framework, profile: Profile, process: str) -> list[Question]:
    """The process's own questions plus the general ones, as far as they apply to the profile."""
    return [
        question
        for question in framework.questions.values()
        if question.process in (process, None) and profile.applies(question)
    ]


def resolve_framework(version: str) -> Framework:
    """The framework a scan was answered against (current or archived version)."""
    knowledge = importlib.import_module("weerbaar.knowledge")
    finder = cast(Callable[[str], Framework], knowledge.framework_for_version)
    return finder(version)


def semantic_version(version: str) -> str:
    return version.split("+", 1)[0]
