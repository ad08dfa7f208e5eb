"""The Dutch user-facing catalogue (``docs/catalogus/``), generated from the knowledge base.

``render_catalogue()`` returns file name -> Markdown; ``write_catalogue()`` writes it. A test
fails when the committed files differ from what the data produces.
"""

from __future__ import annotations

from pathlib import Path

from weerbaar.knowledge.awareness_catalogue import render_dilemmas, render_lessons
from weerbaar.knowledge.legal import article_url, citation
from weerbaar.knowledge.loader import load_framework
from weerbaar.knowledge.models import Framework, Measure, Process, RedFlag

HEADER = (
    "<!-- Gegenereerd uit src/weerbaar/knowledge/data met "
    "`weerbaar knowledge catalogue --out docs/catalogus`; niet met de hand bewerken. -->\n"
)
TYPE_NL = {"preventive": "preventief", "detective": "detectief", "corrective": "correctief"}


def _cite(framework: Framework, ids: list[str], up: str = "../") -> str:
    """Links to the sources page; ``up`` is the way from the page to the catalogue root."""
    return ", ".join(
        f"[{source}]({up}bronnen.md#{source.lower()})"
        for source in ids
        if source in framework.sources
    )


def _red_flag(framework: Framework, flag: RedFlag) -> list[str]:
    data = (
        "ja, in " + ", ".join(d.value for d in flag.datasets) if flag.detectable_in_data else "nee"
    )
    lines = [
        f"### {flag.title.nl} (`{flag.id}`)",
        "",
        flag.description.nl,
        "",
        f"- Zichtbaar in data: {data}",
    ]
    if flag.signal_rules:
        lines.append("- Signaalregels: " + ", ".join(f"`{rule}`" for rule in flag.signal_rules))
    lines += [f"- Bronnen: {_cite(framework, flag.sources)}", ""]
    return lines


def _measure_line(measure: Measure) -> str:
    small = "; geschikt voor kleine gemeenten" if measure.small_municipality else ""
    kind = TYPE_NL[measure.type]
    return f"- **{measure.title.nl}** (`{measure.id}`, {kind}, effect {measure.effect}{small})"


def render_process(framework: Framework, process: Process) -> str:
    saint = ", ".join(
        framework.saint_areas[a].name.nl for a in process.saint_areas if a in framework.saint_areas
    )
    lines = [
        HEADER,
        f"# {process.name.nl}",
        "",
        process.description.nl,
        "",
        "## Wat staat er op het spel",
        "",
    ]
    lines += [
        process.at_stake.nl,
        "",
        f"SAINT-kwetsbare gebieden: {saint}.",
        "",
        "## Werkwijzen van criminelen",
        "",
    ]
    for mo in process.modus_operandi:
        lines += [
            f"### {mo.title.nl}",
            "",
            mo.description.nl,
            "",
            f"Bronnen: {_cite(framework, mo.sources)}",
            "",
        ]
    lines += ["## Rode vlaggen", ""]
    for flag in process.red_flags:
        lines += _red_flag(framework, flag)
    lines += ["## Maatregelen", ""]
    lines += [_measure_line(measure) for measure in framework.measures_for(process.id)] or [
        "Nog geen."
    ]
    lines += ["", f"Bronnen: {_cite(framework, process.sources)}", ""]
    return "\n".join(lines)


def _effort(measure: Measure) -> str:
    intro, run = measure.effort_intro_hours, measure.effort_run_hours_per_year
    return (
        f"- Invoering: {intro:g} uur; daarna {run:g} uur per jaar; "
        f"kosten € {measure.cost_eur:,.0f}".replace(",", ".")
    )


