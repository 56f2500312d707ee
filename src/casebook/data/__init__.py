"""The kit's case material as typed records, found from any working directory.

```python
from casebook import data

data.resource_names()                    # the tables load() knows
invocations = data.load("invocations")   # list of casebook.data.records.Invocation
text = data.transcript_text()            # the briefing, byte for byte as published
about = data.briefing_metadata()         # URL, inferred date and its evidence, ...
data.describe("political_prisoners")     # title, description and notes such as Viasna's definition
data.published_totals()                  # how many uses of the Moscow Mechanism sources say there were
```

Files are found through ``casebook.paths.data_dir()`` (``data/`` beside the package source, or the
folder ``CASEBOOK_DATA`` names), never relative to the notebook. Loading uses the standard library
only; ``casebook validate`` runs the full checks (frictionless) outside lesson kernels.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from casebook.data.loading import read_table
from casebook.data.package import (
    TABLE_LIMIT,
    DataError,
    find_resource,
    is_table,
    read_descriptor,
    read_json,
    recorded_sha256,
    resource_path,
)
from casebook.data.records import RECORD_TYPES, BriefingMetadata, DateEvidence
from casebook.data.shape import json_type
from casebook.files import UnreadableFile, cached_by_file, read_bytes_bounded
from casebook.paths import DataFolderNotFound, data_dir

__all__ = [
    "DataError",
    "DataFolderNotFound",
    "briefing_metadata",
    "data_dir",
    "describe",
    "load",
    "published_totals",
    "resource_names",
    "transcript_text",
]


def _cached(kind: str, path: Path, read: Any) -> Any:
    """``read()``'s result, re-read only when the file at ``path`` changes (``files.cached_by_file``)."""
    try:
        return cached_by_file(kind, path, read)
    except FileNotFoundError:
        raise DataError.at(path, "no such file") from None
    except OSError as error:
        raise DataError.at(path, f"cannot be read ({error.strerror or error})") from None


def _descriptor() -> tuple[dict[str, Any], Path]:
    folder = data_dir()
    return _cached("descriptor", folder / "datapackage.json", lambda: read_descriptor(folder)), folder


def resource_names() -> list[str]:
    """The names of the tables ``load`` accepts, in the order ``datapackage.json`` lists them."""
    descriptor, _ = _descriptor()
    tables = [r for r in descriptor["resources"] if isinstance(r, dict) and is_table(r)]
    return [r["name"] for r in tables if isinstance(r.get("name"), str) and r["name"] in RECORD_TYPES]


def load(name: str) -> list[Any]:
    """Every row of the table ``name`` as a frozen dataclass from ``casebook.data.records``.

    Empty cells are None (never zero), dates are ``datetime.date``, lists of ids are tuples.
    Raises DataError, naming the file, row and field, if the file does not match its schema.
    """
    descriptor, folder = _descriptor()
    resource = find_resource(descriptor, name, folder)
    if is_table(resource) and name not in RECORD_TYPES:
        raise DataError.at(
            folder / "datapackage.json",
            f"table '{name}' has no record type yet: add one to casebook/data/records.py",
        )
    if not is_table(resource):
        raise DataError.at(
            folder / "datapackage.json",
            f"'{name}' is not a table: use transcript_text() or briefing_metadata(). "
            f"Tables: {', '.join(resource_names())}",
        )
    path = resource_path(resource, folder)
    rows = _cached(
        f"table:{name}", path, lambda: tuple(read_table(path, resource["schema"], RECORD_TYPES[name]))
    )
    return list(rows)


def describe(name: str) -> dict[str, Any]:
    """The descriptor of resource ``name`` from ``datapackage.json``: title, description, schema, and
    the kit's notes (keys starting ``casebook:``), such as
    ``describe("political_prisoners")["casebook:definition"]``.
    """
    descriptor, folder = _descriptor()
    return json.loads(json.dumps(find_resource(descriptor, name, folder)))  # a copy callers may change


PUBLISHED_TOTALS = "casebook:publishedTotals"  # kept with the invocations table in datapackage.json
_TOTAL_FIELDS = {
    "total": "a whole number, or null",
    "as_stated": "a text",
    "by": "a text",
    "sources": "a list of ids",
}


