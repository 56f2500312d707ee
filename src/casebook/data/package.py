"""Reading ``datapackage.json``: the list of resources, their files, schemas and hashes.

Standard library only, so that a lesson kernel never loads frictionless. ``validate`` (in
``casebook.data.validation``) does the thorough checks; this module only finds things.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

DESCRIPTOR = "datapackage.json"


class DataError(ValueError):
    """A data file cannot be read as its schema says; the message names the file, row and field."""


def read_descriptor(folder: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json`` in ``folder``; DataError if it is missing or not valid JSON."""
    path = folder / DESCRIPTOR
    try:
        descriptor = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path}: no such file. The data folder must hold datapackage.json.") from None
    except json.JSONDecodeError as error:
        raise DataError(f"{path}:{error.lineno}: not valid JSON ({error.msg}).") from None
    except UnicodeDecodeError as error:
        raise DataError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start}).") from None
    except OSError as error:
        raise DataError(f"{path}: cannot be read ({error.strerror or error}).") from None
    if not isinstance(descriptor, dict) or not isinstance(descriptor.get("resources"), list):
        raise DataError(f"{path}: field 'resources' is missing or is not a list.")
    return descriptor


def find_resource(descriptor: dict[str, Any], name: str, folder: Path) -> dict[str, Any]:
    """The resource called ``name``; DataError naming the known ones if there is none."""
    for resource in descriptor["resources"]:
        if isinstance(resource, dict) and resource.get("name") == name:
            return resource
    known = ", ".join(sorted(str(r.get("name")) for r in descriptor["resources"] if isinstance(r, dict)))
    raise DataError(f"{folder / DESCRIPTOR}: no resource called '{name}'. Known resources: {known}.")


def resource_path(resource: dict[str, Any], folder: Path) -> Path:
    """The file a resource describes, resolved against the data folder."""
    return folder / str(resource.get("path", ""))


def is_table(resource: dict[str, Any]) -> bool:
    """True for a tabular resource (one with a table schema), which ``load`` turns into records."""
    return isinstance(resource.get("schema"), dict)


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def recorded_sha256(resource: dict[str, Any]) -> str | None:
    """The sha256 recorded for a resource (``"hash": "sha256:..."``), or None if there is none."""
    value = resource.get("hash")
    if isinstance(value, str) and value.startswith("sha256:"):
        return value.removeprefix("sha256:")
    return None


def update_hashes(folder: Path) -> list[str]:
    """Record every resource's current sha256 and size in ``datapackage.json``; returns the changed names.

    Resources marked ``"casebook:frozen": true`` (the published transcript) are never rehashed: their
    recorded hash is the published text's, and a file that differs from it is the thing to fix.
    """
    path = folder / DESCRIPTOR
    descriptor = read_descriptor(folder)
    changed = []
    for resource in descriptor["resources"]:
        if resource.get("casebook:frozen"):
            continue
        file = resource_path(resource, folder)
        if not file.is_file():
            raise DataError(f"{file}: no such file (resource '{resource.get('name')}' in {path}).")
        digest, size = sha256_of(file), file.stat().st_size
        if resource.get("hash") != f"sha256:{digest}" or resource.get("bytes") != size:
            resource["hash"], resource["bytes"] = f"sha256:{digest}", size
            changed.append(str(resource.get("name")))
    if changed:
        path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed
