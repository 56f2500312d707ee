"""The JSON Schemas shipped with the package, and validators for them.

- ``quiz.schema.json``: a quiz file (documented for authors in ``data/quizzes/README.md``);
- ``answers.schema.json``: a learner's "Export my answers" file.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from casebook.authored_schema import FORMAT_ONLY_LIBRARIES, draft_validator, import_jsonschema

__all__ = ["FORMAT_ONLY_LIBRARIES", "import_jsonschema", "load_schema", "validator"]


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped beside this module, by file name (``"quiz.schema.json"``)."""
    text = resources.files("casebook.quiz").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator(name: str) -> Any:
    """A Draft 2020-12 validator for a shipped schema (built once per process)."""
    return draft_validator(load_schema(name))
