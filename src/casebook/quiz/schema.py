"""The JSON Schemas shipped with the package, and validators for them.

- ``quiz.schema.json``: a quiz file (documented for authors in ``data/quizzes/README.md``);
- ``answers.schema.json``: a learner's "Export my answers" file.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped beside this module, by file name (``"quiz.schema.json"``)."""
    text = resources.files("casebook.quiz").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)


def _import_jsonschema() -> Any:
    """Import jsonschema without its optional checker for the "iri" string format.

    When the ``rfc3987-syntax`` package is installed (it is, via jupyter-events), importing
    jsonschema builds four Earley parsers for it, which takes seconds
    (python-jsonschema/jsonschema#1392): a learner would wait that long for the first quiz. Our
    schemas use no string formats, so while jsonschema loads we mark that package as absent, then
    unmark it, so any later ``import rfc3987_syntax`` works as usual.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        import jsonschema

        return jsonschema
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        import jsonschema
    finally:
        del sys.modules["rfc3987_syntax"]
    return jsonschema


@cache
def validator(name: str) -> Any:
    """A Draft 2020-12 validator for a shipped schema (built once per process)."""
    jsonschema = _import_jsonschema()
    return jsonschema.Draft202012Validator(load_schema(name))
