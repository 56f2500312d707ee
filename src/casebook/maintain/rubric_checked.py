"""Rewrite ``rubric.checked.json``: the digests of the shipped rubrics that pass the rubric schema now.

``python -m casebook.maintain.rubric_checked`` (or ``python -m casebook.rubric_checked``) after editing
a shipped rubric or ``rubric.schema.json``; a test fails until the list is current. What the list is
for: :mod:`casebook.rubric_checked`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from casebook.authored_yaml import read_authored_yaml
from casebook.paths import data_dir
from casebook.rubric.files import validator
from casebook.rubric_checked import CHECKED_PATH, SCHEMA_PATH, _known, digest


def current_digests(folder: Path | None = None) -> dict[str, str]:
    """File name -> digest for every rubric in ``folder`` (default: the kit's) that passes in full now.

    Runs the whole check with jsonschema, never the list it is building.
    """
    schema_validator = validator(SCHEMA_PATH)
    out: dict[str, str] = {}
    for path in sorted((folder or data_dir() / "rubrics").glob("*.yaml")):
        document = read_authored_yaml(path)
        data = document.data
        if not document.problems and isinstance(data, dict) and schema_validator.is_valid(data):
            out[path.name] = digest(document.text)
    return out


def write_checked(folder: Path | None = None, list_path: Path = CHECKED_PATH) -> dict[str, str]:
    """Rewrite the list from the rubrics as they are now; returns what it holds."""
    digests = current_digests(folder)
    document = {
        "about": "Digests of the shipped rubrics that pass rubric.schema.json "
        "(see casebook/rubric_checked.py). Regenerate with: python -m casebook.rubric_checked",
        "digests": digests,
    }
    list_path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    _known.cache_clear()
    return digests


def main() -> int:
    """``python -m casebook.rubric_checked``: rewrite the list and say what it holds."""
    digests = write_checked()
    print(f"{CHECKED_PATH}: {len(digests)} rubric file(s) checked against {SCHEMA_PATH.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
