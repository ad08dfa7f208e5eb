"""Scoring a scan: :func:`score_scan` turns answers into explained scores per process."""

from __future__ import annotations

import logging
from collections import defaultdict
from fractions import Fraction

from weerbaar.knowledge.models import Framework, Text
from weerbaar.scan import explain, summary
from weerbaar.scan.errors import ScanError, ScanProblem
from weerbaar.scan.models import (
    Contribution,
    ProcessScore,
    Scan,
    ScanMeta,
    ScanResult,
)
from weerbaar.scan.profile import (
    Profile,
    profile_for,
    questions_for_process,
    resolve_framework,
    semantic_version,
)
from weerbaar.scan.scoring import (
    apportion,
    exposure_share,
    fraction_to_float,
    question_stats,
    split_points,
    tenths_to_float,
    term_shares,
    to_tenths,
    vulnerability,
    weighted_mean,
)
from weerbaar.scan.summary import ScoredQuestion, weak_answers
from weerbaar.scan.validation import scan_problems

__all__ = ["score_scan", "weak_answers"]

CONFIDENCE_DECIMALS = 4
"""Confidence (0-100) is reported with four decimals and the "weet niet" share (0-1) with six,
so that one more "weet niet" visibly lowers them even in a survey of thousands of respondents
(with one decimal it vanished in the rounding). Renderers round for display."""

log = logging.getLogger(__name__)


def score_scan(scan: Scan, framework: Framework | None = None) -> ScanResult:
    """Score ``scan`` against ``framework`` (default: the version the scan was answered against).

    Raises :class:`ScanError` naming every question id and respondent that does not fit.
    """
    if framework is None:
        framework = resolve_framework(scan.framework_version)
    if semantic_version(scan.framework_version) != framework.info.version:
        message = (
            f"scan answered against framework {scan.framework_version}, "
            f"scored against {framework.info.version}"
        )
        raise ScanError([ScanProblem(message, location="framework_version")])
    problems = scan_problems(scan, framework)
    if problems:
        raise ScanError(problems)
    profile = profile_for(framework, scan.municipality)
    scored = _scored_questions(scan, framework, profile)
    processes: dict[str, ProcessScore] = {}
    for process in framework.processes:
        items = [scored[q.id] for q in questions_for_process(framework, profile, process)]
        if any(item.question.kind == "control" for item in items):
            processes[process] = _score_process(process, items, framework)
    result = _assemble(scan, framework, profile, scored, processes)
    log.info("scan_scored", extra={"municipality": scan.municipality, "overall": result.overall})
    return result


def _scored_questions(
    scan: Scan, framework: Framework, profile: Profile
) -> dict[str, ScoredQuestion]:
    values: dict[str, list[int | None]] = defaultdict(list)
    for answer in scan.answers:
        values[answer.question_id].append(answer.value)
    scored = {}
    for question in framework.questions.values():
        if not profile.applies(question):
            continue
        scale = framework.scales[question.scale]
        stats = question_stats(
            values.get(question.id, []), scale.max_value, scale.direction == "exposure"
        )
        scored[question.id] = ScoredQuestion(
            question, profile.weight(question), stats, scale.max_value
        )
    return scored


def _shares(items: list[ScoredQuestion]) -> list[Fraction]:
    return term_shares([(i.question.process is None, i.weight) for i in items])


def target_name(framework: Framework, target: str) -> Text:
    """The name of a circumstance or factor (a question's ``target``); the id if unknown."""
    found = framework.circumstances.get(target) or framework.factors.get(target)
    return found.name if found is not None else Text(nl=target, en=target)


def process_name(framework: Framework, process: str) -> Text:
    """The name of a process; its id when the framework has no name for it."""
    found = framework.processes.get(process)
    return found.name if found is not None else Text(nl=process, en=process)


