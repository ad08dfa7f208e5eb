"""Hypothesis strategies: small random plan problems and requests."""

from __future__ import annotations

from hypothesis import strategies as st

from weerbaar.measures.models import Candidate, Gap, PlanProblem, PlanRequest

PROCESSES = ("inkoop", "brp")
THEMES = ("kennis", "bewustzijn")


@st.composite
def problems(draw: st.DrawFn, max_measures: int = 5) -> PlanProblem:
    n_gaps = draw(st.integers(1, 4))
    gaps = tuple(
        Gap(
            id=f"g{k}",
            process=draw(st.sampled_from(PROCESSES)),
            points=draw(st.integers(0, 40) | st.integers(5, 40)),
        )
        for k in range(n_gaps)
    )
    n = draw(st.integers(1, max_measures))
    candidates = []
    for i in range(n):
        earlier = [f"m{j}" for j in range(i)]
        candidates.append(
            Candidate(
                id=f"m{i}",
                theme=draw(st.sampled_from(THEMES)),
                effect=draw(st.sampled_from(["laag", "middel", "hoog"])),
                intro_hours=draw(st.integers(0, 30)),
                run_hours_per_year=draw(st.integers(0, 24)),
                cost_eur=draw(st.integers(0, 3000)),
                delivered_by=draw(st.sampled_from([("gemeente",), ("gemeente", "riec")])),
                shared_share=draw(st.sampled_from([None, 0.5])),
                gaps=tuple(
                    draw(st.sets(st.sampled_from([g.id for g in gaps]), min_size=1, max_size=3))
                ),
                prerequisites=tuple(draw(st.sets(st.sampled_from(earlier), max_size=1)))
                if earlier
                else (),
                small_municipality=draw(st.sampled_from([True, True, True, False])),
            )
        )
    vulnerability = {p: float(draw(st.integers(10, 100))) for p in PROCESSES}
    return PlanProblem(
        gaps=gaps,
        candidates=tuple(candidates),
        vulnerability=vulnerability,
        small_profile=draw(st.booleans()),
    )


@st.composite
def requests(draw: st.DrawFn, problem: PlanProblem, max_quarters: int = 3) -> PlanRequest:
    ids = [c.id for c in problem.candidates]
    mandatory = draw(st.sampled_from([[], [], [], [ids[-1]]]))
    excluded = draw(
        st.lists(st.sampled_from([i for i in ids if i not in mandatory] or ["m0"]), max_size=1)
    )
    return PlanRequest(
        hours=draw(st.integers(0, 150)),
        budget_eur=draw(st.integers(0, 15000)),
        quarters=draw(st.integers(1, max_quarters)),
        hours_per_quarter=draw(st.none() | st.integers(20, 80).map(float)),
        partners=draw(st.sampled_from([frozenset(), frozenset({"riec"})])),
        mandatory=tuple(mandatory),
        excluded=tuple(e for e in excluded if e not in mandatory),
        min_theme=draw(st.sampled_from([{}, {}, {}, {"kennis": 1}])),
        allow_unsuited=draw(st.booleans()),
    )
