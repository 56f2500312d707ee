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


# Optional libraries that jsonschema imports only to check string "format"s. Together they cost a
# learner's kernel about half a second and 5 MB (rfc3987-syntax alone builds four Earley parsers:
# python-jsonschema/jsonschema#1392). Our schemas use no "format" keyword (a test keeps it so).
FORMAT_ONLY_LIBRARIES = (
    "rfc3987_syntax",
    "rfc3987",
    "rfc3339_validator",
    "rfc3986_validator",
    "webcolors",
    "jsonpointer",
    "uri_template",
    "isoduration",
    "idna",
    "fqdn",
)


def _import_jsonschema() -> Any:
    """Import jsonschema without the optional libraries it uses only for string formats.

    While jsonschema loads, those libraries are marked absent, so jsonschema simply skips their format
    checkers; then they are unmarked, so a later ``import idna`` (say) works as usual.
    """
    if "jsonschema" in sys.modules:
        import jsonschema

        return jsonschema
    blocked = [name for name in FORMAT_ONLY_LIBRARIES if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import jsonschema
    finally:
        for name in blocked:
            del sys.modules[name]
    return jsonschema


@cache
def validator(name: str) -> Any:
    """A Draft 2020-12 validator for a shipped schema (built once per process)."""
    jsonschema = _import_jsonschema()
    return jsonschema.Draft202012Validator(load_schema(name))
