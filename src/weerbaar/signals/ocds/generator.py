"""Synthetic OCDS compiled releases for the fictional Gemeente Voorbeeld, with planted anomalies.

``generate(n, seed)`` returns ``n`` ordinary tenders plus one or more planted anomalies per INK
rule and the labels saying which entity each planted anomaly must flag. The ordinary tenders are
built so that no OCDS rule fires on them by construction where that is possible (long enough
periods, several bidders, at most one disqualified bid that is never the lowest, runner-up 8-12%
above the winner, contracts within 5% of the award), and so that the quartile fences of the
peer-based rules are meaningful. Only fictional organisations; identifiers look like KvK numbers
but are made up.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from weerbaar.signals.models import Label
from weerbaar.signals.ocds.plants import (
    plant_frequent_loser,
    plant_organisation_rules,
    plant_tender_rules,
)
from weerbaar.signals.ocds.world import Builder, Release, Synthetic

__all__ = ["Label", "Synthetic", "generate", "write_labels", "write_releases", "write_synthetic"]


def generate(n: int, seed: int = 0) -> Synthetic:
    """``n`` ordinary tenders of Gemeente Voorbeeld plus planted anomalies, with their labels.

    Labels name, per INK rule, the entity the rule must flag: the ``ocid`` for process-level rules
    (INK-001..008, 010..012) and the tenderer id for INK-009 (R038), INK-013 (R025) and INK-014
    (R048). Releases are shuffled so planted ones are not at the end.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    builder = Builder(seed)
    out = Synthetic()
    out.releases.extend(builder.tender() for _ in range(n))
    plant_tender_rules(builder, out)
    plant_organisation_rules(builder, out)
    plant_frequent_loser(builder, out)
    builder.rnd.shuffle(out.releases)
    return out


def write_releases(path: str | Path, releases: list[Release]) -> Path:
    """Write releases as JSON lines (gzip-compressed when ``path`` ends in ``.gz``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(release, ensure_ascii=False) + "\n" for release in releases)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def write_labels(path: str | Path, labels: list[Label]) -> Path:
    """Labels as CSV (``rule_id, entity_type, entity_id, record_ids`` with ``|`` between ids)."""
    path = Path(path)
    lines = ["rule_id,entity_type,entity_id,record_ids"]
    lines += [f"{x.rule_id},{x.entity_type},{x.entity_id},{'|'.join(x.record_ids)}" for x in labels]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_synthetic(path: str | Path, releases: int, seed: int = 0) -> dict[str, Any]:
    """Write ``releases`` ordinary tenders plus the planted ones to ``path`` (JSON lines) and their
    labels to ``ocds-labels.csv`` beside it; returns a summary (counts and labels by rule)."""
    synthetic = generate(releases, seed)
    target = write_releases(path, synthetic.releases)
    labels = write_labels(target.with_name("ocds-labels.csv"), synthetic.labels)
    return {
        "releases": len(synthetic.releases),
        "labels_file": labels.name,
        "labels": synthetic.labels_by_rule(),
    }
