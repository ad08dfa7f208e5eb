"""`weerbaar signals ...`: exit codes 0 ok, 1 rule failure, 2 bad input; outputs of a run."""

from __future__ import annotations

import csv
import json
import shutil

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from weerbaar.cli import app
from weerbaar.signals.pseudonym import KEY_ENV, iban_key, pseudonym
from weerbaar.signals.registry import BUILTIN_RULES

runner = CliRunner()
KEY = "a-test-key-of-enough-length"


@pytest.fixture
def data(tmp_path, small_data):
    target = tmp_path / "data"
    target.mkdir()
    for path in small_data.files.values():
        shutil.copy(path, target)
    return target


def invoke(*args, key=KEY):
    env = {KEY_ENV: key} if key else {KEY_ENV: ""}
    return runner.invoke(app, ["signals", *args], env=env)


def test_rules_lists_the_catalogue():
    result = invoke("rules")
    assert result.exit_code == 0
    assert "FIN-001" in result.stdout and "INK-020" in result.stdout


def test_check_ok(data):
    result = invoke("check", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert "payments" in result.stdout


def test_run_writes_hits_and_a_reproducible_manifest(data, tmp_path, small_data):
    out = tmp_path / "out"
    result = invoke("run", "--data", str(data), "--out", str(out), "--rules", "FIN,INK-022")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    hits = json.loads((out / "hits.json").read_text(encoding="utf-8"))
    table = pq.read_table(out / "hits.parquet")
    assert table.num_rows == len(hits) == sum(manifest["counts_per_rule"].values())
    assert (out / "hits.csv").read_text(encoding="utf-8").count("\n") == len(hits) + 1
    assert manifest["inputs"]["payments"]["rows"] == small_data.rows["payments"]
    # the summary speaks in words: no columns "v" and "s", severity in both languages (issue 14)
    assert "Versie / version" in result.output and "Seconden / seconds" in result.output
    assert "hoog / high" in result.output and "uitgevoerd / run" in result.output
    assert len(manifest["inputs"]["payments"]["sha256"]) == 64
    rule = next(r for r in manifest["rules"] if r["id"] == "FIN-007")
    assert rule["version"] == 1 and len(rule["sql_sha256"]) == 64
    assert rule["parameters"]["thresholds"] == [10000, 50000]
    assert {hit["rule_id"] for hit in hits} <= {r["id"] for r in manifest["rules"]}
    assert all(hit["explanation_nl"] and hit["explanation_en"] for hit in hits)


def test_person_identifiers_never_leave_in_clear(data, tmp_path):
    out = tmp_path / "out"
    assert invoke("run", "--data", str(data), "--out", str(out)).exit_code == 0
    text = (out / "hits.json").read_text(encoding="utf-8")
    people = (data / "payments.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[-2:]
    assert people[0] not in text and people[1] not in text
    assert "p-" in text


def test_param_override_is_used_and_recorded(data, tmp_path):
    out = tmp_path / "out"
    result = invoke(
        "run",
        "--data",
        str(data),
        "--out",
        str(out),
        "--rules",
        "FIN-009",
        "--param",
        "FIN-009.min_amount=1000000",
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["rules"][0]["parameters"]["min_amount"] == 1000000
    assert manifest["counts_per_rule"] == {"FIN-009": 0}


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("amount_eur", "veel geld", "column amount_eur: 'veel geld' is not an amount"),
        ("payment_date", "31-02-2024", "column payment_date: '31-02-2024' is not a date"),
    ],
)
def test_corrupted_input_stops_the_run(data, tmp_path, column, value, message):
    path = data / "payments.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    fields = lines[5].split(",")
    fields[header.index(column)] = value
    lines[5] = ",".join(fields)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("run", "--data", str(data), "--out", str(out))
    assert result.exit_code == 2
    assert f"payments.csv, row 5 (line 6), {message}" in result.output
    assert not out.exists()


def test_missing_column_stops_the_run(data, tmp_path):
    path = data / "creditors.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [",".join(line.split(",")[:-1]) for line in lines]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = invoke("check", "--data", str(data))
    assert result.exit_code == 2
    assert "creditors.csv, column created_by: required column is missing" in result.output


def test_no_key_no_run(data, tmp_path):
    result = invoke("run", "--data", str(data), "--out", str(tmp_path / "o"), key=None)
    assert result.exit_code == 2
    assert KEY_ENV in result.output


def test_demo_runs_without_a_key(data, tmp_path):
    out = tmp_path / "o"
    result = invoke(
        "run", "--data", str(data), "--out", str(out), "--demo", "--rules", "FIN-006", key=None
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["pseudonymisation"]["demo_key"] is True


def test_bad_param_is_bad_input(data, tmp_path):
    result = invoke(
        "run", "--data", str(data), "--out", str(tmp_path / "o"), "--param", "FIN-007.nope=1"
    )
    assert result.exit_code == 2
    assert "has no parameter 'nope'" in result.output


def test_failing_rule_exits_1(data, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    source = BUILTIN_RULES / "financien" / "FIN-006.yaml"
    text = source.read_text(encoding="utf-8").replace("FIN-006", "EXT-001")
    (rules / "EXT-001.yaml").write_text(text, encoding="utf-8")
    (rules / "EXT-001.sql").write_text(
        "SELECT no_such_column AS entity_id FROM payments", encoding="utf-8"
    )
    out = tmp_path / "o"
    result = invoke(
        "run",
        "--data",
        str(data),
        "--out",
        str(out),
        "--rules-dir",
        str(rules),
        "--rules",
        "EXT,FIN-006",
    )
    assert result.exit_code == 1
    assert "EXT-001" in result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert {r["id"]: r["status"] for r in manifest["rules"]} == {
        "EXT-001": "failed",
        "FIN-006": "ok",
    }


def test_generate_sizes(tmp_path):
    result = invoke("generate", "--size", "2000", "--seed", "1", "--out", str(tmp_path / "g"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g" / "labels.csv").exists()
    assert invoke("generate", "--size", "huge", "--out", str(tmp_path / "h")).exit_code == 2


def test_broken_ocds_line_is_bad_input(data, tmp_path, small_data):
    shutil.copy(small_data.ocds_file, data / "ocds.jsonl")
    with (data / "ocds.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"ocid": \n')
    result = invoke("check", "--data", str(data))
    assert result.exit_code == 2
    assert "ocds.jsonl: line " in result.output and "invalid JSON" in result.output
    assert str(data) not in result.output  # the file is named once, by its name
    assert invoke("run", "--data", str(data), "--out", str(tmp_path / "o")).exit_code == 2


def test_ocds_rules_run_on_the_generated_releases(data, tmp_path, small_data):
    shutil.copy(small_data.ocds_file, data / "ocds.jsonl")
    out = tmp_path / "o"
    result = invoke("run", "--data", str(data), "--out", str(out), "--rules", "INK")
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert manifest["ocds"]["releases"] > 0 and len(manifest["ocds"]["sha256"]) == 64
    assert {r["status"] for r in manifest["rules"]} == {"ok"}


def test_empty_directory_is_bad_input(tmp_path):
    empty = tmp_path / "leeg"
    empty.mkdir()
    for command in ("check", "run"):
        args = ["--data", str(empty)] + (["--out", str(tmp_path / "o")] if command == "run" else [])
        result = invoke(command, *args)
        assert result.exit_code == 2
        assert "no input files found" in result.output


@pytest.mark.parametrize("content", ["", "\n  \n\n"], ids=["0-bytes", "blank-lines"])
def test_an_empty_ocds_file_is_bad_input_like_an_empty_table(data, tmp_path, content):
    (data / "ocds.jsonl").write_text(content, encoding="utf-8")
    result = invoke("check", "--data", str(data))
    assert result.exit_code == 2
    assert "ocds.jsonl" in result.output and "the file is empty (no releases)" in result.output
    out = tmp_path / "o"
    assert invoke("run", "--data", str(data), "--out", str(out)).exit_code == 2
    assert not out.exists()


def test_an_empty_table_file_is_named_empty(data, tmp_path):
    (data / "payments.csv").write_bytes(b"")
    result = invoke("check", "--data", str(data))
    assert result.exit_code == 2
    assert "payments.csv: the file is empty (no header row, no data)" in result.output
    assert "required column is missing" not in result.output


def test_same_person_in_other_case_or_spacing_is_one_person_for_fin_006(tmp_path):
    from weerbaar.signals.schemas import DATASETS

    data = tmp_path / "data"
    data.mkdir()
    row = {
        "payment_date": "2024-04-10",
        "amount_eur": "950.00",
        "creditor_id": "C1",
        "iban": "NL91ABNA0417164300",
        "invoice_date": "2024-04-01",
        "description": "x",
        "cost_centre": "KP1",
    }
    people = [
        ("P1", "Jan.Jansen", " jan.jansen "),
        ("P2", "PIET", "piet\u00a0"),  # a no-break space from a spreadsheet
        ("P3", "jan.jansen", "piet"),
    ]
    with (data / "payments.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=DATASETS["payments"].names, delimiter=";")
        writer.writeheader()
        for payment_id, entered, approved in people:
            writer.writerow(
                {
                    **row,
                    "payment_id": payment_id,
                    "invoice_number": payment_id,
                    "entered_by": entered,
                    "approved_by": approved,
                }
            )
    out = tmp_path / "o"
    result = invoke("run", "--data", str(data), "--out", str(out), "--rules", "FIN-006")
    assert result.exit_code == 0, result.output
    hits = json.loads((out / "hits.json").read_text(encoding="utf-8"))
    assert sorted(hit["entity_id"] for hit in hits) == ["P1", "P2"]
    text = (out / "hits.json").read_text(encoding="utf-8").lower()
    assert "jan" not in text and "piet" not in text


def test_generate_one_process_and_run_the_new_rule_sets(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    made = invoke(
        "generate", "--process", "brp,toezicht", "--size", "2000", "--seed", "3", "--out", str(data)
    )
    assert made.exit_code == 0, made.output
    assert "decoys.csv" in made.stdout and not (data / "payments.csv").exists()
    result = invoke(
        "run", "--data", str(data), "--rules", "SUB,VER,BRP,RD,LOG,TOE", "--out", str(out)
    )
    assert result.exit_code == 0, result.output
    with (out / "hits.csv").open(encoding="utf-8", newline="") as handle:
        sets = {row["rule_id"].split("-")[0] for row in csv.DictReader(handle)}
    assert sets == {"BRP", "TOE"}
    rules = json.loads((out / "run.json").read_text(encoding="utf-8"))["rules"]
    skipped = {rule["id"] for rule in rules if rule["status"] == "skipped"}
    assert {"SUB-001", "VER-001", "RD-001", "LOG-001"} <= skipped


def test_a_bad_code_in_a_new_input_stops_the_run_and_writes_nothing(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    assert (
        invoke("generate", "--process", "toezicht", "--size", "2000", "--out", str(data)).exit_code
        == 0
    )
    path = data / "enforcement_actions.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("waarschuwing", "berisping", 1), "utf-8"
    )
    result = invoke("run", "--data", str(data), "--rules", "TOE", "--out", str(out))
    assert result.exit_code == 2
    assert "enforcement_actions.csv, row" in result.output and "column action_type" in result.output
    assert "'berisping' is not a known code" in result.output
    assert not out.exists() or not any(out.iterdir())


def test_hash_employees_prepares_a_file_without_ids_or_ibans(tmp_path):
    source, target = tmp_path / "hr.csv", tmp_path / "employees.csv"
    source.write_text(
        "employee_id;iban;department;start_date;end_date\n"
        "J.Jansen;NL91 ABNA 0417 1643 00;Financiën;2015-01-01;\n",
        encoding="utf-8",
    )
    result = invoke("hash-employees", str(source), "--out", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Jansen" not in text and "0417" not in text and "Financiën" in text
    assert pseudonym(KEY.encode(), "j.jansen") in text
    assert iban_key(KEY.encode(), "NL91ABNA0417164300") in text
    source.write_text("employee_id,iban\nJ.Jansen,NL91ABNA0417164301\n", encoding="utf-8")
    bad = invoke("hash-employees", str(source), "--out", str(target))
    assert bad.exit_code == 2 and "hr.csv, line 2, column iban" in bad.output
    assert "0417164301" not in bad.output
