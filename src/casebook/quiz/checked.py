"""The kit's own quizzes, checked against the quiz schema ahead of time and known by content digest.

Checking a quiz against ``quiz.schema.json`` needs jsonschema: importing it and running the Draft 2020-12
validator costs a learner's kernel about a quarter of a second and several MB each time a lesson shows
its quiz. The shipped quizzes do not change between releases, so their schema check is done once, by
the kit's maintainers: ``quiz.checked.json`` holds, for each shipped quiz that passes the schema, the
SHA-256 digest of the schema and the file's exact text together, and a test keeps the list current.

A file whose digest is listed skips only the schema step, whose answer is known (no problems). Reading
the YAML, duplicate keys, cross-field checks and transcript references still run every time. A file
anyone has edited, even by one character, has another digest and is validated in full, as is every
file once the schema changes. A missing, unreadable or malformed list is ignored: everything is
validated. The list is only read, never written, at run time.

After editing a shipped quiz or the schema: ``python -m casebook.quiz.checked`` (the maintainer's tool
:mod:`casebook.maintain.quiz_checked`) rewrites the list.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

CHECKED_FILE = "quiz.checked.json"
SCHEMA_FILE = "quiz.schema.json"
_DIGEST = re.compile(r"[0-9a-f]{64}")


@cache
def _schema_bytes() -> bytes:
    return resources.files("casebook.quiz").joinpath(SCHEMA_FILE).read_bytes()


def digest(text: str) -> str:
    """The digest of a quiz file's text together with the quiz schema it is checked against."""
    h = hashlib.sha256(_schema_bytes())
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def checked_path() -> Path:
    """Where the list lives: beside this module (package data)."""
    return Path(__file__).with_name(CHECKED_FILE)


@cache
def _known_digests() -> frozenset[str]:
    try:
        listed = json.loads(checked_path().read_text(encoding="utf-8"))["digests"]
        return frozenset(d for d in listed.values() if isinstance(d, str) and _DIGEST.fullmatch(d))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return frozenset()  # no usable list: every quiz is checked against the schema


def passed_schema(text: str) -> bool:
    """True if this exact text, under this exact schema, was checked ahead of time and had no problems."""
    digests = _known_digests()
    return bool(digests) and digest(text) in digests


if __name__ == "__main__":  # ``python -m casebook.quiz.checked``, kept: the tool is maintain.quiz_checked
    from casebook.maintain.quiz_checked import main

    sys.exit(main())
