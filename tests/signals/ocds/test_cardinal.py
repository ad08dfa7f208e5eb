"""Our INK rules reproduce OCP Cardinal's output: upstream fixtures, docs demonstrations, 5k set."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from weerbaar.signals.ocds.cardinal import run_file
from weerbaar.signals.ocds.settings import RULE_IDS, load_settings
from weerbaar.signals.registry import builtin_registry

CARDINAL = Path(__file__).parent / "fixtures" / "cardinal"
GROUPS = ("OCID", "Buyer", "ProcuringEntity", "Tenderer")
IMPLEMENTED = set(RULE_IDS)
REGISTRY = builtin_registry()
FIXTURES = sorted((CARDINAL / "indicators").glob("*.ini"))
# Output of Cardinal's documentation demonstrations (docs/cli/indicators/R/NNN.md, current
# definitions: R024/R035/R058 also name the tenderers they flag).
DOCS = {
    "003": {"OCID": {"F": {"R003": 1.0}}},
    "018": {"OCID": {"F": {"R018": 1.0}}},
    "024": {"OCID": {"F": {"R024": 1.0}}, "Tenderer": {"W": {"R024": 0.0}, "L": {"R024": 0.0}}},
    "025": {"Tenderer": {"F": {"R025": 0.16666666666666666}}},
    "028": {"OCID": {"F": {"R028": 1.0}}, "Tenderer": {"D": {"R028": 1.0}, "V": {"R028": 1.0}}},
    "030": {"OCID": {"F": {"R030": 1.0}}, "Tenderer": {"W": {"R030": 1.0}}},
    "035": {"OCID": {"F": {"R035": 1.0}}, "Tenderer": {"V": {"R035": 0.0}}},
    "036": {"OCID": {"F": {"R036": 1.0}}},
    "038": {"Buyer": {"B": {"R038": 0.5}}},
    "048": {"Tenderer": {"F": {"R048": 2.0}}},
    "058": {"OCID": {"F": {"R058": 99.0}}, "Tenderer": {"W": {"R058": 0.0}}},
}


def flat(result: dict, codes: set[str]) -> dict[tuple[str, str, str], float]:
    return {
        (group, key, code): value
        for group in GROUPS
        for key, values in result.get(group, {}).items()
        for code, value in values.items()
        if code in codes
    }


def assert_same(expected: dict, got: dict, codes: set[str]) -> None:
    want, have = flat(expected, codes), flat(got, codes)
    assert sorted(have) == sorted(want)
    for key, value in want.items():
        assert math.isclose(have[key], value, rel_tol=0, abs_tol=1e-9), key


@pytest.mark.parametrize("ini", FIXTURES, ids=lambda path: path.stem)
def test_upstream_fixture(ini: Path):
    expected = json.loads(ini.with_suffix(".expected").read_text())
    got = run_file(ini.with_suffix(".jsonl"), load_settings(ini), REGISTRY)
    assert_same(expected, got, IMPLEMENTED)


@pytest.mark.parametrize("number", sorted(DOCS))
def test_docs_demonstration(number: str):
    folder = CARDINAL / "examples"
    ini = folder / f"{number}.ini"
    settings = load_settings(ini if ini.exists() else folder / "settings.ini")
    assert_same(DOCS[number], run_file(folder / f"{number}.jsonl", settings, REGISTRY), IMPLEMENTED)


@pytest.fixture(scope="module")
def synth5k() -> dict:
    return run_file(
        CARDINAL / "synth5k.jsonl.gz", load_settings(CARDINAL / "settings.ini"), REGISTRY
    )


def test_synth5k_flags_and_values(synth5k: dict):
    expected = json.loads((CARDINAL / "synth5k.cardinal.json").read_text())
    assert_same(expected, synth5k, IMPLEMENTED)
    assert len(flat(expected, IMPLEMENTED)) > 3000  # the comparison is not vacuous


def test_synth5k_meta_fences(synth5k: dict):
    expected = json.loads((CARDINAL / "synth5k.cardinal.json").read_text())["Meta"]
    assert sorted(synth5k["Meta"]) == sorted(expected)
    for code, fences in expected.items():
        assert sorted(synth5k["Meta"][code]) == sorted(fences), code
        for name, value in fences.items():
            ours = synth5k["Meta"][code][name]
            if value is None:  # Cardinal prints NaN quartiles of an empty set as null
                assert ours is None, (code, name)
            else:
                assert math.isclose(ours, value, abs_tol=1e-9), (code, name)


def test_synth5k_tenderer_map(synth5k: dict):
    with gzip.open(CARDINAL / "synth5k.cardinal-map.json.gz", "rt") as handle:
        expected = json.load(handle)["Maps"]
    for key, value in synth5k["Maps"].items():
        want = {ocid: sorted(v) if isinstance(v, list) else v for ocid, v in expected[key].items()}
        assert value == want, key
    for key in ("ocid_tenderer_r028", "ocid_tenderer_r030", "ocid_tenderer_r035", "ocid_tenderer"):
        assert synth5k["Maps"][key] and key in expected
    assert len(synth5k["Maps"]["ocid_buyer_r038"]) == 1604


def test_command_line_prints_cardinal_json(capsys):
    from weerbaar.signals.ocds.__main__ import main

    folder = CARDINAL / "indicators"
    code = main([str(folder / "R058.jsonl"), "--settings", str(folder / "R058.ini"), "--no-meta"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == json.loads((folder / "R058.expected").read_text())
    assert main([str(folder / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
