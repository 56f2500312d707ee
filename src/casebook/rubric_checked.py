"""The kit's own rubrics, checked against ``rubric.schema.json`` ahead of time, known by content digest.

As for quizzes (``casebook.quiz.checked``): ``rubric.checked.json`` holds, for each shipped rubric that
passes the schema, the SHA-256 digest of the schema and the file's exact text together, and a test
keeps the list current. A rubric whose digest is listed skips only the schema step, so showing it needs
no jsonschema: the browser-only course has none, and a server's lesson kernel does not pay for its
import. Reading the YAML and the rules a schema cannot say still run every time. An edited file (one
character is enough), or every file after a schema change, is checked in full: with jsonschema where it
is installed, else with ``casebook.plain_schema``. A missing or malformed list means every file is
checked. The list is only read at run time.

After editing a shipped rubric or the schema: ``python -m casebook.rubric_checked`` (the maintainer's
tool :mod:`casebook.maintain.rubric_checked`) rewrites the list.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path

CHECKED_PATH = Path(__file__).with_name("rubric.checked.json")
SCHEMA_PATH = Path(__file__).parent / "rubric" / "rubric.schema.json"
_DIGEST = re.compile(r"[0-9a-f]{64}")


def digest(text: str, schema: bytes | None = None) -> str:
    """The digest of a rubric file's text together with the rubric schema (default: the shipped one)."""
    h = hashlib.sha256(SCHEMA_PATH.read_bytes() if schema is None else schema)
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return h.hexdigest()


@cache
def _known(list_path: Path) -> frozenset[str]:
    try:
        listed = json.loads(list_path.read_text(encoding="utf-8"))["digests"]
        return frozenset(d for d in listed.values() if isinstance(d, str) and _DIGEST.fullmatch(d))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return frozenset()  # no usable list: every rubric is checked against the schema


def passed_schema(text: str, list_path: Path = CHECKED_PATH) -> bool:
    """True if this exact text, under the shipped schema, was checked ahead of time and had no problems."""
    known = _known(list_path)
    return bool(known) and digest(text) in known


if __name__ == "__main__":  # ``python -m casebook.rubric_checked``, kept: the tool is maintain.rubric_checked
    from casebook.maintain.rubric_checked import main

    sys.exit(main())
