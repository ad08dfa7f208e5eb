"""Legal duties and primary law (issue 12): what `knowledge validate` refuses, what ships."""

from __future__ import annotations

from pathlib import Path

from knowledge_helpers import copy_data, find, problems_of, replace_text

from weerbaar.knowledge import load_framework

MEASURES = "measures/instrumenten.yaml"


def test_a_legal_duty_without_legal_basis_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(
        data / MEASURES,
        "    prerequisites: []\n    sources: [FI1, FI5]",
        "    prerequisites: []\n    legal_duty: true\n    sources: [FI1, FI5]",
    )
    problems = problems_of(data)
    problem = find(problems, MEASURES, "measures[0].legal_duty", "needs a legal_basis")
    assert problem.line == line + 1
    find(problems, MEASURES, "measures[0].legal_duty", "needs a duty_question")


def test_a_legal_basis_must_cite_primary_law(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = replace_text(data / MEASURES, "      - law: WET-BIBOB", "      - law: BB1")
    problem = find(
        problems_of(data), MEASURES, "measures[", "cites 'BB1', which is not primary law"
    )
    assert problem.line == line


def test_a_duty_question_must_list_the_duty(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    replace_text(data / MEASURES, "duty_question: algemeen.q01", "duty_question: financien.q01")
    find(problems_of(data), MEASURES, "measures[", "does not list integriteitsbeleid-gedragscode")


def test_a_law_source_points_at_its_official_text(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    replace_text(
        data / "sources.yaml",
        "address: https://wetten.overheid.nl/BWBR0013798",
        "address: https://www.judex.nl/wet-bibob",
    )
    find(
        problems_of(data),
        "sources.yaml",
        "sources[",
        "address of law BWBR0013798 must be https://wetten.overheid.nl/BWBR0013798",
    )


def test_an_item_citing_only_a_mirror_is_refused(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    replace_text(
        data / "sources.yaml",
        "    address: https://vl-nieuws.nl/een-op-de-vijf-gemeenteambtenaren-bedreigd",
        "    address: https://vl-nieuws.nl/een-op-de-vijf-gemeenteambtenaren-bedreigd\n"
        "    mirror: true",
    )
    replace_text(data / "processes/toezicht.yaml", "sources: [WG19]", "sources: [VL]")
    find(problems_of(data), "processes/toezicht.yaml", "red_flags[0].sources", "only mirror")


def test_shipped_legal_duties_name_law_article_and_who_is_bound() -> None:
    framework = load_framework()
    duties = [m for m in framework.measures.values() if m.legal_duty]
    assert {"integriteitsbeleid-gedragscode", "datalek-meldprocedure"} <= {m.id for m in duties}
    for measure in duties:
        assert measure.legal_basis and measure.duty_question
        for basis in measure.legal_basis:
            law = framework.sources[basis.law]
            assert law.law is not None and basis.article and basis.bound.nl
            assert law.address.startswith(("https://wetten.overheid.nl/BWBR", "https://eur-lex"))
