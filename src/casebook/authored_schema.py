"""JSON Schema errors in plain words, for every file people write or hand in.

Quiz files, rubrics, word lists and answer exports are all checked against a JSON Schema. jsonschema's
own messages (``'x' is not of type 'integer'``, ``Additional properties are not allowed``) speak to
programmers; ``schema_problems`` turns each error into a :class:`~casebook.problems.Problem` that names
the file, the line (when a :class:`~casebook.authored_yaml.LineMap` is given) and the field in the form
authors read (``questions[2].options``), and says what to write instead.

Importing this module does not import jsonschema: ``draft_validator`` does, when a file is checked,
through ``import_jsonschema`` (without the libraries jsonschema uses only for string formats).
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable
from typing import Any

from casebook.authored_yaml import FieldPath, LineMap, field_name
from casebook.problems import Problem
from casebook.text import kind, shorten

# For a mapping whose fields are checked by ``unevaluatedProperties`` (fields allowed depend on a
# branch of the schema, e.g. a question's type): the field names allowed at that place, and a word
# for what the mapping is ("a 'single' question"), or None.
AllowedFields = Callable[[FieldPath, dict[str, Any]], tuple[list[str], str | None]]

TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of 'key: value' lines",
    "null": "empty",
}

# Patterns of the kit's schemas, in words; any other pattern is quoted.
PATTERN_WORDS = {
    "^[A-Za-z0-9_-]+$": "may use only letters, digits, '_' and '-'",
}


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


def import_jsonschema() -> Any:
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


def draft_validator(schema: dict[str, Any]) -> Any:
    """A Draft 2020-12 validator for ``schema`` (jsonschema imported by ``import_jsonschema``)."""
    return import_jsonschema().Draft202012Validator(schema)


def short(value: Any, limit: int = 40) -> Any:
    """A long text cut to ``limit`` characters with an ellipsis; anything else as it is."""
    return shorten(value, limit) if isinstance(value, str) else value


def error_order(error: Any) -> list[str]:
    """A sort key that lists a validator's errors in the order of the fields they are about."""
    return [str(part) for part in error.absolute_path]


def schema_problems(
    file: str,
    errors: Iterable[Any],
    lines: LineMap | None = None,
    allowed_fields: AllowedFields | None = None,
) -> list[Problem]:
    """Every error of a jsonschema validator, as plain problems in the order of the fields."""
    lines = lines or LineMap()
    problems: list[Problem] = []
    for error in sorted(errors, key=error_order):
        problems += error_problems(file, error, lines, allowed_fields)
    return problems


def unknown_field(
    file: str, lines: LineMap, path: FieldPath, name: str, allowed: list[str], what: str | None
) -> Problem:
    """A field the schema does not allow, with the closest allowed name or the list of them."""
    close = difflib.get_close_matches(str(name), allowed, n=1)
    message = f"unknown field '{name}'"
    if what:
        message += f" for {what}"
    message += f" (did you mean '{close[0]}'?)" if close else f"; allowed: {', '.join(allowed)}"
    return Problem(file, message, field=field_name((*path, name)), line=lines.line((*path, name)))


def error_problems(
    file: str, error: Any, lines: LineMap, allowed_fields: AllowedFields | None = None
) -> list[Problem]:
    """One jsonschema error as problems (a ``required`` or unknown-field error may name several fields)."""
    path: FieldPath = tuple(error.absolute_path)
    keyword, value, expected = error.validator, error.instance, error.validator_value
    field = field_name(path) or None
    line = lines.line(path)

    def one(message: str) -> list[Problem]:
        return [Problem(file, message, field=field, line=line)]

    if keyword == "required":
        missing = [name for name in expected if not isinstance(value, dict) or name not in value]
        return [
            Problem(file, f"missing required field '{name}'", field=field_name((*path, name)), line=line)
            for name in missing
        ]
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        if not isinstance(value, dict):
            return one("has fields that are not allowed here")
        if keyword == "unevaluatedProperties" and allowed_fields is not None:
            allowed, what = allowed_fields(path, value)
        else:
            allowed, what = list(error.schema.get("properties", {})), None
        return [
            unknown_field(file, lines, path, name, allowed, what) for name in value if name not in allowed
        ]
    if keyword == "type":
        words = " or ".join(
            TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected)
        )
        message = f"should be {words}, not {kind(value)}"
        if isinstance(value, (bool, int, float)) and "text" in words:
            message += f" ({value!r}): put it in quotes to make it text"
        elif value is None:
            message += ": write a value after the colon, or remove the line"
        elif isinstance(value, (str, int, float)):
            message += f" ({short(value)!r})"
        return one(message)
    if keyword == "enum":
        choices = ", ".join(str(c) for c in expected)
        what = "a question type" if path and path[-1] == "type" else "allowed here"
        message = f"'{short(value)}' is not {what}; use one of: {choices}"
        close = difflib.get_close_matches(str(value), [str(c) for c in expected], n=1)
        return one(message + (f" (did you mean '{close[0]}'?)" if close else ""))
    if keyword == "const":
        return one(f"must be '{expected}', not '{short(value)}'")
    if keyword in ("minLength", "pattern") and expected in (1, "\\S"):
        return one("must not be empty")
    if keyword == "pattern":
        words = PATTERN_WORDS.get(expected, f"does not have the form this field needs ({expected})")
        return one(f"'{short(value)}' {words}")
    if keyword == "minLength":
        return one(f"is {len(value):,} characters long; at least {expected:,} are needed")
    if keyword == "maxLength" and isinstance(value, str):
        return one(f"is {len(value):,} characters long; at most {expected:,} are allowed")
    if keyword == "minItems" and isinstance(value, list):
        noun = str(path[-1]) if path and str(path[-1]).endswith("s") else "items"
        noun = noun[:-1] if expected == 1 else noun
        return one(f"needs at least {expected} {noun}, found {len(value)}")
    if keyword == "maxItems" and isinstance(value, list):
        return one(f"has {len(value)} items; at most {expected} allowed")
    if keyword == "minimum":
        return one(f"must be at least {expected}, not {value}")
    if keyword == "maximum":
        return one(f"must be at most {expected:g}, not {value}")
    if keyword == "exclusiveMinimum":
        return one(f"must be more than {expected}, not {value}")
    if keyword == "exclusiveMaximum":
        return one(f"must be less than {expected}, not {value}")
    if keyword in ("minProperties", "maxProperties"):
        bound = "at least" if keyword == "minProperties" else "at most"
        return one(f"needs {bound} {expected} field{'s' if expected != 1 else ''}")
    if keyword == "uniqueItems":
        return one("lists the same item twice")
    if keyword in ("anyOf", "oneOf"):
        return one("matches none of the forms this field may take")
    if keyword == "not":
        return one("has a form that is not allowed here")
    if keyword == "false":
        return one("is not allowed here")
    return one(f"breaks the rule '{keyword}' of the file's schema")
