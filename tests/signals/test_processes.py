"""The processes beyond finance and procurement: generation per process, their inputs (codes,
formats, keyed IBANs, pseudonyms) and the guarantee that no raw person id reaches any output."""

from __future__ import annotations

import csv
import hmac
import json
import re
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.signals.inputs import InputError, load_inputs
from weerbaar.signals.io import write_run
from weerbaar.signals.pseudonym import (
    DEMO_KEY,
    KeyedHasher,
    canonical_identifier,
    iban_key,
    pseudonym,
)
from weerbaar.signals.registry import RuleLoadError, builtin_registry, load_rule
from weerbaar.signals.schemas import DATASETS, datasets_of, input_datasets
from weerbaar.signals.service import connect
from weerbaar.signals.synthetic import PROCESSES, generate
from weerbaar.signals.synthetic.processes import select_processes


def test_generate_one_process_writes_only_its_data_and_labels(tmp_path):
    data = generate("2000", 3, tmp_path, processes=["brp"])
    assert sorted(data.files) == ["bag_addresses", "brp_mutations"]
    assert {label.rule_id.split("-")[0] for label in data.labels} == {"BRP"}
    assert {label.rule_id.split("-")[0] for label in data.decoys} == {"BRP"}
    assert (tmp_path / "labels.csv").is_file() and (tmp_path / "decoys.csv").is_file()
    assert not (tmp_path / "payments.csv").exists()


def test_one_process_alone_is_the_same_as_within_a_full_run(tmp_path):
    alone = generate("2000", 5, tmp_path / "alone", processes=["reisdocumenten"])
    both = generate("2000", 5, tmp_path / "both", processes=["reisdocumenten", "toezicht"])
    for name in ("document_applications", "loss_reports"):
        assert alone.files[name].read_bytes() == both.files[name].read_bytes()


def test_unknown_process_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown process brpp"):
        select_processes(["brpp"])
    assert select_processes(["toezicht", "brp"]) == ["brp", "toezicht"]
    assert select_processes(None) == list(PROCESSES)


def test_every_process_has_inputs_and_every_input_a_documented_column():
    for process in PROCESSES:
        assert datasets_of(process), process
    for schema in input_datasets().values():
        if schema.process in ("financien", "inkoop") and schema.name != "employees":
            continue  # declared before column documentation existed
        undocumented = [c.name for c in schema.columns if not c.description]
        assert undocumented == [], schema.name


def test_no_input_column_is_a_protected_attribute():
    words = re.compile(r"nationalit|ethnic|etnisch|religi|geboorteland|country.of.birth|afkomst")
    for schema in DATASETS.values():
        for column in schema.columns:
            assert not words.search(column.name.lower()), (schema.name, column.name)


def test_a_rule_naming_a_protected_attribute_is_refused(tmp_path):
    source = builtin_registry().get("BRP-004").path
    yaml_text = source.read_text(encoding="utf-8")
    (tmp_path / "BRP-004.yaml").write_text(yaml_text, encoding="utf-8")
    sql = source.with_suffix(".sql").read_text(encoding="utf-8")
    (tmp_path / "BRP-004.sql").write_text(sql.replace("m.mutation_id", "m.nationaliteit"), "utf-8")
    with pytest.raises(RuleLoadError, match="protected attribute"):
        load_rule(tmp_path / "BRP-004.yaml")
    (tmp_path / "BRP-004.sql").write_text(sql, encoding="utf-8")
    worded = yaml_text.replace("Woonadres op een pand", "Woonadres naar geboorteland")
    (tmp_path / "BRP-004.yaml").write_text(worded, encoding="utf-8")
    with pytest.raises(RuleLoadError, match="geboorteland"):
        load_rule(tmp_path / "BRP-004.yaml")


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


BRP_ROW = ["M1", "12345672", "inschrijving", "999010000000001", "w", "2024-01-01", ""]
BRP_HEADER = [
    "mutation_id",
    "burgerservicenummer",
    "mutation_type",
    "adresseerbaarobjectidentificatie",  # Haal Centraal names match ignoring case
    "functieAdres",
    "datumVan",
    "datumTot",
    "registered_at",
    "registered_by",
]


