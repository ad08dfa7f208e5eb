"""Write a run's hits (Parquet, CSV, JSON) and its manifest (run.json); all or nothing.

The files hold exactly what ``hit.model_dump()``, :mod:`json` and :mod:`csv` make of the hits
(``hit_record`` rows; hits.json as ``json.dumps(..., indent=1)``), but they are built column by
column from the hits' attributes: JSON and CSV text of whole columns through C functions and
format patterns, an Arrow table from columns, CSV and JSON written in chunks. A hit holding a
value outside plain JSON types (exactly str, int, float, bool, None, list, dict) is written
through ``model_dump`` and the standard library instead, so the bytes never depend on the path.
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Sequence
from itertools import chain, groupby
from json.encoder import encode_basestring
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from weerbaar.signals.engine import gc_paused
from weerbaar.signals.models import Hit

HIT_FIELDS: tuple[str, ...] = tuple(Hit.model_fields)
JSON_FIELDS = ("parameters", "fences", "details")
HIT_SCHEMA = pa.schema(
    [
        ("rule_id", pa.string()),
        ("rule_version", pa.int32()),
        ("severity", pa.string()),
        ("process", pa.string()),
        ("entity_type", pa.string()),
        ("entity_id", pa.string()),
        ("record_ids", pa.list_(pa.string())),
        ("value", pa.float64()),
        ("parameters", pa.string()),
        ("fences", pa.string()),
        ("details", pa.string()),
        ("explanation_nl", pa.string()),
        ("explanation_en", pa.string()),
    ]
)
JSON_CHUNK = 10_000  # hits per write of hits.json


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def hit_record(hit: Hit) -> dict[str, Any]:
    """A flat record: JSON strings for the nested fields."""
    record = hit.model_dump()
    for name in JSON_FIELDS:
        record[name] = _dumps(record[name])
    return record


class _Compact:
    """:func:`_dumps`; ``unusual`` turns true when ``default`` was needed (a value that is not
    plain JSON, which ``model_dump`` might have rendered differently).
    """

    def __init__(self) -> None:
        self.unusual = False
        self._encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=self._default)

    def _default(self, value: Any) -> str:
        self.unusual = True
        return str(value)

    def __call__(self, value: Any) -> str:
        return self._encoder.encode(value)


# --- JSON text column by column ---------------------------------------------------------------
# hits.json has the layout of json.dumps(..., ensure_ascii=False, indent=1, default=str); the
# nested fields of hits.parquet/csv that of _dumps. Both are written here for a whole column of
# values at once: scalars through C functions (encode_basestring, int/float repr), runs of dicts
# with the same keys through one format pattern, anything else value by value.


class _NotPlain(Exception):
    """A value the fast encoders leave to the standard library (via ``model_dump``)."""


_SCALARS = frozenset({str, int, float, bool, type(None)})
_NEWLINES = ["\n" + " " * level for level in range(32)]


def _newline(level: int) -> str:
    return _NEWLINES[level] if level < len(_NEWLINES) else "\n" + " " * level


def _braced(text: str) -> str:
    """``text`` as a literal in a str.format pattern."""
    return text.replace("{", "{{").replace("}", "}}")


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value == math.inf:
        return "Infinity"
    if value == -math.inf:
        return "-Infinity"
    return float.__repr__(value)


def _scalar_text(value: Any) -> str:
    """JSON of a value of exactly one of the ``_SCALARS`` types."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is float:
        return _float_text(value)
    if kind is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    return "true" if value else "false"


def _scalar_texts(values: Sequence[Any], kinds: set[type]) -> list[str]:
    if kinds == {str}:
        return list(map(encode_basestring, values))
    if kinds == {int}:
        return list(map(int.__repr__, values))
    if kinds == {float} and all(map(math.isfinite, values)):
        return list(map(float.__repr__, values))
    return list(map(_scalar_text, values))


def _runs(values: Sequence[dict[Any, Any]]) -> list[tuple[tuple[Any, ...], Sequence[Any]]]:
    """Consecutive dicts with the same keys (in the same order): (keys, dicts)."""
    runs: list[tuple[tuple[Any, ...], Sequence[Any]]] = []
    start = 0
    for keys, group in groupby(map(tuple, values)):
        end = start + len(list(group))
        runs.append((keys, values[start:end]))
        start = end
    return runs


