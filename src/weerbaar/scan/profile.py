"""Which questions count for a municipality, and how heavily: the size-class profile."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

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
    """The municipality with CBS ``code``: reference data or the demo municipality."""
    try:
        return framework.find_municipality(code)
    except KeyError:
        return None


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
    from weerbaar.knowledge import KnowledgeError, framework_for_version

    try:
        return framework_for_version(version)
    except KnowledgeError as exc:
        raise ScanError([ScanProblem(str(exc), location="framework_version")]) from exc


def semantic_version(version: str) -> str:
    return version.split("+", 1)[0]
