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

After editing a shipped quiz or the schema: ``python -m casebook.quiz.checked`` rewrites the list.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from casebook.authored_yaml import read_authored_yaml
from casebook.quiz.files import QUIZ_LIMITS, quizzes_dir

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


def current_digests(folder: Path | None = None) -> dict[str, str]:
    """File name -> digest for every quiz in ``folder`` (default: the kit's) that passes the schema now.

    Always runs the full schema validation (never trusts the list it is building).
    """
    from casebook.quiz.schema import validator

    schema_validator = validator(SCHEMA_FILE)
    out: dict[str, str] = {}
    for path in sorted((folder or quizzes_dir()).glob("*.yaml")):
        document = read_authored_yaml(path, QUIZ_LIMITS)
        data = document.data
        if not document.problems and isinstance(data, dict) and schema_validator.is_valid(data):
            out[path.name] = digest(document.text)
    return out


def write_checked(folder: Path | None = None) -> Path:
    """Rewrite ``quiz.checked.json`` from the quizzes as they are now; returns its path."""
    path = checked_path()
    document = {
        "about": "Digests of the shipped quizzes that pass quiz.schema.json (see casebook/quiz/checked.py). "
        "Regenerate with: python -m casebook.quiz.checked",
        "digests": current_digests(folder),
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    _known_digests.cache_clear()
    return path


def main() -> int:
    """``python -m casebook.quiz.checked``: rewrite the list and say what it holds."""
    path = write_checked()
    count = len(json.loads(path.read_text(encoding="utf-8"))["digests"])
    print(f"{path}: {count} quiz file(s) checked against {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
