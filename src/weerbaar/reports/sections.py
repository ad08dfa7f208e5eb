"""The report's sections, each built from the scored scan, the plan or the comparison."""

from __future__ import annotations

from collections import Counter

from weerbaar.knowledge.models import Framework
from weerbaar.measures import Plan
from weerbaar.reports.charts import effect_svg, heatmap_svg
from weerbaar.reports.content import pick
from weerbaar.reports.labels import label, level_word, number, signed
from weerbaar.reports.models import (
    AnswerRow,
    ChangeRow,
    ChangeSection,
    DisagreementRow,
    Driver,
    EffectRow,
    Heatmap,
    PlanMeasure,
    PlanSection,
    ProcessSection,
    RedFlagItem,
    TopItem,
    WeakItem,
)
from weerbaar.scan import Contribution, Scan, ScanComparison, ScanResult, weak_answers

GROUP_ORDER = ("internal", "external", "small_municipality", "saint_raising", "other")


def target_name(framework: Framework, target: str, lang: str) -> str:
    if target in framework.circumstances:
        return framework.circumstances[target].name.get(lang)
    if target in framework.factors:
        return framework.factors[target].name.get(lang)
    return target


def question_text(framework: Framework, question_id: str, lang: str) -> str:
    question = framework.questions.get(question_id)
    return question.text.get(lang) if question else question_id


def process_name(framework: Framework, process: str, lang: str) -> str:
    found = framework.processes.get(process)
    return found.name.get(lang) if found else process


def _driver(framework: Framework, c: Contribution, lang: str) -> Driver:
    return Driver(
        question_id=c.question_id,
        text=question_text(framework, c.question_id, lang),
        target=target_name(framework, c.target, lang),
        points=c.points,
        explanation=c.explanation.get(lang),
    )


def top_items(result: ScanResult, framework: Framework, lang: str) -> list[TopItem]:
    items = []
    for top in result.top:
        score = result.processes[top.process]
        drivers = [c for c in score.contributions if c.question_id in top.drivers]
        items.append(
            TopItem(
                process=top.process,
                name=process_name(framework, top.process, lang),
                vulnerability=top.vulnerability,
                level=level_word(top.vulnerability, lang),
                explanation=score.explanation.get(lang),
                drivers=[_driver(framework, c, lang) for c in drivers],
            )
        )
    return items


def main_causes(result: ScanResult, framework: Framework, lang: str, count: int = 3) -> list[str]:
    """The circumstances or factors with the largest share of the mean vulnerability."""
    ranked = sorted(result.circumstances.values(), key=lambda c: (-c.vulnerability, c.target))
    return [target_name(framework, c.target, lang).lower() for c in ranked[:count]]


def heatmap(result: ScanResult, framework: Framework, lang: str) -> Heatmap:
    rows = [(pid, process_name(framework, pid, lang)) for pid in result.processes]
    targets = sorted(
        result.circumstances.values(), key=lambda c: (GROUP_ORDER.index(c.group), c.target)
    )
    columns = [(c.target, target_name(framework, c.target, lang)) for c in targets]
    desc = "; ".join(
        f"{name}: {number(result.processes[pid].vulnerability, lang)}" for pid, name in rows
    )
    svg = heatmap_svg(rows, columns, result.heatmap, lang, label("heatmap", lang), desc)
    return Heatmap(rows=rows, columns=columns, values=result.heatmap, svg=svg)


def process_sections(result: ScanResult, framework: Framework, lang: str) -> list[ProcessSection]:
    weak_by_process: dict[str, list[WeakItem]] = {pid: [] for pid in result.processes}
    for weak in weak_answers(result):
        measures = [
            framework.measures[m].title.get(lang) for m in weak.measures if m in framework.measures
        ]
        weak_by_process[weak.process].append(
            WeakItem(
                question_id=weak.question_id,
                text=question_text(framework, weak.question_id, lang),
                target=target_name(framework, weak.target, lang),
                weakness=weak.weakness,
                points=weak.points,
                dont_know=weak.dont_know,
                measures=measures,
            )
        )
    return [
        _process_section(result, framework, pid, weak_by_process[pid], lang)
        for pid in result.processes
    ]


def _process_section(
    result: ScanResult, framework: Framework, pid: str, weak: list[WeakItem], lang: str
) -> ProcessSection:
    score, process = result.processes[pid], framework.processes[pid]
    flags = [
        RedFlagItem(
            id=flag.id,
            title=flag.title.get(lang),
            description=flag.description.get(lang),
            signal_rules=list(flag.signal_rules),
        )
        for flag in process.red_flags
    ]
    return ProcessSection(
        id=pid,
        name=process.name.get(lang),
        description=process.description.get(lang),
        at_stake=process.at_stake.get(lang),
        vulnerability=score.vulnerability,
        level=level_word(score.vulnerability, lang),
        exposure=score.exposure,
        resilience=score.resilience,
        confidence=score.confidence,
        dont_know_share=score.dont_know_share,
        explanation=score.explanation.get(lang),
        weak=weak,
        red_flags=flags,
    )


