"""The rule catalogue (Markdown), generated from the rule files, with measured precision.

Precision and recall come from a run on the synthetic Gemeente Voorbeeld data (size and seed
stated in the page): a hit is a true positive when ``labels.csv`` names its rule and entity.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from weerbaar.signals.models import Label, Rule
from weerbaar.signals.pseudonym import DEMO_KEY
from weerbaar.signals.registry import RuleRegistry
from weerbaar.signals.service import RunOptions, RunResult, run_signals

CATALOGUE_SIZE = "medium"
CATALOGUE_SEED = 7


DECOY_AIM = 0.05  # at most this share of a rule's decoys flagged (issue 16)


@dataclass(frozen=True)
class Quality:
    hits: int
    true_positives: int
    labelled: int
    found: int
    decoys: int = 0
    decoys_flagged: int = 0
    records: int = 0  # rows of the rule's main (first) dataset, or OCDS releases

    @property
    def precision(self) -> float | None:
        return self.true_positives / self.hits if self.hits else None

    @property
    def recall(self) -> float | None:
        return self.found / self.labelled if self.labelled else None

    @property
    def decoy_rate(self) -> float | None:
        return self.decoys_flagged / self.decoys if self.decoys else None

    @property
    def per_10k(self) -> float | None:
        return self.hits * 10_000 / self.records if self.records else None


def _by_rule(labels: list[Label]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        found[label.rule_id].add(label.entity_id)
    return found


def _records(rule: Rule, manifest: dict[str, Any]) -> int:
    """Rows of the rule's main dataset (its first), or the OCDS releases for OCDS rules."""
    inputs = manifest.get("inputs", {})
    main = rule.spec.datasets[0]
    if main in inputs:
        return int(inputs[main]["rows"])
    return int((manifest.get("ocds") or {}).get("releases") or 0)


def quality_of(
    registry: RuleRegistry, labels: list[Label], decoys: list[Label], result: RunResult
) -> dict[str, Quality]:
    """Per rule that ran: hits, planted anomalies found, decoys flagged, records read."""
    labelled, decoyed = _by_rule(labels), _by_rule(decoys)
    flagged: dict[str, list[str]] = defaultdict(list)
    for hit in result.hits:
        flagged[hit.rule_id].append(hit.entity_id)
    quality = {}
    for outcome in result.outcomes:
        if outcome.status != "ok":
            continue
        rule_id = outcome.rule.id
        hits, planted, lookalikes = flagged[rule_id], labelled[rule_id], decoyed[rule_id]
        quality[rule_id] = Quality(
            hits=len(hits),
            true_positives=sum(entity in planted for entity in hits),
            labelled=len(planted),
            found=len(planted & set(hits)),
            decoys=len(lookalikes),
            decoys_flagged=len(lookalikes & set(hits)),
            records=_records(outcome.rule, result.manifest),
        )
    return quality


def measure_quality(
    registry: RuleRegistry, size: str = CATALOGUE_SIZE, seed: int = CATALOGUE_SEED
) -> dict[str, Quality]:
    """Generate the synthetic data (every process), run every rule, compare with the labels."""
    from weerbaar.signals.synthetic import generate

    with tempfile.TemporaryDirectory() as directory:
        data = generate(size, seed, Path(directory))
        result = run_signals(RunOptions(data_dir=data.out_dir, key=DEMO_KEY, demo=True), registry)
    return quality_of(registry, data.labels, data.decoys, result)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _parameters(rule: Rule) -> list[str]:
    lines = []
    for name, parameter in rule.spec.parameters.items():
        lines.append(
            f"| `{name}` | `{parameter.default}` | {parameter.unit} | "
            f"{parameter.description.nl} / {parameter.description.en} |"
        )
    if not lines:
        return ["Geen parameters / no parameters.", ""]
    return [
        "| parameter | default | unit | beschrijving / description |",
        "|---|---|---|---|",
        *lines,
        "",
    ]


def _per_10k(quality: Quality | None) -> str:
    if quality is None or quality.per_10k is None:
        return "–"
    return f"{quality.per_10k:.1f}"


