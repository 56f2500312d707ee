"""The structure of ``datapackage.json`` itself, checked with plain code before anything relies on it.

frictionless, the loaders and the ``casebook:rules`` checks all assume a descriptor of the right
shape: a list of resources that are objects, a schema that is an object whose ``fields`` are a list
of objects, and so on. A hand-edited descriptor need not be, and each wrong type used to end in an
``AttributeError`` or a ``TypeError``. ``descriptor_shape`` and ``resource_shape`` say, field by
field, what is wrong, so that nothing further runs on a descriptor it cannot understand. Standard
library only: ``casebook.data.load`` uses it in a lesson kernel.

Each finding is a ``ShapeProblem``: the JSON path of the field (``resources/3/schema/fields``) and a
sentence in plain words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from casebook.text import kind

#: More resources, or more fields in one table, than any real data package of the kit needs.
MAX_RESOURCES = 200
MAX_FIELDS = 200

#: Resource keys frictionless reads, with the JSON type each must have.
TEXT_KEYS = ("title", "description", "format", "mediatype", "encoding", "type", "hash")
LIST_OF_OBJECT_KEYS = ("licenses", "sources", "contributors")

#: Endings of compressed files, which frictionless would unpack (a small file can unpack to gigabytes).
COMPRESSED = (".zip", ".gz", ".bz2", ".xz", ".zst", ".lzma")


@dataclass(frozen=True)
class ShapeProblem:
    """One field of the descriptor that has the wrong structure."""

    field: str
    message: str


def json_type(value: Any) -> str:
    """The JSON name of a value's type, as a reader of the file would say it ("an object", "null")."""
    return kind(value, "json")


def descriptor_shape(descriptor: Any) -> list[ShapeProblem]:
    """What is wrong with the top level of a descriptor (not its resources); empty if nothing."""
    if not isinstance(descriptor, dict):
        return [ShapeProblem("", f"the descriptor must be a JSON object, not {json_type(descriptor)}")]
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        found = "missing" if resources is None else json_type(resources)
        return [ShapeProblem("resources", f"must be a list of resources, not {found}")]
    problems = [p for key in LIST_OF_OBJECT_KEYS for p in _list_of_objects(descriptor, key, "")]
    problems += _profiles(descriptor, "")
    if len(resources) > MAX_RESOURCES:
        problems.append(
            ShapeProblem("resources", f"{len(resources)} resources; the kit reads at most {MAX_RESOURCES}")
        )
    names = [r["name"] for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)]
    for name in _repeated(names):
        problems.append(ShapeProblem("resources", f"two resources are called '{name}'; names must be unique"))
    return problems


def resource_shape(resource: Any, index: int) -> list[ShapeProblem]:
    """What is wrong with the structure of the resource at ``index`` of ``resources``."""
    where = f"resources/{index}"
    if not isinstance(resource, dict):
        return [ShapeProblem(where, f"each resource must be a JSON object, not {json_type(resource)}")]
    problems = list(_resource_keys(resource, where))
    schema = resource.get("schema")
    if "schema" in resource and not isinstance(schema, dict):
        problems.append(
            ShapeProblem(
                f"{where}/schema",
                f"must be the Table Schema itself (an object with 'fields'), not {json_type(schema)}",
            )
        )
    elif isinstance(schema, dict):
        problems += _schema_shape(schema, f"{where}/schema")
    if "casebook:rules" in resource:
        problems += _rules_shape(resource, f"{where}/casebook:rules")
    return problems


def _resource_keys(resource: dict[str, Any], where: str) -> Iterator[ShapeProblem]:
    name = resource.get("name")
    if not isinstance(name, str) or not name:
        yield ShapeProblem(f"{where}/name", f"each resource needs a name (text), not {_found(name)}")
    yield from _inside_path(resource, "path", where, required=True)
    yield from _inside_path(resource, "casebook:jsonSchema", where, required=False)
    for key in TEXT_KEYS:
        if key in resource and not isinstance(resource[key], str):
            yield ShapeProblem(f"{where}/{key}", f"must be text, not {json_type(resource[key])}")
    for key in LIST_OF_OBJECT_KEYS:
        yield from _list_of_objects(resource, key, where)
    yield from _profiles(resource, where)
    size = resource.get("bytes")
    if "bytes" in resource and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        yield ShapeProblem(f"{where}/bytes", f"must be a whole number of bytes, not {json_type(size)}")
    if "casebook:frozen" in resource and not isinstance(resource["casebook:frozen"], bool):
        yield ShapeProblem(f"{where}/casebook:frozen", "must be true or false")
    for key in ("compression", "innerpath", "extrapaths"):
        if key in resource:
            yield ShapeProblem(f"{where}/{key}", "the kit reads one plain file per resource: remove it")
    if "dialect" in resource and not isinstance(resource["dialect"], dict):
        yield ShapeProblem(f"{where}/dialect", f"must be an object, not {json_type(resource['dialect'])}")


