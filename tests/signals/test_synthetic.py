"""The synthetic municipality: reproducible, realistic identifiers, sizes as asked."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.signals.inputs import sha256_of
from weerbaar.signals.synthetic import generate, payment_count
from weerbaar.signals.synthetic.identity import BANK_CODES, iban_check_digits, ibans, is_valid_iban


@given(st.sampled_from(BANK_CODES), st.integers(min_value=0, max_value=9_999_999_999))
def test_generated_ibans_pass_mod_97(bank, account):
    iban = f"NL{iban_check_digits(bank, account)}{bank}{account:010d}"
    assert is_valid_iban(iban)
    vectorised = ibans(np.array([BANK_CODES.index(bank)]), np.array([account], dtype=np.int64))
    assert vectorised == [iban]


def test_a_wrong_digit_breaks_the_iban():
    assert is_valid_iban("NL91ABNA0417164300")
    assert not is_valid_iban("NL91ABNA0417164301")


def test_every_iban_in_the_data_is_valid(small_data):
    con = duckdb.connect()
    files = small_data.files
    rows = con.execute(
        f"SELECT iban FROM read_csv('{files['creditors']}') UNION "
        f"SELECT iban FROM read_csv('{files['payments']}')"
    ).fetchall()
    assert rows and all(is_valid_iban(iban) for (iban,) in rows)


def test_same_seed_same_files(tmp_path):
    first = generate("2000", 11, tmp_path / "a", ocds=False)
    second = generate("2000", 11, tmp_path / "b", ocds=False)
    for name, path in first.files.items():
        assert sha256_of(path) == sha256_of(second.files[name]), name
    assert sha256_of(tmp_path / "a" / "labels.csv") == sha256_of(tmp_path / "b" / "labels.csv")


def test_small_is_about_five_thousand_payments(small_data):
    assert 4_500 <= small_data.rows["payments"] <= 5_500


@pytest.mark.parametrize(
    ("size", "count"), [("small", 5_000), ("large", 1_000_000), ("1e7", 10_000_000)]
)
def test_sizes(size, count):
    assert payment_count(size) == count


def test_person_columns_are_people_not_numbers(small_data):
    con = duckdb.connect()
    path = small_data.files["payments"]
    people = con.execute(f"SELECT DISTINCT entered_by FROM read_csv('{path}')").fetchall()
    assert all("." in person for (person,) in people)
