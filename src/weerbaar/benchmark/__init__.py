"""The regional and national picture, built on consent and anonymised aggregates.

- :mod:`~weerbaar.benchmark.consent`: what a municipality lets leave it (nothing, aggregates
  only, named results to its own RIEC), ordered, revocable;
- :mod:`~weerbaar.benchmark.regions`: the ten RIEC regions of the reference data;
- :mod:`~weerbaar.benchmark.distribution`: median and quartiles of a group, published only
  for groups of at least :data:`MIN_GROUP` municipalities;
- :mod:`~weerbaar.benchmark.suppression`: primary and secondary cell suppression, so that no
  statistic about fewer than five municipalities can be derived from one export;
- :mod:`~weerbaar.benchmark.panel`, :mod:`~weerbaar.benchmark.monitor`: the benchmark panel of
  a municipality's dashboard and the national monitor's tables;
- :mod:`~weerbaar.benchmark.federation`: signed contribution files (Ed25519).

Pure Python: no Django here; the web app (``weerbaar.web.regional``, ``weerbaar.web.monitor``)
stores and shows what this package computes.
"""

from __future__ import annotations

from weerbaar.benchmark.consent import ConsentLevel, Use, permits

MIN_GROUP = 5
"""The smallest number of municipalities a published benchmark or monitor cell may describe."""

__all__ = ["MIN_GROUP", "ConsentLevel", "Use", "permits"]