def _profiles(container: dict[str, Any], where: str) -> Iterator[ShapeProblem]:
    """A profile may only be named: frictionless would fetch one given as an address, over the network."""
    prefix = f"{where}/" if where else ""
    profile = container.get("profile")
    if "profile" in container and (not isinstance(profile, str) or not profile.replace("-", "").isalnum()):
        yield ShapeProblem(
            f"{prefix}profile",
            "must be the name of a standard profile, such as 'tabular-data-resource' "
            "(the kit fetches no profile from an address)",
        )
    if "$schema" in container:
        yield ShapeProblem(
            f"{prefix}$schema",
            "the kit reads Data Package 1 descriptors and fetches no profile from an address: remove it",
        )


def _found(value: Any) -> str:
    return "nothing" if value is None else json_type(value)


def _inside_path(resource: dict[str, Any], key: str, where: str, *, required: bool) -> Iterator[ShapeProblem]:
    """A file path must be relative and stay inside the data folder (no URL, no '..')."""
    if key not in resource and not required:
        return
    value = resource.get(key)
    if not isinstance(value, str) or not value.strip():
        yield ShapeProblem(
            f"{where}/{key}", f"must be the path of a file in the data folder, not {_found(value)}"
        )
        return
    if not value.isprintable():
        yield ShapeProblem(f"{where}/{key}", "contains a control character (a line break, a NUL, ...)")
        return
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if "://" in value or value.startswith(("/", "\\")) or (parts and ":" in parts[0]) or ".." in parts:
        yield ShapeProblem(
            f"{where}/{key}",
            f"'{value}' must be a relative path inside the data folder (no URL, no '..', no drive)",
        )
    elif value.lower().endswith(COMPRESSED):
        yield ShapeProblem(
            f"{where}/{key}", f"'{value}' is a compressed file: the kit reads plain files only"
        )


def _list_of_objects(container: dict[str, Any], key: str, where: str) -> Iterator[ShapeProblem]:
    if key not in container:
        return
    value = container[key]
    field = f"{where}/{key}" if where else key
    if not isinstance(value, list):
        yield ShapeProblem(field, f"must be a list of objects, not {json_type(value)}")
        return
    for number, item in enumerate(value):
        if not isinstance(item, dict):
            yield ShapeProblem(f"{field}/{number}", f"must be an object, not {json_type(item)}")


def _schema_shape(schema: dict[str, Any], where: str) -> list[ShapeProblem]:
    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        found = "an empty list" if fields == [] else _found(fields)
        return [ShapeProblem(f"{where}/fields", f"must be a list of field objects, not {found}")]
    problems = list(_profiles(schema, where))
    if len(fields) > MAX_FIELDS:
        problems.append(
            ShapeProblem(f"{where}/fields", f"{len(fields)} fields; the kit reads at most {MAX_FIELDS}")
        )
    names: list[str] = []
    for number, field in enumerate(fields):
        problems += _field_shape(field, f"{where}/fields/{number}")
        if isinstance(field, dict) and isinstance(field.get("name"), str):
            names.append(field["name"])
    for name in _repeated(names):
        problems.append(
            ShapeProblem(f"{where}/fields", f"two fields are called '{name}'; names must be unique")
        )
    missing = schema.get("missingValues")
    if "missingValues" in schema and not _is_list_of_text(missing):
        problems.append(
            ShapeProblem(
                f"{where}/missingValues", f'must be a list of texts such as [""], not {json_type(missing)}'
            )
        )
    key = schema.get("primaryKey")
    if "primaryKey" in schema:
        columns = [key] if isinstance(key, str) else key
        if not _is_list_of_text(columns) or not columns:
            problems.append(
                ShapeProblem(
                    f"{where}/primaryKey", f"must name a field or a list of fields, not {json_type(key)}"
                )
            )
        elif unknown := [c for c in columns if c not in names]:
            problems.append(ShapeProblem(f"{where}/primaryKey", f"names unknown fields {unknown}"))
    return problems


