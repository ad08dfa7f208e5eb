"""Build the management report from a scan, optionally with its action plan and a previous scan."""

from __future__ import annotations

import datetime as dt
import logging

from weerbaar.knowledge.models import Framework
from weerbaar.measures import Plan
from weerbaar.reports import content, sections
from weerbaar.reports.errors import ReportError
from weerbaar.reports.labels import label, level_word
from weerbaar.reports.method import method_paragraphs
from weerbaar.reports.models import (
    LANGUAGES,
    AwarenessSection,
    ChangeSection,
    CommunicationItem,
    PlanSection,
    Report,
    ReportMeta,
    SourceItem,
    Summary,
)
from weerbaar.scan import Scan, ScanResult, compare_scans, score_scan
from weerbaar.scan.profile import resolve_framework, semantic_version

log = logging.getLogger(__name__)
PLAN_TOLERANCE = 0.05


def build_report(
    scan: Scan,
    *,
    plan: Plan | None = None,
    previous: Scan | None = None,
    framework: Framework | None = None,
    lang: str = "nl",
    generated: dt.date | None = None,
    communication: list[CommunicationItem] | None = None,
    awareness: AwarenessSection | None = None,
) -> Report:
    """The management report of ``scan`` in ``lang`` (``"nl"`` or ``"en"``).

    ``plan`` is the action plan made for this scan (``weerbaar.measures.make_plan`` or
    ``load_plan``); ``previous`` an earlier scan of the same municipality, for the change
    section. ``framework`` defaults to the version the scan was answered against; ``generated``
    (the date printed on every page) defaults to today. Render the result with
    :func:`weerbaar.reports.render`. ``communication`` is the municipality's own plan (else the
    study's standard plan is proposed); ``awareness`` the awareness kit's figures.
    Raises :class:`ReportError` when the inputs do not belong
    together (another municipality, a later "previous" scan, a plan for another scan or
    framework) and ``weerbaar.scan.ScanError`` when the scan does not fit its framework.
    """
    if lang not in LANGUAGES:
        raise ReportError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}", "lang")
    framework = framework or resolve_framework(scan.framework_version)
    result = score_scan(scan, framework)
    if plan is not None:
        _check_plan(plan, result)
    if previous is not None:
        _check_previous(previous, scan)
    meta = _meta(result, lang, generated or dt.date.today())
    plan_part = sections.plan_section(plan, framework, lang) if plan is not None else None
    change_part = _change(previous, result, framework, lang) if previous is not None else None
    summary = _summary(meta, result, framework, plan_part, change_part)
    top = summary.top
    report = Report(
        meta=meta,
        title=f"{label('report', lang)} {label('municipality', lang)} {meta.municipality_name} "
        f"{meta.scan_date.year}",
        summary=summary,
        heatmap=sections.heatmap(result, framework, lang),
        processes=sections.process_sections(result, framework, lang),
        plan=plan_part,
        change=change_part,
        communication=communication
        if communication
        else content.communication_plan(
            lang, [t.name for t in top], len(plan.chosen) if plan else 0
        ),
        own_communication_plan=bool(communication),
        awareness=awareness,
        method=method_paragraphs(meta, framework.info.title.get(lang), plan is not None),
        sources=_sources(framework, plan),
        answers=sections.answer_rows(scan, result, framework, lang),
        disagreements=sections.disagreement_rows(result, framework, lang),
    )
    log.info("report_built", extra={"municipality": meta.municipality, "lang": lang})
    return report


def _change(previous: Scan, result: ScanResult, framework: Framework, lang: str) -> ChangeSection:
    old = score_scan(previous, resolve_framework(previous.framework_version))
    comparison = compare_scans(old, result)
    return sections.change_section(comparison, framework, lang, (old.overall, result.overall))


def _summary(
    meta: ReportMeta,
    result: ScanResult,
    framework: Framework,
    plan: PlanSection | None,
    change: ChangeSection | None,
) -> Summary:
    lang = meta.lang
    top = sections.top_items(result, framework, lang)
    causes = sections.main_causes(result, framework, lang)
    return Summary(
        overall=result.overall,
        overall_level=level_word(result.overall, lang),
        confidence=result.confidence,
        paragraphs=content.summary_paragraphs(
            meta,
            result.overall,
            result.confidence,
            top,
            causes,
            plan,
            change,
            len(result.disagreements),
        ),
        top=top,
        asks=content.asks(lang, plan),
    )


def _meta(result: ScanResult, lang: str, generated: dt.date) -> ReportMeta:
    scan = result.scan
    return ReportMeta(
        lang="en" if lang == "en" else "nl",
        municipality=scan.municipality,
        municipality_name=scan.municipality_name,
        scan_id=scan.id,
        scan_title=scan.title,
        scan_date=scan.date,
        generated=generated,
        framework_version=scan.framework_version,
        mode=scan.mode,
        respondents=scan.respondents,
        participants=scan.participants,
        size_class=scan.size_class,
        small_profile=scan.small_profile,
    )


def _check_plan(plan: Plan, result: ScanResult) -> None:
    if plan.framework_version is not None:
        plan_version = semantic_version(plan.framework_version)
        scan_version = semantic_version(result.scan.framework_version)
        if plan_version != scan_version:
            raise ReportError(
                f"the plan was made with framework {plan_version}, the scan uses {scan_version}",
                "plan.framework_version",
            )
    for pid, before in plan.before.items():
        score = result.processes.get(pid)
        if score is None:
            raise ReportError(f"the plan names process {pid!r}, which the scan has not scored")
        if abs(score.vulnerability - before) > PLAN_TOLERANCE:
            raise ReportError(
                f"the plan was made for another scan: vulnerability of {pid} before the plan is "
                f"{before}, the scan says {score.vulnerability}",
                f"plan.before.{pid}",
            )


def _check_previous(previous: Scan, scan: Scan) -> None:
    if previous.municipality != scan.municipality:
        raise ReportError(
            f"the previous scan is of {previous.municipality}, this scan of {scan.municipality}",
            "previous.municipality",
        )
    if previous.date >= scan.date:
        raise ReportError(
            f"the previous scan ({previous.date}) is not earlier than this scan ({scan.date})",
            "previous.date",
        )


def _sources(framework: Framework, plan: Plan | None) -> list[SourceItem]:
    """Sources cited by the processes, their red flags, the chosen measures and the study."""
    cited: set[str] = {"VJ"}
    for process in framework.processes.values():
        cited.update(process.sources)
        for flag in process.red_flags:
            cited.update(flag.sources)
    for chosen in plan.chosen if plan else []:
        measure = framework.measures.get(chosen.id)
        cited.update(measure.sources if measure else [])
    for recommendation in framework.recommendations.values():
        if "bewustzijn" in recommendation.themes or recommendation.id == "bewustwording":
            cited.update(recommendation.sources)
    return [
        SourceItem(
            id=source.id,
            title=source.title,
            publisher=source.publisher,
            year=source.year,
            address=source.address,
        )
        for sid, source in framework.sources.items()
        if sid in cited
    ]