def published_totals() -> list[dict[str, Any]]:
    """The totals of Moscow Mechanism uses that sources publish, in the order the data gives them.

    Each is a dict: ``total`` (a whole number, or None where the source gives none, as with "about a
    dozen"), ``as_stated`` (the source's words), ``by`` (who says it) and ``sources`` (ids in
    ``sources``). They are kept with the ``invocations`` table (``casebook:publishedTotals``); raises
    DataError naming the file and the field when an entry is not of that shape.
    """
    totals = describe("invocations").get(PUBLISHED_TOTALS)
    file = data_dir() / "datapackage.json"
    where = f"invocations/{PUBLISHED_TOTALS}"
    if not isinstance(totals, list):
        raise DataError.at(file, "missing, or not a list; run 'casebook validate'", field=where)
    for number, entry in enumerate(totals):
        if not isinstance(entry, dict):
            raise DataError.at(file, f"must be an object, not {json_type(entry)}", field=f"{where}/{number}")
        for field, kind in _TOTAL_FIELDS.items():
            if field not in entry:
                raise DataError.at(file, f"missing; it must be {kind}", field=f"{where}/{number}/{field}")
            value = entry[field]
            if not _is_total_field(field, value):
                raise DataError.at(
                    file, f"must be {kind}, not {json_type(value)}", field=f"{where}/{number}/{field}"
                )
    return totals


def _is_total_field(field: str, value: Any) -> bool:
    if field == "total":
        return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)
    if field == "sources":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, str) and bool(value.strip())


def transcript_text() -> str:
    """The briefing transcript exactly as published (UTF-8, LF line endings, website text included).

    Raises DataError if the file differs from the published text (its sha256 is checked).
    """
    descriptor, folder = _descriptor()
    resource = find_resource(descriptor, "transcript", folder)
    path = resource_path(resource, folder)

    def read() -> str:
        try:
            content = read_bytes_bounded(path, TABLE_LIMIT)
        except UnreadableFile as error:
            raise DataError(error.problem) from None
        expected = recorded_sha256(resource)
        if expected is not None and hashlib.sha256(content).hexdigest() != expected:
            raise DataError.at(
                path,
                "the transcript has been changed; it must stay the published text byte for byte. "
                "Restore it with 'git checkout -- data/briefing/transcript.txt'",
            )
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DataError.at(path, f"not UTF-8 text (undecodable byte at position {error.start})") from None

    return _cached("transcript", path, read)


def briefing_metadata() -> BriefingMetadata:
    """What is known about the briefing: URL, venue, the inferred date with its evidence, and more."""
    descriptor, folder = _descriptor()
    path = resource_path(find_resource(descriptor, "briefing_metadata", folder), folder)
    return _cached("metadata", path, lambda: _read_metadata(path))


def _read_metadata(path: Path) -> BriefingMetadata:
    raw = read_json(path)
    if not isinstance(raw, dict):
        raise DataError.at(
            path, f"must be a JSON object of fields, not {json_type(raw)}; run 'casebook validate'"
        )
    names = [field.name for field in dataclasses.fields(BriefingMetadata)]
    for name in names:
        if name not in raw:
            raise DataError.at(path, "missing; run 'casebook validate'", field=name)
    if unknown := sorted(set(raw) - set(names)):
        raise DataError.at(path, "not a field casebook knows; run 'casebook validate'", field=unknown[0])
    return BriefingMetadata(
        **{
            **raw,
            "date": _metadata_date(path, raw["date"]),
            "date_evidence": tuple(
                _evidence(path, f"date_evidence/{n}", item)
                for n, item in enumerate(_listed(path, raw, "date_evidence"))
            ),
            "transcript_features": tuple(_texts(path, "transcript_features", raw["transcript_features"])),
            "sources": tuple(_texts(path, "sources", raw["sources"])),
        }
    )


def _bad(path: Path, field: str, what: str) -> DataError:
    return DataError.at(path, f"{what}; run 'casebook validate'", field=field)


def _listed(path: Path, raw: dict[str, Any], field: str) -> list[Any]:
    value = raw[field]
    if not isinstance(value, list):
        raise _bad(path, field, f"must be a list, not {json_type(value)}")
    return value


def _texts(path: Path, field: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _bad(path, field, "must be a list of texts")
    return value


def _metadata_date(path: Path, value: Any) -> date:
    if not isinstance(value, str):
        raise _bad(path, "date", f"must be a date written YYYY-MM-DD, not {json_type(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(path, "date", f"'{value}' is not a date written YYYY-MM-DD") from None


def _evidence(path: Path, field: str, item: Any) -> DateEvidence:
    if not isinstance(item, dict):
        raise _bad(path, field, f"must be an object with clue, finding and sources, not {json_type(item)}")
    for key in ("clue", "finding"):
        if not isinstance(item.get(key), str):
            raise _bad(path, f"{field}/{key}", "missing, or not text")
    return DateEvidence(
        clue=item["clue"],
        finding=item["finding"],
        sources=tuple(_texts(path, f"{field}/sources", item.get("sources"))),
    )
