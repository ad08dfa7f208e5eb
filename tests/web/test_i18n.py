"""The English catalogue: complete, not fuzzy, and the committed .mo matches the .po."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import weerbaar.web

LOCALE = Path(weerbaar.web.__file__).parent / "locale" / "en" / "LC_MESSAGES"
ENTRY = re.compile(
    r'^msgid (?P<id>(?:".*"\n)+)(?:msgid_plural (?P<plural>(?:".*"\n)+))?'
    r'(?P<strs>(?:msgstr(?:\[\d\])? (?:".*"\n?)+)+)',
    re.MULTILINE,
)


def _unquote(block: str) -> str:
    return "".join(ast.literal_eval(line) for line in block.strip().splitlines())


def po_catalogue(text: str) -> dict[object, str]:
    """msgid (or (msgid, n) for plurals) -> msgstr, as Python's gettext reads a .mo."""
    catalogue: dict[object, str] = {}
    for match in ENTRY.finditer(text):
        msgid = _unquote(match["id"])
        strs = re.findall(r"msgstr(?:\[(\d)\])? ((?:\".*\"\n?)+)", match["strs"])
        if match["plural"]:
            for index, block in strs:
                catalogue[(msgid, int(index))] = _unquote(block)
        else:
            catalogue[msgid] = _unquote(strs[0][1])
    return catalogue


def test_every_string_is_translated_and_none_is_fuzzy() -> None:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    catalogue = po_catalogue(text)
    assert len(catalogue) > 300
    untranslated = [k for k, v in catalogue.items() if k != "" and not v]
    assert untranslated == []
    assert "#, fuzzy" not in text


def test_compiled_catalogue_matches_the_po_file() -> None:
    po = po_catalogue((LOCALE / "django.po").read_text(encoding="utf-8"))
    with (LOCALE / "django.mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    po.pop("", None)
    mo = {k: v for k, v in mo.items() if k != ""}
    assert mo == po, "run `weerbaar manage compilemessages` and commit django.mo"


def test_placeholders_survive_translation() -> None:
    po = po_catalogue((LOCALE / "django.po").read_text(encoding="utf-8"))
    for key, value in po.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid:
            continue
        expected = set(re.findall(r"%\((\w+)\)s", str(msgid)))
        assert set(re.findall(r"%\((\w+)\)s", value)) == expected, msgid


AWARENESS = Path(weerbaar.web.__file__).parent / "awareness" / "locale" / "en" / "LC_MESSAGES"


def test_the_awareness_apps_own_catalogue_is_complete_and_compiled() -> None:
    text = (AWARENESS / "django.po").read_text(encoding="utf-8")
    po = po_catalogue(text)
    assert len(po) > 150 and "#, fuzzy" not in text
    assert [k for k, v in po.items() if k != "" and not v] == []
    with (AWARENESS / "django.mo").open("rb") as handle:
        mo = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    po.pop("", None)
    assert {k: v for k, v in mo.items() if k != ""} == po, "compile the awareness catalogue"
    for key, value in po.items():
        msgid = key[0] if isinstance(key, tuple) else key
        assert set(re.findall(r"%\((\w+)\)s", value)) == set(re.findall(r"%\((\w+)\)s", str(msgid)))
