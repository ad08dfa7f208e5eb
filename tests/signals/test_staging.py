"""One-pass loading: typed columns, pseudonyms per distinct identifier, checks on the stage."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weerbaar.signals.inputs import InputError, load_inputs
from weerbaar.signals.pseudonym import pseudonym, pseudonym_table
from weerbaar.signals.schemas import DATASETS, Column, DatasetSchema

KEY = b"0123456789abcdef-test"
MEASUREMENTS = DatasetSchema(
    "measurements",
    (
        Column("measurement_id", "VARCHAR"),
        Column("score", "DOUBLE"),
        Column("checked", "BOOLEAN"),
        Column("measured_by", "VARCHAR", person=True),
    ),
    key=("measurement_id",),
)


@pytest.fixture
def measurements(monkeypatch):
    monkeypatch.setitem(DATASETS, MEASUREMENTS.name, MEASUREMENTS)
    return MEASUREMENTS


def write_csv(directory: Path, name: str, rows: list[dict[str, str]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def row(n: int, **values: str) -> dict[str, str]:
    return {
        "measurement_id": f"M{n}",
        "score": "0.5",
        "checked": "ja",
        "measured_by": "jan",
        **values,
    }


@pytest.mark.parametrize(
    ("score", "checked", "expected"),
    [
        ("0,25", "nee", (0.25, False)),
        ("1e3", "TRUE", (1000.0, True)),
        ("-7", "0", (-7.0, False)),
        (" 3.5 ", " Ja ", (3.5, True)),
    ],
)
def test_double_and_boolean_columns_are_parsed(tmp_path, measurements, score, checked, expected):
    write_csv(tmp_path, "measurements", [row(1, score=score, checked=checked)])
    con = duckdb.connect()
    load_inputs(con, tmp_path, key=KEY)
    assert con.execute("SELECT score, checked FROM measurements").fetchall() == [expected]


@pytest.mark.parametrize(
    ("column", "value", "hint"),
    [("score", "veel", "is not a number"), ("checked", "misschien", "is not true/false")],
)
def test_bad_double_or_boolean_names_row_and_column(tmp_path, measurements, column, value, hint):
    write_csv(tmp_path, "measurements", [row(1), row(2, **{column: value})])
    with pytest.raises(InputError) as caught:
        load_inputs(duckdb.connect(), tmp_path, key=KEY)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(
        f"measurements.csv, row 2 (line 3), column {column}: {value!r} {hint}"
    )


def test_person_identifiers_are_trimmed_then_pseudonymised(tmp_path, measurements):
    write_csv(
        tmp_path,
        "measurements",
        [row(1, measured_by="jan"), row(2, measured_by=" jan "), row(3, measured_by="piet")],
    )
    con = duckdb.connect()
    report = load_inputs(con, tmp_path, key=KEY)
    stored = con.execute("SELECT measured_by FROM measurements ORDER BY measurement_id").fetchall()
    assert stored == [(pseudonym(KEY, "jan"),), (pseudonym(KEY, "jan"),), (pseudonym(KEY, "piet"),)]
    assert report.persons == 2
    assert report.datasets["measurements"].rows == 3


def test_no_table_keeps_helper_columns_or_clear_identifiers(tmp_path, measurements):
    write_csv(tmp_path, "measurements", [row(1), row(2, measured_by="piet")])
    con = duckdb.connect()
    load_inputs(con, tmp_path, key=KEY)
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    assert tables == {"measurements"}
    assert not {"raw_measurements", "__pseudonyms"} & views
    columns = [r[0] for r in con.execute("DESCRIBE measurements").fetchall()]
    assert columns == MEASUREMENTS.names
    values = {r[0] for r in con.execute("SELECT measured_by FROM measurements").fetchall()}
    assert not {"jan", "piet"} & values


def test_blank_person_is_missing_not_a_pseudonym(tmp_path, measurements):
    write_csv(tmp_path, "measurements", [row(1), row(2, measured_by="  ")])
    with pytest.raises(InputError) as caught:
        load_inputs(duckdb.connect(), tmp_path, key=KEY)
    assert [str(p) for p in caught.value.problems] == [
        "measurements.csv, row 2 (line 3), column measured_by: required value is missing"
    ]


def test_missing_key_is_not_also_a_duplicate(tmp_path, measurements):
    write_csv(tmp_path, "measurements", [row(1, measurement_id=""), row(2, measurement_id="")])
    with pytest.raises(InputError) as caught:
        load_inputs(duckdb.connect(), tmp_path, key=KEY)
    assert all("required value is missing" in str(p) for p in caught.value.problems)
    assert len(caught.value.problems) == 2


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=6), st.one_of(st.none(), st.text(min_size=1, max_size=6))),
        max_size=12,
    )
)
def test_pseudonym_table_has_one_row_per_raw_text(pairs):
    table = pseudonym_table(pairs, KEY).to_pylist()
    expected = dict(pairs)
    assert len(table) == len(expected)  # a repeated raw text would repeat rows in the join
    for item in table:
        value = expected[item["__raw"]]
        blank = value is None or not value.strip()  # loading never passes a blank value
        assert item["__alias"] == (None if blank else pseudonym(KEY, value))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Jan.Jansen", "jan.jansen"),
        (" jan.jansen ", "JAN.JANSEN"),
        ("\u00a0jan\t", "jan"),  # no-break space and tab from a spreadsheet
        ("STRASSE", "straße"),  # Unicode case folding, not just lower()
        ("Jose\u0301", "josé"),  # decomposed and composed é (NFC)
        ("ｊａｎ", "jan"),  # full-width letters (NFKC)
    ],
)
def test_pseudonym_ignores_case_surrounding_space_and_unicode_form(one, other):
    assert pseudonym(KEY, one) == pseudonym(KEY, other)


@pytest.mark.parametrize(("one", "other"), [("jan", "jan2"), ("jan.jansen", "jan jansen")])
def test_different_identifiers_keep_different_pseudonyms(one, other):
    assert pseudonym(KEY, one) != pseudonym(KEY, other)


def test_person_identifiers_in_other_case_share_a_pseudonym_across_columns(tmp_path, measurements):
    write_csv(
        tmp_path,
        "measurements",
        [
            row(1, measured_by="Jan.Jansen"),
            row(2, measured_by=" jan.jansen "),
            row(3, measured_by="JAN.JANSEN\u00a0"),
            row(4, measured_by="Piet"),
        ],
    )
    con = duckdb.connect()
    report = load_inputs(con, tmp_path, key=KEY)
    stored = con.execute("SELECT measured_by FROM measurements ORDER BY measurement_id").fetchall()
    jan, piet = pseudonym(KEY, "jan.jansen"), pseudonym(KEY, "piet")
    assert stored == [(jan,), (jan,), (jan,), (piet,)]
    assert report.persons == 2


@pytest.mark.parametrize("check_only", [False, True])
def test_a_person_of_only_unicode_whitespace_is_missing(tmp_path, measurements, check_only):
    write_csv(tmp_path, "measurements", [row(1), row(2, measured_by="\u00a0\t\u2003")])
    with pytest.raises(InputError) as caught:
        load_inputs(duckdb.connect(), tmp_path, key=KEY, check_only=check_only)
    assert [str(p) for p in caught.value.problems] == [
        "measurements.csv, row 2 (line 3), column measured_by: required value is missing"
    ]