def render_measures(framework: Framework) -> str:
    lines = [HEADER, "# Maatregelen", ""]
    for theme in framework.themes.values():
        lines += [f"## {theme.name.nl}", "", theme.description.nl, ""]
        for measure in (m for m in framework.measures.values() if m.theme == theme.id):
            processes = ", ".join(
                framework.processes[p].name.nl
                for p in measure.processes
                if p in framework.processes
            )
            lines += [f"### {measure.title.nl} (`{measure.id}`)", "", measure.description.nl, ""]
            lines += [
                f"- Processen: {processes}",
                f"- Soort: {TYPE_NL[measure.type]}; effect: {measure.effect}",
            ]
            lines += _legal(framework, measure)
            lines += [
                _effort(measure),
                f"- Bronnen: {_cite(framework, measure.sources, up='')}",
                "",
            ]
    return "\n".join(lines)


def _legal(framework: Framework, measure: Measure) -> list[str]:
    """'Wettelijke plicht' or 'Wettelijke grondslag' with every provision, linked."""
    if not measure.legal_basis:
        return []
    label = "Wettelijke plicht" if measure.legal_duty else "Wettelijke grondslag"
    lines = [f"- {label}:"]
    for basis in measure.legal_basis:
        source = framework.sources[basis.law]
        link = article_url(source, basis.article)
        lines.append(
            f"  - [{citation(framework, basis)}]({link}) ({basis.bound.nl}): {basis.summary.nl}"
        )
    return lines


def render_index(framework: Framework) -> str:
    lines = [HEADER, f"# Catalogus kwetsbare processen — {framework.info.title.nl}", ""]
    lines += [f"Versie {framework.version}.", "", "## Processen", ""]
    lines += [
        f"- [{p.name.nl}](processen/{p.id}.md): {len(p.red_flags)} rode vlaggen"
        for p in framework.processes.values()
    ]
    lines += ["", "## Omstandigheden", ""]
    for item in framework.circumstances.values():
        kind = "intern" if item.kind == "internal" else "extern"
        lines += [f"### {item.name.nl} ({kind})", "", item.description.nl, ""]
        lines += [f"- {indicator.text.nl}" for indicator in item.indicators] + [""]
    lines += ["## Factoren", ""]
    for factor in framework.factors.values():
        group = "kleine gemeente" if factor.group == "small_municipality" else "SAINT"
        lines += [f"### {factor.name.nl} ({group})", "", factor.description.nl, ""]
        lines += [f"- {indicator.text.nl}" for indicator in factor.indicators] + [""]
    lines += ["## Thema's", ""] + [
        f"- **{t.name.nl}**: {t.description.nl}" for t in framework.themes.values()
    ]
    lines += [
        "",
        "Zie ook [maatregelen](maatregelen.md), [bronnen](bronnen.md), "
        f"[dilemmakaarten](dilemmakaarten.md) ({len(framework.dilemmas)}) en "
        "[korte lessen en pulsmeting](lessen.md).",
        "",
    ]
    return "\n".join(lines)


def render_sources(framework: Framework) -> str:
    lines = [HEADER, "# Bronnen", ""]
    for source in framework.sources.values():
        year = f", {source.year}" if source.year else ""
        lines += [
            f'<a id="{source.id.lower()}"></a>',
            f"- **[{source.id}]** {source.title}. {source.publisher}{year}. <{source.address}>",
        ]
    return "\n".join(lines) + "\n"


def render_catalogue(framework: Framework | None = None) -> dict[str, str]:
    """Relative file name -> Markdown text of every catalogue page."""
    framework = framework or load_framework()
    pages = {"README.md": render_index(framework), "maatregelen.md": render_measures(framework)}
    pages["bronnen.md"] = render_sources(framework)
    pages["dilemmakaarten.md"] = render_dilemmas(framework)
    pages["lessen.md"] = render_lessons(framework)
    for process in framework.processes.values():
        pages[f"processen/{process.id}.md"] = render_process(framework, process)
    return pages


def write_catalogue(out: Path, framework: Framework | None = None) -> list[Path]:
    """Write the catalogue under ``out``; returns the files written."""
    written = []
    for name, text in render_catalogue(framework).items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
