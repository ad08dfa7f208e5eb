"""Cardinal's INI settings, read into a model and mapped onto the INK rule parameters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from weerbaar.signals.ocds.settings import (
    NOT_SET,
    RULE_IDS,
    SettingsError,
    load_settings,
    split_pipes,
)
from weerbaar.signals.registry import builtin_registry

INI = """\
currency = EUR
no_price_comparison_procurement_methods = Loting|Prijsvraag
[exclusions]
procurement_method_details = Test
[R003]
threshold = 20
procurement_methods = open|selective
[R003.procurement_method_details]
Spoed = 10
[R018]
[R038]
minimum_submitted_bids = 0
[R058]
threshold = 0.5
[defaults]
currency = EUR
"""


def test_sections_become_rule_parameters(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text(INI, encoding="utf-8")
    settings = load_settings(path)
    assert settings.enabled_codes() == ["R003", "R018", "R038", "R058"]
    assert settings.excluded_procurement_method_details() == ["Test"]
    params = settings.rule_parameters()
    assert params["INK-001"] == {
        "threshold": 20,
        "procurement_methods": ["open", "selective"],
        "procurement_method_details": ["Spoed"],
        "procurement_method_details_thresholds": [10],
    }
    assert params["INK-002"] == {"procurement_methods": ["open", "selective"]}
    assert params["INK-009"]["minimum_submitted_bids"] == 0
    assert params["INK-009"]["threshold"] == NOT_SET
    assert params["INK-005"]["threshold"] == 0.5
    assert params["INK-005"]["no_price_comparison_procurement_methods"] == ["Loting", "Prijsvraag"]


def test_every_mapped_parameter_exists_on_its_rule(tmp_path):
    path = tmp_path / "all.ini"
    path.write_text("\n".join(f"[{code}]" for code in RULE_IDS), encoding="utf-8")
    registry = builtin_registry()
    for rule_id, params in load_settings(path).rule_parameters().items():
        assert set(params) <= set(registry.get(rule_id).defaults()), rule_id


def test_unknown_key_names_file_and_section(tmp_path):
    path = tmp_path / "bad.ini"
    path.write_text("[R024]\nthreshhold = 0.1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"bad\.ini.*R024\.threshhold"):
        load_settings(path)


def test_wrong_type_is_an_error(tmp_path):
    path = tmp_path / "bad.ini"
    path.write_text("[R003]\nthreshold = soon\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"R003\.threshold"):
        load_settings(path)


@given(st.lists(st.text(alphabet="abc |", min_size=1, max_size=5), max_size=5))
def test_split_pipes_matches_rust_split_terminator(parts):
    text = "|".join(parts)
    expected = text.split("|")
    if expected and expected[-1] == "":
        expected.pop()
    assert split_pipes(text) == sorted(set(expected))


def test_prepare_sections_and_unimplemented_indicators_are_ignored(tmp_path):
    path = tmp_path / "newer.ini"
    path.write_text("[codelists.bid_status]\nqualified = valid\n[R055]\nthreshold = 0.5\n[R018]\n")
    assert load_settings(path).enabled_codes() == ["R018"]
