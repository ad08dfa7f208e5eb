"""The output files hold what model_dump says of the hits: hits.parquet and hits.csv byte for byte
as hit_record rows through Arrow and csv.DictWriter, hits.json the same objects, one per line."""

from __future__ import annotations

import csv
import datetime as dt
import enum
import json
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from weerbaar.signals.io import HIT_FIELDS, HIT_SCHEMA, hit_record, hits_table, write_run
from weerbaar.signals.models import FENCE_COLUMNS, Hit

FILES = ("hits.parquet", "hits.csv", "hits.json")


def reference_write(out_dir, hits):
    """write_run as it was: one hit_record / model_dump per hit, DictWriter, json.dumps."""
    out_dir.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([hit_record(hit) for hit in hits], schema=HIT_SCHEMA)
    pq.write_table(table, out_dir / "hits.parquet")
    with (out_dir / "hits.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HIT_FIELDS)
        writer.writeheader()
        for hit in hits:
            record = hit_record(hit)
            record["record_ids"] = "|".join(hit.record_ids)
            writer.writerow(record)
    (out_dir / "hits.json").write_text(
        json.dumps([hit.model_dump() for hit in hits], ensure_ascii=False, indent=1, default=str),
        encoding="utf-8",
    )


def canonical(text):
    """JSON text in one layout (NaN != NaN, so compare text, not parsed values)."""
    return json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)


def assert_same_files(tmp_path, hits):
    reference_write(tmp_path / "expected", hits)
    write_run(tmp_path / "got", hits, {"run": 1})
    for name in ("hits.parquet", "hits.csv"):
        expected = (tmp_path / "expected" / name).read_bytes()
        assert (tmp_path / "got" / name).read_bytes() == expected, name
    got = (tmp_path / "got" / "hits.json").read_text(encoding="utf-8")
    assert canonical(got) == canonical((tmp_path / "expected" / "hits.json").read_text())
    if hits:  # "[", one line per hit, "]"
        lines = got.split("\n")
        assert lines[0] == "[" and lines[-2:] == ["]", ""] and len(lines) == len(hits) + 3
        assert all(canonical(line.rstrip(",")) for line in lines[1:-2])
    assert json.loads((tmp_path / "got" / "run.json").read_text()) == {"run": 1}
    assert sorted(path.name for path in (tmp_path / "got").iterdir()) == sorted(
        [*FILES, "run.json"]
    )


def test_a_real_run_is_written_as_hit_records(small_run, tmp_path):
    assert len(small_run.hits) > 20
    assert_same_files(tmp_path, small_run.hits)


def test_no_hits(tmp_path):
    assert_same_files(tmp_path, [])
    assert (tmp_path / "got" / "hits.json").read_text() == "[]"


class Colour(str, enum.Enum):  # noqa: UP042 - str() is "Colour.RED", not the value
    RED = "red"


TEXT = st.text(
    st.one_of(
        st.sampled_from(list(',"\r\n{}[]:\\ €é—\u2028\x00\t|')),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=8,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    TEXT,
)
UNUSUAL = st.one_of(
    st.dates(),
    st.just(Colour.RED),
    st.tuples(st.integers(), TEXT),
    st.just(math.inf),
    st.just(dt.datetime(2024, 1, 2, 3, 4, 5)),
)
PLAIN = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=8,
)
DETAILS = st.dictionaries(TEXT, st.one_of(PLAIN, UNUSUAL), max_size=4)


@st.composite
def hits(draw, details=DETAILS):
    rule = draw(st.sampled_from(["FIN-001", "INK-009"]))
    return Hit(
        rule_id=rule,
        rule_version=draw(st.integers(1, 3)),
        severity=draw(st.sampled_from(["low", "medium", "high"])),
        process=draw(st.sampled_from(["financien", "inkoop"])),
        entity_type=draw(TEXT),
        entity_id=draw(TEXT),
        record_ids=draw(st.lists(TEXT, max_size=3)),
        value=draw(st.one_of(st.none(), st.floats())),
        parameters=draw(st.sampled_from([{}, {"threshold": 15, "methods": ["open"]}])),
        fences=draw(
            st.dictionaries(
                st.sampled_from(FENCE_COLUMNS), st.one_of(st.none(), st.floats()), max_size=4
            )
        ),
        details=draw(details),
        explanation_nl=draw(TEXT),
        explanation_en=draw(TEXT),
    )


def same_shape_runs():
    """Many hits in runs with the same detail keys, as rules produce them."""
    keys = st.lists(TEXT, min_size=1, max_size=3, unique=True)
    return keys.flatmap(
        lambda names: st.lists(
            hits(details=st.fixed_dictionaries({name: SCALARS for name in names})),
            min_size=8,
            max_size=30,
        )
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(hits(), max_size=12), same_shape_runs()))
def test_any_hits_are_written_as_hit_records(tmp_path_factory, drawn):
    assert_same_files(tmp_path_factory.mktemp("io"), drawn)


def test_hits_sharing_objects_and_long_runs(tmp_path):
    parameters = {"threshold": 15, "days": [1, 2]}
    many = [
        Hit.model_construct(
            rule_id="INK-001",
            rule_version=1,
            severity="medium",
            process="inkoop",
            entity_type="ocid",
            entity_id=f"ocds-{index}",
            record_ids=[f"ocds-{index}", "x,y"] if index % 3 else [],
            value=None if index % 5 == 0 else index / 7,
            parameters=parameters,
            fences={} if index % 2 else {"q1": 0.5, "upper_fence": math.nan},
            details={"days": index, "name": f'"{index}"', "day": "2024-01-01", "ok": True},
            explanation_nl=f"{{text}} {index}, €",
            explanation_en="line\nbreak" if index == 7 else "plain",
        )
        for index in range(25_000)
    ]
    assert_same_files(tmp_path, many)


def test_hits_table_is_the_table_of_hit_records(small_run):
    expected = pa.Table.from_pylist([hit_record(hit) for hit in small_run.hits], schema=HIT_SCHEMA)
    assert hits_table(small_run.hits).equals(expected)


def test_values_outside_json_are_written_as_text(tmp_path):
    hit = Hit(
        rule_id="X",
        rule_version=1,
        severity="low",
        process="p",
        entity_type="e",
        entity_id="1",
        record_ids=["a"],
        value=1.0,
        parameters={},
        fences={},
        details={"day": dt.date(2024, 1, 2), "colour": Colour.RED, "pair": (1, "b")},
        explanation_nl="",
        explanation_en="",
    )
    assert_same_files(tmp_path, [hit, hit])
    written = json.loads((tmp_path / "got" / "hits.json").read_text())
    assert written[0]["details"] == {"day": "2024-01-02", "colour": "red", "pair": [1, "b"]}


def test_a_failed_write_leaves_no_files(tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("weerbaar.signals.io._write_json", fail)
    with pytest.raises(OSError, match="disk full"):
        write_run(tmp_path, [], {})
    assert list(tmp_path.iterdir()) == []
