"""A JSON Schema's simple, structural keywords checked in plain Python, where jsonschema is absent.

The browser-only course (JupyterLite) has no jsonschema: it needs ``rpds-py``, a compiled extension
with no WebAssembly wheel. A file the kit checked ahead of time needs no schema check there at all
(``casebook.rubric_checked``); a file someone has edited still gets this one. It reads the schema
itself, so it never holds a copy of its rules, and it knows only the keywords below, which apply, as
in JSON Schema, each to one kind of value:

- any value: ``type`` (one name or a list);
- objects: ``properties``, ``required``, ``additionalProperties`` (``false``, ``true`` or a schema);
- arrays: ``items`` (one schema for every item), ``minItems``, ``maxItems``;
- strings: ``minLength``, ``maxLength``, ``pattern`` (found anywhere in the text, as ``re.search``);
- numbers: ``minimum``, ``maximum``.

Annotations (``$schema``, ``$id``, ``title``, ``description``) are skipped. Any other keyword raises
:class:`UnsupportedSchema` when the check starts, so a schema that outgrows this module is noticed by
the test suite rather than half-checked in a learner's kernel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ANNOTATIONS = frozenset({"$schema", "$id", "title", "description"})
KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
    }
)
_KINDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}
FieldPath = tuple[str | int, ...]


class UnsupportedSchema(ValueError):
    """The schema uses a keyword this module does not check; the message names it and where."""


@dataclass(frozen=True)
class SchemaProblem:
    """Where a value breaks the schema (``path``, as jsonschema's ``absolute_path``) and why, in words."""

    path: FieldPath
    message: str


def unsupported_keywords(schema: Mapping[str, Any], where: str = "") -> list[str]:
    """Every keyword of ``schema`` and its nested schemas this module cannot check, as ``where: name``."""
    found = [f"{where or '/'}: {key}" for key in schema if key not in KEYWORDS | ANNOTATIONS]
    for name, sub in schema.get("properties", {}).items():
        found += unsupported_keywords(sub, f"{where}/properties/{name}")
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), Mapping):
            found += unsupported_keywords(schema[key], f"{where}/{key}")
    return found


def kind_of(value: Any) -> str:
    """The JSON type of a value read from YAML or JSON, in the words authors read ("a whole number")."""
    for name in ("boolean", "integer", "number", "string", "array", "object", "null"):
        if _is(value, name):
            return _KINDS[name]
    return type(value).__name__


def _is(value: Any, kind: str) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":  # 2.0 is an integer in JSON Schema; True is not
        return not isinstance(value, bool) and (
            isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        )
    if kind == "number":
        return not isinstance(value, bool) and isinstance(value, (int, float))
    if kind == "string":
        return isinstance(value, str)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return kind == "null" and value is None


def check(schema: Mapping[str, Any], value: Any) -> list[SchemaProblem]:
    """Every place ``value`` breaks ``schema``, sorted by path; empty when it fits.

    Raises UnsupportedSchema, before looking at ``value``, if the schema uses a keyword not listed above.
    """
    unknown = unsupported_keywords(schema)
    if unknown:
        raise UnsupportedSchema("the schema uses keywords plain_schema cannot check: " + ", ".join(unknown))
    problems: list[SchemaProblem] = []
    _check(schema, value, (), problems)
    return sorted(problems, key=lambda p: [str(part) for part in p.path])


def _check(schema: Mapping[str, Any], value: Any, path: FieldPath, out: list[SchemaProblem]) -> None:
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, kind) for kind in kinds):
            wanted = " or ".join(str(_KINDS.get(kind, kind)) for kind in kinds)
            out.append(SchemaProblem(path, f"should be {wanted}, not {kind_of(value)}"))
            return
    if isinstance(value, dict):
        _check_object(schema, value, path, out)
    elif isinstance(value, list):
        _check_array(schema, value, path, out)
    elif isinstance(value, str):
        _check_text(schema, value, path, out)
    elif _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            out.append(SchemaProblem(path, f"should be at least {schema['minimum']}, not {value}"))
        if "maximum" in schema and value > schema["maximum"]:
            out.append(SchemaProblem(path, f"should be at most {schema['maximum']}, not {value}"))


def _check_object(schema: Mapping[str, Any], value: dict, path: FieldPath, out: list[SchemaProblem]) -> None:
    properties = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            out.append(SchemaProblem(path, f"missing required field '{name}'"))
    extra = schema.get("additionalProperties", True)
    for name, item in value.items():
        if name in properties:
            _check(properties[name], item, (*path, name), out)
        elif extra is False:
            allowed = ", ".join(properties) or "none"
            out.append(SchemaProblem(path, f"unknown field '{name}' (the fields here are: {allowed})"))
        elif isinstance(extra, Mapping):
            _check(extra, item, (*path, name), out)


def _check_array(schema: Mapping[str, Any], value: list, path: FieldPath, out: list[SchemaProblem]) -> None:
    if "minItems" in schema and len(value) < schema["minItems"]:
        out.append(
            SchemaProblem(path, f"should have at least {schema['minItems']} item(s), not {len(value)}")
        )
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        out.append(SchemaProblem(path, f"should have at most {schema['maxItems']} item(s), not {len(value)}"))
    if isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            _check(schema["items"], item, (*path, index), out)


def _check_text(schema: Mapping[str, Any], value: str, path: FieldPath, out: list[SchemaProblem]) -> None:
    if "minLength" in schema and len(value) < schema["minLength"]:
        wanted = (
            "should not be empty"
            if schema["minLength"] == 1
            else f"should be at least {schema['minLength']} characters long"
        )
        out.append(SchemaProblem(path, wanted))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        out.append(SchemaProblem(path, f"should be at most {schema['maxLength']} characters long"))
    if "pattern" in schema and re.search(schema["pattern"], value) is None:
        out.append(SchemaProblem(path, f"should match the pattern {schema['pattern']}"))
