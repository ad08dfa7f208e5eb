"""Loading compiled releases: exclusions as Cardinal applies them, JSON types, clear errors."""

from __future__ import annotations

import gzip
import json

import pytest

from weerbaar.signals.ocds.io import OcdsLoadError, load_ocds
from weerbaar.signals.ocds.settings import CardinalSettings, Exclusions

BID = {"status": "valid", "tenderers": [{"id": "T"}], "value": {"amount": 5, "currency": "EUR"}}


def write(path, releases):
    path.write_text("".join(json.dumps(r) + "\n" for r in releases), encoding="utf-8")
    return path


def ocids(con, table="ocds_processes"):
    return sorted(row[0] for row in con.execute(f"SELECT DISTINCT ocid FROM {table}").fetchall())


def test_global_exclusions(con, tmp_path):
    path = write(
        tmp_path / "r.jsonl",
        [
            {"ocid": "keep", "tender": {"status": "active", "procurementMethodDetails": "A"}},
            {"ocid": 7},
            {"ocid": "cancelled", "tender": {"status": "cancelled"}},
            {"ocid": "excluded", "tender": {"procurementMethodDetails": "EXC"}},
        ],
    )
    settings = CardinalSettings(exclusions=Exclusions(procurement_method_details="EXC"))
    load = load_ocds(con, path, settings)
    assert ocids(con) == ["keep"]
    assert (load.releases, load.included) == (4, 1)


def test_fields_of_the_wrong_json_type_count_as_absent(con, tmp_path):
    bids = [
        {**BID, "value": {"amount": "5", "currency": "EUR"}},
        {**BID, "tenderers": [{"id": 12}]},
    ]
    path = write(
        tmp_path / "r.jsonl",
        [
            {"ocid": "a", "tender": {"numberOfTenderers": 1.0}, "bids": {"details": bids}},
            {"ocid": "b", "tender": {"numberOfTenderers": 1}, "buyer": {"id": 3}},
        ],
    )
    load_ocds(con, path)
    rows = con.execute("SELECT ocid, number_of_tenderers, buyer_id FROM ocds_processes ORDER BY 1")
    assert rows.fetchall() == [("a", None, None), ("b", 1, None)]
    bid_rows = con.execute("SELECT amount, tenderer_id FROM ocds_bids ORDER BY bid_index")
    assert bid_rows.fetchall() == [(None, "T"), (5.0, None)]


def test_bid_without_tenderers_is_kept_once(con, tmp_path):
    path = write(tmp_path / "r.jsonl", [{"ocid": "a", "bids": {"details": [{"status": "valid"}]}}])
    load_ocds(con, path)
    assert con.execute("SELECT count(*), max(tenderer_id) FROM ocds_bids").fetchone() == (1, None)


def test_main_currency_is_configured_or_first_observed(con, tmp_path):
    release = {
        "ocid": "a",
        "awards": [{"status": "active"}],
        "bids": {"details": [{**BID, "value": {"amount": 1, "currency": "USD"}}, BID]},
    }
    path = write(tmp_path / "r.jsonl", [release])
    assert load_ocds(con, path).main_currency == "USD"
    assert load_ocds(con, path, CardinalSettings(currency="EUR")).main_currency == "EUR"
    rows = con.execute("SELECT currency, is_main_currency FROM ocds_bids ORDER BY bid_index")
    assert rows.fetchall() == [("USD", False), ("EUR", True)]


def test_tender_period_dates_must_be_rfc3339(con, tmp_path):
    periods = [
        {"startDate": "2024-01-01T10:00:00+02:00", "endDate": "2024-01-02"},
        {"startDate": "2024-01-01T10:00:00+02:00", "endDate": "2024-01-02T08:00:00Z"},
    ]
    releases = [{"ocid": str(i), "tender": {"tenderPeriod": p}} for i, p in enumerate(periods)]
    load_ocds(con, write(tmp_path / "r.jsonl", releases))
    rows = con.execute("SELECT ocid, CAST(tender_start AS VARCHAR), tender_end FROM ocds_processes")
    got = sorted(rows.fetchall())
    assert got[0][1] == "2024-01-01 08:00:00" and got[0][2] is None
    assert str(got[1][2]) == "2024-01-02 08:00:00"


def test_gzip_input(con, tmp_path):
    path = tmp_path / "r.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"ocid": "gz"}) + "\n")
    load_ocds(con, path)
    assert ocids(con) == ["gz"]