def plan_section(plan: Plan, framework: Framework, lang: str) -> PlanSection:
    measures = []
    for chosen in plan.chosen:
        known = framework.measures.get(chosen.id)
        theme = framework.themes.get(chosen.theme)
        measures.append(
            PlanMeasure(
                id=chosen.id,
                title=known.title.get(lang) if known else chosen.title,
                theme=theme.name.get(lang) if theme else chosen.theme,
                quarter=chosen.quarter,
                hours=chosen.hours,
                hours_per_quarter=chosen.hours_per_quarter,
                cost_eur=chosen.cost_eur,
                shared=chosen.shared,
                reason=pick(lang, chosen.reason.nl, chosen.reason.en),
            )
        )
    effect = [
        EffectRow(
            process=pid,
            name=process_name(framework, pid, lang),
            before=before,
            after=plan.after.get(pid, before),
        )
        for pid, before in plan.before.items()
    ]
    return PlanSection(
        measures=measures,
        quarters=plan.request.quarters,
        hours_available=plan.request.hours,
        budget_eur=plan.request.budget_eur,
        total_hours=plan.total_hours,
        total_cost_eur=plan.total_cost_eur,
        hours_by_quarter=plan.hours_by_quarter,
        effect=effect,
        overall_before=_mean([row.before for row in effect]),
        overall_after=_mean([row.after for row in effect]),
        rejected=len(plan.rejected),
        chart_svg=_effect_chart(effect, lang),
    )


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 1) if values else 0.0


def _effect_chart(effect: list[EffectRow], lang: str) -> str:
    desc = "; ".join(
        f"{row.name}: {number(row.before, lang)} → {number(row.after, lang)}" for row in effect
    )
    return effect_svg(
        [(row.name, row.before, row.after) for row in effect],
        lang,
        (label("before", lang), label("after", lang)),
        label("chart_effect", lang),
        desc,
    )


def change_section(
    comparison: ScanComparison, framework: Framework, lang: str, overall: tuple[float, float]
) -> ChangeSection:
    rows = []
    for pid, change in comparison.processes.items():
        causes = [
            f"{question_text(framework, c.question_id, lang)} ({signed(c.delta, lang)})"
            for c in change.changes[:2]
            if round(c.delta, 1) != 0
        ]
        rows.append(
            ChangeRow(
                process=pid,
                name=process_name(framework, pid, lang),
                old=change.old,
                new=change.new,
                delta=change.delta,
                causes=causes,
            )
        )
    return ChangeSection(
        previous_date=comparison.old.date,
        previous_mode=comparison.old.mode,
        overall_old=overall[0],
        overall_new=overall[1],
        overall_delta=comparison.overall_delta,
        rows=rows,
    )


def answer_rows(scan: Scan, result: ScanResult, framework: Framework, lang: str) -> list[AnswerRow]:
    """Every question that counts for this municipality, with counts per level (no names)."""
    counted: dict[str, Contribution] = {}
    for score in result.processes.values():
        for c in score.contributions:
            counted.setdefault(c.question_id, c)
    values: dict[str, list[int | None]] = {}
    for answer in scan.answers:
        values.setdefault(answer.question_id, []).append(answer.value)
    rows = []
    for question in framework.questions.values():
        found = counted.get(question.id)
        if found is None:
            continue
        given = values.get(question.id, [])
        rows.append(
            AnswerRow(
                question_id=question.id,
                process=process_name(framework, question.process, lang)
                if question.process
                else label("general", lang),
                section=question.section,
                kind=question.kind,
                target=target_name(framework, question.target, lang),
                text=question.text.get(lang),
                answers=len(given),
                dont_know=sum(1 for v in given if v is None),
                level=found.level,
                scale_max=found.scale_max,
                distribution=dict(sorted(Counter(v for v in given if v is not None).items())),
                weakness=found.weakness,
            )
        )
    return rows


def disagreement_rows(result: ScanResult, framework: Framework, lang: str) -> list[DisagreementRow]:
    """Questions with widely differing survey answers; the respondent tokens are dropped."""
    rows = []
    for found in result.disagreements:
        counts = Counter("weet niet" if v is None else str(v) for v in found.values.values())
        rows.append(
            DisagreementRow(
                question_id=found.question_id,
                process=process_name(framework, found.process, lang)
                if found.process
                else label("general", lang),
                target=target_name(framework, found.target, lang),
                text=question_text(framework, found.question_id, lang),
                spread=found.spread,
                mean_difference=found.mean_difference,
                distribution=dict(sorted(counts.items())),
            )
        )
    return rows
