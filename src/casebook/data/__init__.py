"""The kit's case material as typed records, found from any working directory.

```python
from casebook import data

data.resource_names()                    # the tables load() knows
invocations = data.load("invocations")   # list of casebook.data.records.Invocation
text = data.transcript_text()            # the briefing, byte for byte as published
about = data.briefing_metadata()         # URL, inferred date and its evidence, ...
data.describe("political_prisoners")     # title, description and notes such as Viasna's definition
```

Files are found through ``casebook.paths.data_dir()`` (``data/`` beside the package source, or the
folder ``CASEBOOK_DATA`` names), never relative to the notebook. Loading uses the standard library
only; ``casebook validate`` runs the full checks (frictionless) outside lesson kernels.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from casebook.data.loading import read_table
from casebook.data.package import (
    DataError,
    find_resource,
    is_table,
    read_descriptor,
    recorded_sha256,
    resource_path,
    sha256_of,
)
from casebook.data.records import RECORD_TYPES, BriefingMetadata, DateEvidence
from casebook.paths import DataFolderNotFound, data_dir

__all__ = [
    "DataError",
    "DataFolderNotFound",
    "briefing_metadata",
    "data_dir",
    "describe",
    "load",
    "resource_names",
    "transcript_text",
]

_cache: dict[tuple[str, Path], tuple[tuple[int, int], Any]] = {}


def _cached(kind: str, path: Path, read: Any) -> Any:
    """``read()``'s result, re-read only when the file at ``path`` changes."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise DataError(f"{path}: no such file.") from None
    stamp = (stat.st_mtime_ns, stat.st_size)
    hit = _cache.get((kind, path))
    if hit is None or hit[0] != stamp:
        hit = (stamp, read())
        _cache[(kind, path)] = hit
    return hit[1]


def _descriptor() -> tuple[dict[str, Any], Path]:
    folder = data_dir()
    return _cached("descriptor", folder / "datapackage.json", lambda: read_descriptor(folder)), folder


def resource_names() -> list[str]:
    """The names of the tables ``load`` accepts, in the order ``datapackage.json`` lists them."""
    descriptor, _ = _descriptor()
    return [r["name"] for r in descriptor["resources"] if is_table(r) and r.get("name") in RECORD_TYPES]


def load(name: str) -> list[Any]:
    """Every row of the table ``name`` as a frozen dataclass from ``casebook.data.records``.

    Empty cells are None (never zero), dates are ``datetime.date``, lists of ids are tuples.
    Raises DataError, naming the file, row and field, if the file does not match its schema.
    """
    descriptor, folder = _descriptor()
    resource = find_resource(descriptor, name, folder)
    if is_table(resource) and name not in RECORD_TYPES:
        raise DataError(f"table '{name}' has no record type yet: add one to casebook/data/records.py.")
    if not is_table(resource):
        raise DataError(
            f"'{name}' is not a table: use transcript_text() or briefing_metadata(). "
            f"Tables: {', '.join(resource_names())}."
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


def transcript_text() -> str:
    """The briefing transcript exactly as published (UTF-8, LF line endings, website text included).

    Raises DataError if the file differs from the published text (its sha256 is checked).
    """
    descriptor, folder = _descriptor()
    resource = find_resource(descriptor, "transcript", folder)
    path = resource_path(resource, folder)

    def read() -> str:
        expected = recorded_sha256(resource)
        if expected is not None and sha256_of(path) != expected:
            raise DataError(
                f"{path}: the transcript has been changed; it must stay the published text byte for byte. "
                f"Restore it with 'git checkout -- data/briefing/transcript.txt'."
            )
        return path.read_bytes().decode("utf-8")

    return _cached("transcript", path, read)


def briefing_metadata() -> BriefingMetadata:
    """What is known about the briefing: URL, venue, the inferred date with its evidence, and more."""
    descriptor, folder = _descriptor()
    path = resource_path(find_resource(descriptor, "briefing_metadata", folder), folder)
    return _cached("metadata", path, lambda: _read_metadata(path))


def _read_metadata(path: Path) -> BriefingMetadata:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        evidence = tuple(
            DateEvidence(clue=e["clue"], finding=e["finding"], sources=tuple(e["sources"]))
            for e in raw.get("date_evidence", [])
        )
        return BriefingMetadata(
            **{
                **raw,
                "date": date.fromisoformat(raw["date"]),
                "date_evidence": evidence,
                "transcript_features": tuple(raw["transcript_features"]),
                "sources": tuple(raw["sources"]),
            }
        )
    except FileNotFoundError:
        raise DataError(f"{path}: no such file.") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{path}:{error.lineno}: not valid JSON ({error.msg}).") from None
    except KeyError as error:
        raise DataError(f"{path}, field '{error.args[0]}': missing; run 'casebook validate'.") from None
    except (TypeError, ValueError) as error:
        raise DataError(f"{path}: does not match its schema ({error}); run 'casebook validate'.") from None