def _encode(value: Any, level: int) -> str:
    """JSON text of a plain value nested at ``level``, as the indenting encoder writes it."""
    kind = type(value)
    if kind in _SCALARS:
        return _scalar_text(value)
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = _newline(level + 1)
        items = [_encode(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + _newline(level) + "]"
    if kind is dict:
        if not value:
            return "{}"
        inner = _newline(level + 1)
        entries = []
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            entries.append(encode_basestring(key) + ": " + _encode(item, level + 1))
        return "{" + inner + ("," + inner).join(entries) + _newline(level) + "}"
    raise _NotPlain


def _indent_texts(values: Sequence[Any], level: int) -> list[str]:
    """``[_encode(value, level) for value in values]``, column-wise where it can."""
    kinds = set(map(type, values))
    if kinds <= _SCALARS:
        return _scalar_texts(values, kinds)
    if kinds == {list} and set(map(type, chain.from_iterable(values))) <= {str}:
        inner = _newline(level + 1)
        separator, close = "," + inner, _newline(level) + "]"
        return [
            "[" + inner + separator.join(map(encode_basestring, items)) + close if items else "[]"
            for items in values
        ]
    if kinds == {dict}:
        runs = _runs(values)
        if len(runs) * 8 <= len(values):
            texts: list[str] = []
            for keys, run in runs:
                texts.extend(_indent_dicts(keys, run, level))
            return texts
    return [_encode(value, level) for value in values]


def _indent_dicts(keys: tuple[Any, ...], run: Sequence[Any], level: int) -> list[str]:
    if not keys:
        return ["{}"] * len(run)
    if set(map(type, keys)) != {str}:
        raise _NotPlain
    inner = _newline(level + 1)
    pattern = (
        "{{"
        + ",".join(inner + _braced(encode_basestring(key)) + ": {}" for key in keys)
        + _newline(level)
        + "}}"
    )
    columns = [_indent_texts(list(map(itemgetter(key), run)), level + 1) for key in keys]
    return list(map(pattern.format, *columns))


def _compact_run(keys: tuple[Any, ...], run: Sequence[Any]) -> list[str] | None:
    """:func:`_dumps` of dicts with these keys when all their values are plain scalars."""
    if not keys:
        return ["{}"] * len(run)
    if set(map(type, keys)) != {str}:
        return None
    order = sorted(keys)  # sort_keys
    columns = [list(map(itemgetter(key), run)) for key in order]
    kinds = [set(map(type, column)) for column in columns]
    if not all(kind <= _SCALARS for kind in kinds):
        return None
    pattern = "{{" + ", ".join(_braced(encode_basestring(key)) + ": {}" for key in order) + "}}"
    encoded = [_scalar_texts(column, kind) for column, kind in zip(columns, kinds, strict=True)]
    return list(map(pattern.format, *encoded))


def _compact_texts(
    values: Sequence[Any], compact: _Compact, *, shared: bool = False
) -> tuple[list[str], set[int]]:
    """``[_dumps(value) for value in values]`` and the positions where ``default`` was needed.

    ``shared``: the values are a few objects shared by many hits (a rule's parameters).
    """
    texts: list[str] = []
    unusual: set[int] = set()
    known: dict[int, tuple[str, bool]] = {}
    runs: list[tuple[tuple[Any, ...] | None, Sequence[Any]]] = []
    if not shared and set(map(type, values)) == {dict}:
        runs.extend(_runs(values))
    if not runs or len(runs) * 8 > len(values):
        runs = [(None, values)]  # value by value
    for keys, run in runs:
        start = len(texts)
        fast = None if keys is None else _compact_run(keys, run)
        if fast is not None:
            texts.extend(fast)
            continue
        for offset, value in enumerate(run, start):
            entry = known.get(id(value)) if shared else None
            if entry is None:
                compact.unusual = False
                entry = (compact(value), compact.unusual)
                if shared:
                    known[id(value)] = entry
            texts.append(entry[0])
            if entry[1]:
                unusual.add(offset)
    return texts, unusual


_HIT_PATTERN = (
    "{{"
    + ",".join("\n  " + _braced(encode_basestring(name)) + ": {}" for name in HIT_FIELDS)
    + "\n }}"
)


def _hit_json(hit: Hit) -> str:
    """One hit as an element of the top-level list (indent level 1)."""
    try:
        return _HIT_PATTERN.format(*(_encode(getattr(hit, name), 2) for name in HIT_FIELDS))
    except (_NotPlain, RecursionError):
        text = json.dumps(hit.model_dump(), ensure_ascii=False, indent=1, default=str)
        return text.replace("\n", "\n ")


def _shared_texts(values: Sequence[Any], level: int) -> list[str]:
    known: dict[int, str] = {}
    for value in values:
        if id(value) not in known:
            known[id(value)] = _encode(value, level)
    return [known[id(value)] for value in values]


def _hits_json(hits: Sequence[Hit]) -> list[str]:
    try:
        columns = [
            _shared_texts(values, 2) if name == "parameters" else _indent_texts(values, 2)
            for name in HIT_FIELDS
            for values in [list(map(attrgetter(name), hits))]
        ]
    except (_NotPlain, RecursionError):
        return [_hit_json(hit) for hit in hits]
    return list(map(_HIT_PATTERN.format, *columns))


class _HitColumns:
    """The hits' fields as columns, with the nested ones as compact JSON text (as in
    :func:`hit_record`); hits that are not plain JSON are taken from ``hit_record`` itself.
    """

    def __init__(self, hits: Sequence[Hit]) -> None:
        self.hits = hits
        self.values: dict[str, list[Any]] = {
            name: list(map(attrgetter(name), hits)) for name in HIT_FIELDS
        }
        self.text: dict[str, list[str]] = {}
        self.unusual: set[int] = set()
        compact = _Compact()
        for name in JSON_FIELDS:
            texts, unusual = _compact_texts(self.values[name], compact, shared=name == "parameters")
            self.text[name] = texts
            self.unusual.update(unusual)
        self.records: dict[int, dict[str, Any]] = {
            index: hit_record(hits[index]) for index in sorted(self.unusual)
        }

    def column(self, name: str) -> list[Any]:
        """One column as ``hit_record`` has it (nested fields as JSON text)."""
        values = list(self.text[name] if name in self.text else self.values[name])
        for index, record in self.records.items():
            values[index] = record[name]
        return values


def _table(columns: _HitColumns) -> pa.Table:
    return pa.Table.from_pydict(
        {name: columns.column(name) for name in HIT_FIELDS}, schema=HIT_SCHEMA
    )


def hits_table(hits: list[Hit]) -> pa.Table:
    """The hits as an Arrow table of :func:`hit_record` rows (schema ``HIT_SCHEMA``)."""
    with gc_paused():
        return _table(_HitColumns(hits))


_CSV_PLAIN = frozenset({str, int, float, type(None)})
_CSV_ROW = ",".join(["{}"] * len(HIT_FIELDS)) + "\r\n"


def _csv_field(text: str) -> str:
    """A field as ``csv.writer`` (excel dialect, QUOTE_MINIMAL) writes it."""
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def _csv_texts(values: Sequence[Any]) -> Sequence[str]:
    """The fields of a column of str, int, float and None."""
    if set(map(type, values)) == {str}:
        joined = "".join(values)
        if not ('"' in joined or "," in joined or "\n" in joined or "\r" in joined):
            return values
        return list(map(_csv_field, values))
    return [
        ""
        if value is None
        else _csv_field(value if type(value) is str else repr(value))  # csv: repr of a float
        for value in values
    ]


def _write_csv(path: Path, hits: list[Hit], columns: _HitColumns | None = None) -> None:
    """hits.csv as ``csv.DictWriter`` writes ``hit_record`` rows (record ids joined by "|")."""
    columns = columns or _HitColumns(hits)
    fields = [columns.column(name) for name in HIT_FIELDS]
    fields[HIT_FIELDS.index("record_ids")] = ["|".join(hit.record_ids) for hit in hits]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HIT_FIELDS)
        if not all(set(map(type, values)) <= _CSV_PLAIN for values in fields):
            writer.writerows(zip(*fields, strict=True))
            return
        for start in range(0, len(hits), JSON_CHUNK):
            part = [_csv_texts(values[start : start + JSON_CHUNK]) for values in fields]
            handle.write("".join(map(_CSV_ROW.format, *part)))


def _write_json(handle: IO[str], hits: Sequence[Hit]) -> None:
    """``json.dumps([hit.model_dump() for hit in hits], ensure_ascii=False, indent=1,
    default=str)``, written in chunks."""
    if not hits:
        handle.write("[]")
        return
    handle.write("[")
    for start in range(0, len(hits), JSON_CHUNK):
        texts = _hits_json(hits[start : start + JSON_CHUNK])
        handle.write(("\n " if start == 0 else ",\n ") + ",\n ".join(texts))
    handle.write("\n]")


def write_run(out_dir: Path, hits: list[Hit], manifest: dict[str, Any]) -> list[Path]:
    """Write hits.parquet, hits.csv, hits.json and run.json into ``out_dir``.

    Each file is written beside its target and moved into place only when all are complete.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / name for name in ("hits.parquet", "hits.csv", "hits.json", "run.json")]
    partials = [target.with_name(f".{target.name}.partial") for target in targets]
    try:
        with gc_paused():
            columns = _HitColumns(hits)
            pq.write_table(_table(columns), partials[0])
            _write_csv(partials[1], hits, columns)
            del columns
            with partials[2].open("w", encoding="utf-8") as handle:
                _write_json(handle, hits)
        partials[3].write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
        for partial, target in zip(partials, targets, strict=True):
            os.replace(partial, target)
    finally:
        for partial in partials:
            if partial.exists():
                partial.unlink()
    return targets
