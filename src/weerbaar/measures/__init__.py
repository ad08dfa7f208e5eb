"""Measures and the action plan: which few measures to do this year, in which quarter, and why.

Public API:

- :func:`problem_from_scan` turns a scored scan into a :class:`PlanProblem` (gaps, candidates);
  :func:`rank_candidates` lists the candidates with their expected reduction per process;
- :func:`make_plan` solves a :class:`PlanProblem` under a :class:`PlanRequest` and returns an
  explained :class:`Plan` (optimum, greedy baseline, before/after); it raises
  :class:`PlanInfeasible` naming the conflicting constraint;
- :func:`dump_plan`, :func:`load_plan`, :func:`plan_to_json`, :func:`write_xlsx` for files.
"""

from __future__ import annotations

from weerbaar.measures.feasibility import PlanInfeasible, UnknownMeasure
from weerbaar.measures.io import PlanFileError, dump_plan, load_plan, plan_to_json, write_xlsx
from weerbaar.measures.models import (
    Candidate,
    CandidateScore,
    ChosenMeasure,
    Gap,
    Plan,
    PlanProblem,
    PlanRequest,
    RejectedMeasure,
)
from weerbaar.measures.recommend import problem_from_scan, rank_candidates
from weerbaar.measures.service import make_plan

__all__ = [
    "Candidate",
    "CandidateScore",
    "ChosenMeasure",
    "Gap",
    "Plan",
    "PlanFileError",
    "PlanInfeasible",
    "PlanProblem",
    "PlanRequest",
    "RejectedMeasure",
    "UnknownMeasure",
    "dump_plan",
    "load_plan",
    "make_plan",
    "plan_to_json",
    "problem_from_scan",
    "rank_candidates",
    "write_xlsx",
]
