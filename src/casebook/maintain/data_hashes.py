"""``casebook data-hash``: record each data file's sha256 and size in ``datapackage.json``."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from casebook.data.package import (
    DESCRIPTOR,
    TABLE_LIMIT,
    DataError,
    read_descriptor,
    resource_path,
    resource_shape,
    shape_problem,
)
from casebook.files import UnreadableFile, read_bytes_bounded, write_atomic


def update_hashes(folder: Path) -> list[str]:
    """Record every resource's current sha256 and size in ``datapackage.json``; returns the changed names.

    Resources marked ``"casebook:frozen": true`` (the published transcript) are never rehashed: their
    recorded hash is the published text's, and a file that differs from it is the thing to fix.
    """
    path = folder / DESCRIPTOR
    descriptor = read_descriptor(folder)
    for index, resource in enumerate(descriptor["resources"]):
        problems = resource_shape(resource, index)
        if problems:
            raise DataError(shape_problem(folder, problems[0]))
    changed = []
    for resource in descriptor["resources"]:
        if resource.get("casebook:frozen"):
            continue
        file = resource_path(resource, folder)
        try:
            content = read_bytes_bounded(file, TABLE_LIMIT)
        except UnreadableFile as error:
            where = f"{error.problem.message} (resource '{resource.get('name')}' in {path})"
            raise DataError(dataclasses.replace(error.problem, message=where)) from None
        digest, size = hashlib.sha256(content).hexdigest(), len(content)
        if resource.get("hash") != f"sha256:{digest}" or resource.get("bytes") != size:
            resource["hash"], resource["bytes"] = f"sha256:{digest}", size
            changed.append(str(resource.get("name")))
    if changed:
        try:
            write_atomic(path, json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
        except UnreadableFile as error:
            raise DataError(error.problem) from None
    return changed