def test_invalid_json_names_file_and_line(con, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"ocid": "a"}\n\n{"ocid": "b", oops}\n', encoding="utf-8")
    with pytest.raises(OcdsLoadError, match=r"broken\.jsonl, line 3: invalid JSON"):
        load_ocds(con, path)


def test_a_line_that_is_not_an_object_is_refused(con, tmp_path):
    path = tmp_path / "array.jsonl"
    path.write_text('{"ocid": "a"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(OcdsLoadError, match=r"array\.jsonl, line 2: not a JSON object"):
        load_ocds(con, path)


def test_missing_file(con, tmp_path):
    with pytest.raises(OcdsLoadError, match="no such file"):
        load_ocds(con, tmp_path / "nothing.jsonl")


def test_wrong_structure_names_line_and_path(con, tmp_path):
    path = tmp_path / "shape.jsonl"
    release = {"ocid": "b", "awards": [{"status": "active", "suppliers": {"id": "S"}}]}
    path.write_text(json.dumps({"ocid": "a"}) + "\n" + json.dumps(release) + "\n")
    with pytest.raises(OcdsLoadError, match=r"shape\.jsonl, line 2, awards\[0\]/suppliers: "):
        load_ocds(con, path)


def test_connection_is_free_for_relations_after_loading(con, tmp_path):
    load_ocds(con, write(tmp_path / "r.jsonl", [{"ocid": "a"}]))
    assert con.sql("SELECT count(*) FROM ocds_processes").fetchall() == [(1,)]


def test_file_order_survives_a_connection_without_insertion_order(con, tmp_path):
    con.execute("SET preserve_insertion_order = false")
    releases = [{"ocid": f"o{i:04d}"} for i in range(3000)]
    load_ocds(con, write(tmp_path / "r.jsonl", releases))
    rows = con.execute("SELECT ocid FROM ocds_processes ORDER BY process_id").fetchall()
    assert [row[0] for row in rows] == [r["ocid"] for r in releases]
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchall() == [
        (False,)
    ]


def test_a_release_over_the_default_object_size_loads_through_the_retry(con, tmp_path):
    # DuckDB's JSON reader refuses an object over maximum_object_size (16 MiB by default,
    # its buffers hold up to twice that); load_ocds reads such a file again with 1 GiB.
    padding = "x" * (34 * 1024 * 1024)
    big = {"ocid": "big", "tender": {"description": padding}, "bids": {"details": [BID]}}
    path = write(tmp_path / "big.jsonl", [{"ocid": "a"}, big, {"ocid": "c"}])
    assert path.stat().st_size > 33 * 1024 * 1024
    load = load_ocds(con, path)
    assert (load.releases, load.included) == (3, 3)
    assert ocids(con) == ["a", "big", "c"]
    assert con.execute("SELECT ocid, amount FROM ocds_bids").fetchall() == [("big", 5.0)]


def test_truncated_gzip_names_file_and_line(con, tmp_path):
    whole = gzip.compress(
        "".join(
            json.dumps({"ocid": f"o{i}", "tender": {"id": "x" * i}}) + "\n" for i in range(400)
        ).encode("utf-8")
    )
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])  # an interrupted download
    with pytest.raises(OcdsLoadError, match=r"cut\.jsonl\.gz, line \d+: the gzip file is "):
        load_ocds(con, path)


def test_a_gz_file_that_is_not_gzip_is_refused(con, tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08garbage")
    with pytest.raises(OcdsLoadError, match=r"fake\.jsonl\.gz, line 1: the gzip file is "):
        load_ocds(con, path)


def test_text_that_is_not_utf8_names_the_line(con, tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"ocid": "a"}\n{"ocid": "Caf\xe9"}\n')
    with pytest.raises(OcdsLoadError, match=r"latin\.jsonl, line 2: not UTF-8 text"):
        load_ocds(con, path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n   \n\r\n"),
        ("empty.jsonl.gz", b""),
        ("empty-stream.jsonl.gz", gzip.compress(b"")),
        ("blank.jsonl.gz", gzip.compress(b"\n\n")),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_a_file_without_releases_is_refused_as_empty(con, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(OcdsLoadError, match=rf"{name.replace('.', '[.]')}: the file is empty"):
        load_ocds(con, path)
    assert con.execute("SELECT count(*) FROM duckdb_tables()").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchall() == [
        (0,)
    ]


def test_a_file_of_excluded_releases_is_not_empty(con, tmp_path):
    path = write(tmp_path / "r.jsonl", [{"ocid": "c", "tender": {"status": "cancelled"}}])
    load = load_ocds(con, path)
    assert (load.releases, load.included) == (1, 0)
