"""Rewrite ``quiz.checked.json``: the digests of the shipped quizzes that pass the quiz schema now.

``python -m casebook.maintain.quiz_checked`` (or ``python -m casebook.quiz.checked``) after editing a
shipped quiz or ``quiz.schema.json``; a test fails until the list is current. What the list is for:
:mod:`casebook.quiz.checked`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from casebook.authored_yaml import read_authored_yaml
from casebook.quiz.checked import SCHEMA_FILE, _known_digests, checked_path, digest
from casebook.quiz.files import QUIZ_LIMITS, quizzes_dir


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