def test_brp_codes_formats_and_lost_zeros(tmp_path):
    _write(
        tmp_path / "brp_mutations.csv",
        [
            BRP_HEADER,
            [*BRP_ROW, "2024-01-02 10:00", "Jan"],
        ],
    )
    con = connect()
    load_inputs(con, tmp_path, key=DEMO_KEY)
    row = con.execute(
        'SELECT burgerservicenummer, "adresseerbaarObjectIdentificatie", "functieAdres" '
        "FROM brp_mutations"
    ).fetchone()
    assert row == (pseudonym(DEMO_KEY, "012345672"), "0999010000000001", "W")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("mutation_type", "verhuisd", "'verhuisd' is not a known code (use inschrijving"),
        ("adresseerbaarobjectidentificatie", "12-34", "'12-34' is not a BAG id"),
        ("datumVan", "gisteren", "'gisteren' is not a date"),
        ("functieAdres", "X", "'X' is not a known code (use W, B)"),
    ],
)
def test_bad_values_name_file_row_and_column(tmp_path, field, value, message):
    values = dict.fromkeys(BRP_HEADER, "")
    values.update(
        mutation_id="M1",
        burgerservicenummer="12345672",
        mutation_type="verhuizing",
        adresseerbaarobjectidentificatie="0999010000000001",
        datumVan="2024-01-01",
        registered_at="2024-01-02 10:00",
        registered_by="jan",
    )
    values[field] = value
    _write(tmp_path / "brp_mutations.csv", [BRP_HEADER, [values[name] for name in BRP_HEADER]])
    with pytest.raises(InputError) as caught:
        load_inputs(connect(), tmp_path, key=DEMO_KEY)
    text = str(caught.value)
    names = DATASETS["brp_mutations"].names
    column = next(name for name in names if name.lower() == field.lower())
    assert f"brp_mutations.csv, row 1 (line 2), column {column}: {message}" in text


def test_missing_column_and_empty_file_are_named(tmp_path):
    rows = [["inspection_id", "location_id"], ["I1", "0999010000000001"]]
    _write(tmp_path / "inspections.csv", rows)
    (tmp_path / "access_log.csv").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_inputs(connect(), tmp_path, key=DEMO_KEY)
    text = str(caught.value)
    assert "inspections.csv, column inspector_id: required column is missing" in text
    assert "access_log.csv: the file is empty" in text


EMPLOYEES = ["employee_id", "iban", "department", "start_date", "end_date"]


def test_employee_ibans_are_hashed_and_never_quoted(tmp_path):
    hashed = iban_key(DEMO_KEY, "NL44RABO0123456789")
    _write(
        tmp_path / "employees.csv",
        [
            EMPLOYEES,
            ["j.jansen", "nl91 abna 0417 1643 00", "ICT", "2020-01-01", ""],
            [pseudonym(DEMO_KEY, "p.peters"), hashed, "HR", "2020-01-01", ""],
        ],
    )
    con = connect()
    load_inputs(con, tmp_path, key=DEMO_KEY)
    rows = con.execute("SELECT employee_id, iban FROM employees ORDER BY department").fetchall()
    assert rows == [
        (pseudonym(DEMO_KEY, "p.peters"), hashed),  # already prepared: kept as it is
        (pseudonym(DEMO_KEY, "j.jansen"), iban_key(DEMO_KEY, "NL91ABNA0417164300")),
    ]
    wrong = ["j.jansen", "NL91ABNA0417164301", "ICT", "2020-01-01", ""]  # check digits off
    _write(tmp_path / "employees.csv", [EMPLOYEES, wrong])
    with pytest.raises(InputError) as caught:
        load_inputs(connect(), tmp_path, key=DEMO_KEY)
    text = str(caught.value)
    assert "employees.csv, row 1 (line 2), column iban: is not an IBAN" in text
    assert "0417164301" not in text


def _identifiers(data_dir: Path) -> set[str]:
    """Every raw person identifier and employee IBAN in the input files."""
    found: set[str] = set()
    for name, path in sorted((p.stem, p) for p in data_dir.glob("*.csv")):
        schema = DATASETS.get(name)
        if schema is None:
            continue
        personal = [c.name for c in schema.columns if c.personal]
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.update(row[column] for column in personal if row.get(column))
    return found


def test_no_raw_person_id_reaches_any_output(small_data, small_run, tmp_path):
    raw = _identifiers(small_data.out_dir)
    assert len(raw) > 1000  # BSNs, employee ids, board members, inspectors, employee IBANs
    write_run(tmp_path, small_run.hits, small_run.manifest)
    texts = {
        name: (tmp_path / name).read_text(encoding="utf-8")
        for name in ("hits.csv", "hits.json", "run.json")
    }
    texts["hits.parquet"] = json.dumps(pq.read_table(tmp_path / "hits.parquet").to_pylist())
    for name, text in texts.items():
        tokens = set(re.findall(r"[\w.@+-]+", text))
        leaked = {
            value
            for value in raw
            if ((value in tokens) if re.fullmatch(r"[\w.@+-]+", value) else (value in text))
        }
        assert leaked == set(), f"{name} holds raw person ids: {sorted(leaked)[:5]}"


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_the_ascii_fast_path_of_canonical_identifiers_changes_nothing(value):
    full = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold()).strip()
    assert canonical_identifier(value) == full


@given(st.binary(min_size=16, max_size=130), st.binary(max_size=200))
def test_the_keyed_hasher_is_hmac_sha256(key, message):
    assert KeyedHasher(key).digest(message) == hmac.digest(key, message, "sha256")