def _score_process(process: str, items: list[ScoredQuestion], framework: Framework) -> ProcessScore:
    controls = [i for i in items if i.question.kind == "control"]
    exposures = [i for i in items if i.question.kind == "exposure"]
    shares = _shares(controls) + _shares(exposures)
    ordered = controls + exposures
    terms = [s * i.stats.weakness for s, i in zip(shares, ordered, strict=True)]
    gap, exposure = (
        sum(terms[: len(controls)], Fraction(0)),
        sum(terms[len(controls) :], Fraction(0)),
    )
    total = vulnerability(gap, exposure)
    exposure_total = exposure_share(gap, exposure)
    exact = split_points(total - exposure_total, terms[: len(controls)])
    exact += split_points(exposure_total, terms[len(controls) :])
    tenths = apportion(to_tenths(total), exact, [i.question.id for i in ordered])
    contributions = [
        _contribution(i, share, t, framework)
        for i, share, t in zip(ordered, shares, tenths, strict=True)
    ]
    contributions.sort(key=lambda c: (-c.points, c.question_id))
    confidence = weighted_mean([(i.weight, i.stats.confidence) for i in items])
    dont_know = weighted_mean(
        [(i.weight, Fraction(i.stats.dont_know, max(i.stats.answers, 1))) for i in items]
    )
    vuln = tenths_to_float(sum(tenths))
    res, exp = (fraction_to_float(100 * v) for v in (1 - gap, exposure))
    conf = fraction_to_float(100 * confidence, CONFIDENCE_DECIMALS)
    return ProcessScore(
        process=process,
        vulnerability=vuln,
        exposure=exp,
        resilience=res,
        confidence=conf,
        dont_know_share=fraction_to_float(dont_know, CONFIDENCE_DECIMALS + 2),
        exposure_points=tenths_to_float(sum(tenths[len(controls) :])),
        control_points=tenths_to_float(sum(tenths[: len(controls)])),
        contributions=contributions,
        explanation=explain.process_text(process_name(framework, process), vuln, res, exp, conf),
    )


def _contribution(
    item: ScoredQuestion, share: Fraction, tenths: int, framework: Framework
) -> Contribution:
    question, stats = item.question, item.stats
    level = fraction_to_float(stats.level, 2) if stats.level is not None else None
    weakness = fraction_to_float(stats.weakness, 3)
    points = tenths_to_float(tenths)
    return Contribution(
        question_id=question.id,
        process=question.process,
        section=question.section,
        kind=question.kind,
        target=question.target,
        weight=float(item.weight),
        share=fraction_to_float(share, 4),
        level=level,
        scale_max=item.scale_max,
        answers=stats.answers,
        dont_know=stats.dont_know,
        weakness=weakness,
        points=points,
        measures=list(question.measures),
        explanation=explain.contribution_text(
            question.kind,
            target_name(framework, question.target),
            level,
            item.scale_max,
            stats.answers,
            stats.dont_know,
            weakness,
            points,
        ),
    )


def _assemble(
    scan: Scan,
    framework: Framework,
    profile: Profile,
    scored: dict[str, ScoredQuestion],
    processes: dict[str, ProcessScore],
) -> ScanResult:
    heatmap = {pid: summary.heat_row(score) for pid, score in processes.items()}
    count = max(len(processes), 1)
    overall = sum((Fraction(str(p.vulnerability)) for p in processes.values()), Fraction(0)) / count
    confidence = sum((Fraction(str(p.confidence)) for p in processes.values()), Fraction(0)) / count
    return ScanResult(
        scan=_meta(scan, profile),
        processes=processes,
        overall=fraction_to_float(overall),
        confidence=fraction_to_float(confidence, CONFIDENCE_DECIMALS),
        circumstances=summary.categories(framework, scored, heatmap, count),
        heatmap={
            pid: {t: tenths_to_float(v) for t, v in row.items()} for pid, row in heatmap.items()
        },
        top=summary.top(processes),
        disagreements=summary.disagreements(scan, scored),
    )


def _meta(scan: Scan, profile: Profile) -> ScanMeta:
    return ScanMeta(
        id=scan.id,
        title=scan.title,
        municipality=scan.municipality,
        municipality_name=profile.municipality.name,
        date=scan.date,
        mode=scan.mode,
        framework_version=scan.framework_version,
        size_class=profile.size_class.id,
        small_profile=profile.small,
        respondents=len(scan.respondents),
        participants=scan.workshop.participants if scan.workshop else None,
    )