def _decoys(quality: Quality | None) -> str:
    if quality is None or not quality.decoys:
        return "–"
    return f"{_percent(quality.decoy_rate)} ({quality.decoys_flagged}/{quality.decoys})"


def _measured(rule: Rule, quality: Quality | None) -> list[str]:
    """The measured line of a rule, and why its decoys are flagged when more than the aim."""
    if quality is None:
        return ["Gemeten / measured: not run on the synthetic data.", ""]
    q = quality
    if q.labelled:
        found = (
            f"precision {_percent(q.precision)} ({q.true_positives}/{q.hits} hits), "
            f"recall {_percent(q.recall)} ({q.found}/{q.labelled} planted)"
        )
    else:
        found = f"{q.hits} hits; not measured (no planted anomalies; see the OCDS comparison)"
    decoys = f"; decoys flagged {_decoys(q)}" if q.decoys else "; no decoys planted for this rule"
    lines = [
        f"Gemeten / measured: {found}{decoys}; {_per_10k(q)} hits per 10,000 records of "
        f"`{rule.spec.datasets[0]}` ({q.records:,} records).",
        "",
    ]
    rate = q.decoy_rate
    if rate is not None and rate > DECOY_AIM:
        why = rule.spec.decoys
        reason = f"{why.nl} / *{why.en}*" if why else "no reason given"
        lines += [f"Lokvogels boven {DECOY_AIM:.0%} / decoys above {DECOY_AIM:.0%}: {reason}", ""]
    return lines


def _rule_section(rule: Rule, quality: Quality | None) -> list[str]:
    spec = rule.spec
    sources = "; ".join(f"[{source.title}]({source.address})" for source in spec.sources)
    return [
        f"## {spec.id} — {spec.title.nl}",
        "",
        f"*{spec.title.en}* · version {spec.version} · process `{spec.process}` · "
        f"severity **{spec.severity}** · flags `{spec.entity}` · datasets "
        + ", ".join(f"`{name}`" for name in spec.datasets),
        "",
        spec.rationale.nl,
        "",
        f"*{spec.rationale.en}*",
        "",
        f"Bronnen / sources: {sources}",
        "",
        *_parameters(rule),
        f"Uitleg / explanation: `{spec.explanation.nl}`",
        "",
        *_measured(rule, quality),
    ]


def render_catalogue(registry: RuleRegistry, quality: dict[str, Quality]) -> str:
    rules = list(registry)
    lines = [
        "# Signaalregels / signal rule catalogue",
        "",
        "<!-- Generated by `weerbaar signals catalogue`; do not edit by hand. -->",
        "",
        f"{len(rules)} rules. Measured on the synthetic Gemeente Voorbeeld data, every process "
        f"(`weerbaar signals generate --size {CATALOGUE_SIZE} --seed {CATALOGUE_SEED}`): a hit "
        "counts as true when `labels.csv` plants that anomaly for the rule (precision, recall); "
        "`decoys.csv` lists legitimate look-alikes, and *decoys* is the share of them the rule "
        f"flags (aim: at most {DECOY_AIM:.0%}; above that the rule says why). *Per 10k* is the "
        "number of hits per 10,000 records of the rule's main dataset: the reviewer's workload. "
        "Precision on synthetic data only shows how noisy a rule is on ordinary records; every "
        "hit needs human review (see [lawful use](lawful-use.md)).",
        "",
        "| id | v | proces | ernst | titel | precision | recall | decoys | per 10k |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for rule in rules:
        q = quality.get(rule.id)
        link = f"#{rule.id.lower()}--{_anchor(rule.spec.title.nl)}"
        lines.append(
            f"| [{rule.id}]({link}) | {rule.spec.version} "
            f"| {rule.spec.process} | {rule.spec.severity} | {rule.spec.title.nl} "
            f"| {_percent(q.precision) if q else '–'} | {_percent(q.recall) if q else '–'} "
            f"| {_decoys(q)} | {_per_10k(q)} |"
        )
    lines.append("")
    for rule in rules:
        lines.extend(_rule_section(rule, quality.get(rule.id)))
    return "\n".join(lines).rstrip() + "\n"


def _anchor(title: str) -> str:
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -")
    return kept.replace(" ", "-")