def _field_shape(field: Any, where: str) -> list[ShapeProblem]:
    if not isinstance(field, dict):
        return [ShapeProblem(where, f"each field must be an object with a 'name', not {json_type(field)}")]
    problems = []
    if not isinstance(field.get("name"), str) or not field["name"]:
        problems.append(
            ShapeProblem(f"{where}/name", f"each field needs a name (text), not {_found(field.get('name'))}")
        )
    for key in ("type", "format", "title", "description", "casebook:references"):
        if key in field and not isinstance(field[key], str):
            problems.append(ShapeProblem(f"{where}/{key}", f"must be text, not {json_type(field[key])}"))
    delimiter = field.get("casebook:delimiter")
    if "casebook:delimiter" in field and (not isinstance(delimiter, str) or not delimiter):
        problems.append(ShapeProblem(f"{where}/casebook:delimiter", "must be a non-empty text such as ';'"))
    constraints = field.get("constraints")
    if "constraints" in field and not isinstance(constraints, dict):
        problems.append(
            ShapeProblem(f"{where}/constraints", f"must be an object, not {json_type(constraints)}")
        )
    elif isinstance(constraints, dict):
        problems += _constraints_shape(constraints, f"{where}/constraints")
    return problems


def _constraints_shape(constraints: dict[str, Any], where: str) -> list[ShapeProblem]:
    problems = []
    for key in ("required", "unique"):
        if key in constraints and not isinstance(constraints[key], bool):
            problems.append(ShapeProblem(f"{where}/{key}", "must be true or false"))
    enum = constraints.get("enum")
    if "enum" in constraints and (not isinstance(enum, list) or not all(_is_scalar(v) for v in enum)):
        problems.append(ShapeProblem(f"{where}/enum", "must be a list of allowed values (texts or numbers)"))
    if "pattern" in constraints and not isinstance(constraints["pattern"], str):
        problems.append(
            ShapeProblem(f"{where}/pattern", f"must be text, not {json_type(constraints['pattern'])}")
        )
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        value = constraints.get(key)
        if key in constraints and (isinstance(value, bool) or not isinstance(value, (int, float, str))):
            problems.append(ShapeProblem(f"{where}/{key}", f"must be a number, not {json_type(value)}"))
    return problems


def _rules_shape(resource: dict[str, Any], where: str) -> list[ShapeProblem]:
    rules = resource["casebook:rules"]
    if not isinstance(rules, list):
        return [ShapeProblem(where, f"must be a list of rules, not {json_type(rules)}")]
    schema = resource.get("schema")
    if not isinstance(schema, dict):
        return [ShapeProblem(where, "rules apply to a table: this resource has no schema")]
    known = {f.get("name") for f in schema.get("fields") or [] if isinstance(f, dict)}
    problems = []
    for number, rule in enumerate(rules):
        problems += _rule_shape(rule, f"{where}/{number}", known)
    return problems


RULE_FORM = '{"if": {"field": ..., "equals" or "present": ...}, "require"/"forbid": [...], "expect": {...}}'


def _rule_shape(rule: Any, where: str, known: set[Any]) -> list[ShapeProblem]:
    condition = rule.get("if") if isinstance(rule, dict) else None
    if (
        not isinstance(condition, dict)
        or not isinstance(condition.get("field"), str)
        or not ({"equals", "present"} & set(condition))
    ):
        return [ShapeProblem(where, f"each rule must have the form {RULE_FORM}")]
    problems = []
    equals = condition.get("equals")
    if "equals" in condition and not (isinstance(equals, str) or _is_list_of_text(equals)):
        problems.append(ShapeProblem(f"{where}/if/equals", "must be a text or a list of texts"))
    if "present" in condition and not isinstance(condition["present"], bool):
        problems.append(ShapeProblem(f"{where}/if/present", "must be true or false"))
    for key in ("require", "forbid"):
        if key in rule and not _is_list_of_text(rule[key]):
            problems.append(
                ShapeProblem(f"{where}/{key}", f"must be a list of field names, not {json_type(rule[key])}")
            )
    expect = rule.get("expect")
    if "expect" in rule and not (
        isinstance(expect, dict) and all(isinstance(v, str) for v in expect.values())
    ):
        problems.append(ShapeProblem(f"{where}/expect", "must be an object of field name: expected text"))
    if "why" in rule and not isinstance(rule["why"], str):
        problems.append(ShapeProblem(f"{where}/why", f"must be text, not {json_type(rule['why'])}"))
    if problems:
        return problems
    named = [condition["field"], *rule.get("require", []), *rule.get("forbid", []), *rule.get("expect", {})]
    unknown = [n for n in named if n not in known]
    if unknown:
        problems.append(ShapeProblem(where, f"names fields the table does not have: {', '.join(unknown)}"))
    return problems


def _repeated(names: list[str]) -> list[str]:
    """The names that occur more than once, sorted (in linear time: a list may be long)."""
    return sorted(name for name, count in Counter(names).items() if count > 1)


def _is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)
