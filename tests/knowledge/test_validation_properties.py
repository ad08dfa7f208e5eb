"""Properties of the cross-reference checks, over every item of the shipped data."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.knowledge import DATA_DIR
from weerbaar.knowledge.files import Item, RawData, read_directory
from weerbaar.knowledge.models import Measure, Question
from weerbaar.knowledge.reference import sbi_codes
from weerbaar.knowledge.validation import cross_check

RAW = read_directory(DATA_DIR)
SBI = sbi_codes()
UNKNOWN = st.from_regex(r"onbekend-[a-z]{1,8}", fullmatch=True)


def _with(raw: RawData, model: type, index: int, **update: object) -> tuple[RawData, Item]:
    broken = copy.copy(raw)
    broken.items = dict(raw.items)
    items = list(raw.items[model])
    old = items[index % len(items)]
    items[index % len(items)] = Item(old.model.model_copy(update=update), old.file, old.loc)
    broken.items[model] = items
    return broken, items[index % len(items)]


def test_shipped_data_has_no_cross_reference_problems() -> None:
    assert cross_check(RAW, SBI) == []


@settings(max_examples=40, deadline=None)
@given(
    index=st.integers(0, 10_000),
    field=st.sampled_from(["processes", "prerequisites", "theme"]),
    bad=UNKNOWN,
)
def test_any_unknown_measure_reference_is_reported_at_its_path(
    index: int, field: str, bad: str
) -> None:
    value: object = bad if field == "theme" else [bad]
    raw, item = _with(RAW, Measure, index, **{field: value})
    problems = cross_check(raw, SBI)
    path = f"{item.loc[0]}[{item.loc[1]}].{field}" + ("" if field == "theme" else "[0]")
    hits = [p for p in problems if p.path == path and bad in p.message]
    assert len(hits) == 1
    assert hits[0].file == item.file.relative and hits[0].line is not None


@settings(max_examples=40, deadline=None)
@given(index=st.integers(0, 10_000), bad=UNKNOWN)
def test_any_unknown_question_measure_is_reported(index: int, bad: str) -> None:
    raw, item = _with(RAW, Question, index, measures=[bad])
    problems = cross_check(raw, SBI)
    path = f"questions[{item.loc[1]}].measures[0]"
    assert [p.file for p in problems if p.path == path and bad in p.message] == [item.file.relative]
