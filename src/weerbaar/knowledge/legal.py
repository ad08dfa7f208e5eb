"""Citing primary law: short names, article links and the 'wettelijke plicht' line of a measure.

A law is a source with a ``law`` identifier (see :class:`weerbaar.knowledge.models.Source`). An
article link uses the Juriconnect reference of wetten.overheid.nl
(``https://wetten.overheid.nl/jci1.3:c:BWBR0005416&artikel=174``); an EU act links to its
EUR-Lex page.
"""

from __future__ import annotations

import re

from weerbaar.knowledge.models import Framework, LegalBasis, Measure, Source

_ARTICLE = re.compile(r"^\s*([0-9]+[0-9a-z:.]*)")


def short_name(source: Source) -> str:
    """``Wet bevordering ... (Wet Bibob)`` -> ``Wet Bibob``; titles without brackets as they are."""
    found = re.search(r"\(([^()]+)\)\s*$", source.title)
    return found.group(1) if found else source.title


def article_url(source: Source, article: str) -> str:
    """The official text of the first article named in ``article`` (the law itself if none)."""
    number = _ARTICLE.match(article)
    if source.law is None or source.law.startswith("CELEX:") or number is None:
        return source.address
    return f"https://wetten.overheid.nl/jci1.3:c:{source.law}&artikel={number.group(1)}"


def citation(framework: Framework, basis: LegalBasis) -> str:
    """``Gemeentewet art. 174`` (the article as written in the knowledge base)."""
    source = framework.sources.get(basis.law)
    name = short_name(source) if source is not None else basis.law
    return f"{name} art. {basis.article}"


def duty_citation(framework: Framework, measure: Measure) -> str:
    """Every provision of a measure's legal basis, ``; ``-separated (empty without one)."""
    return "; ".join(citation(framework, basis) for basis in measure.legal_basis)
