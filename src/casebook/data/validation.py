"""``casebook validate`` for the data package: every problem, with the file, the row and the field.

Four layers of checks, each reported as ``casebook.problems.Problem``:

1. frictionless (imported here only, never in a lesson kernel): the descriptor, each file's presence,
   its hash and size, and each table against its Table Schema (types, required, unique, enum, pattern);
2. ``casebook:jsonSchema``: JSON resources (the briefing metadata) against their JSON Schema;
3. ``casebook:rules`` on each table, e.g. "a U row must carry a note giving both values", and the date
   precision rules ("unknown" precision means an empty date);
4. references: every source id (fields marked ``casebook:references``, and every ``sources`` list in
   the JSON metadata and the descriptor's ``casebook:`` notes) must exist in ``sources.csv``; and every
   file in the data folder must be described in ``datapackage.json``.

Row numbers count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casebook.data.package import DESCRIPTOR, DataError, is_table, read_descriptor, resource_path
from casebook.problems import Problem

#: Folders and files in the data folder that datapackage.json does not describe, on purpose: quizzes and
#: rubrics are YAML with their own JSON Schemas, checked by ``casebook validate`` through their own loaders.
NOT_DESCRIBED = ("quizzes/", "rubrics/")

Row = dict[str, str]


def validate_package(folder: Path) -> list[Problem]:
    """Every problem in the data package in ``folder`` (empty list: all valid)."""
    folder = Path(folder)
    try:
        descriptor = read_descriptor(folder)
    except DataError as error:
        return [_descriptor_problem(folder, str(error))]
    resources = [r for r in descriptor["resources"] if isinstance(r, dict)]
    problems = _check_descriptor(descriptor, folder)
    tables: dict[str, tuple[dict[str, Any], list[Row]]] = {}
    for resource in resources:
        problems += _check_with_frictionless(resource, folder)
        if not resource.get("hash"):
            problems.append(
                Problem(
                    _shown(resource_path(resource, folder)),
                    "no hash recorded in datapackage.json: run 'casebook data-hash'",
                    field="hash",
                )
            )
        if "casebook:jsonSchema" in resource:
            problems += _check_json_schema(resource, folder)
        if is_table(resource):
            rows = _raw_rows(resource_path(resource, folder))
            if rows is not None:
                tables[str(resource.get("name"))] = (resource, rows)
    for resource, rows in tables.values():
        problems += _check_rules(resource, rows, folder)
    problems += _check_references(descriptor, tables, folder)
    problems += _check_everything_described(resources, folder)
    return problems


def _shown(path: Path) -> str:
    """A path as the user best recognises it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _descriptor_problem(folder: Path, message: str, field: str | None = None) -> Problem:
    text = message.split(": ", 1)[1] if message.startswith(str(folder)) else message
    return Problem(_shown(folder / DESCRIPTOR), text, field=field)


# -- 1. frictionless ---------------------------------------------------------------------------------


def _check_descriptor(descriptor: dict[str, Any], folder: Path) -> list[Problem]:
    from frictionless import FrictionlessException, Package

    try:
        return [_descriptor_problem(folder, error.message) for error in Package.metadata_validate(descriptor)]
    except FrictionlessException as error:
        return [_descriptor_problem(folder, error.error.message)]


def _check_with_frictionless(resource: dict[str, Any], folder: Path) -> list[Problem]:
    from frictionless import FrictionlessException, Resource

    name = resource.get("name")
    path = resource_path(resource, folder)
    try:
        report = Resource(resource, basepath=str(folder)).validate()
    except FrictionlessException as error:
        reasons = "; ".join(r.message for r in error.reasons) or error.error.message
        return [_descriptor_problem(folder, f"resource '{name}' is not valid: {reasons}")]
    fields = {f.get("name"): f for f in resource.get("schema", {}).get("fields", [])}
    errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
    if any(e.type == "hash-count" for e in errors):
        errors = [e for e in errors if e.type != "byte-count"]  # one message for one changed file
    return [_explain(error, path, resource, fields) for error in errors]


def _explain(error: Any, path: Path, resource: dict[str, Any], fields: dict[str, Any]) -> Problem:
    """A frictionless error in plain words, with the file, the row and the field."""
    kind = error.type
    field_name = getattr(error, "field_name", None) or None
    row = getattr(error, "row_number", None)
    cell = getattr(error, "cell", None)
    field = fields.get(field_name, {})
    shown = _shown(path)
    if kind == "type-error":
        hint = {
            "date": "write dates as YYYY-MM-DD, e.g. 2023-05-11",
            "integer": "a whole number, digits only; leave the cell empty if it is not known, never 0",
        }.get(field.get("type", ""), f"expected type {field.get('type')}")
        return Problem(
            shown, f"'{cell}' is not a valid {field.get('type')} ({hint})", field=field_name, row=row
        )
    if kind == "constraint-error":
        return Problem(shown, _constraint_message(error.note, cell, field), field=field_name, row=row)
    if kind in ("unique-error", "primary-key"):
        other = re.search(r"position (\d+)", error.note or "")
        where = f" (already in row {other.group(1)})" if other else ""
        return Problem(
            shown, f"'{cell}' appears more than once{where}; ids must be unique", field=field_name, row=row
        )
    if kind == "hash-count":
        if resource.get("casebook:frozen"):
            message = (
                f"the file differs from the published text recorded in datapackage.json; it must stay "
                f"byte for byte as published: restore it with 'git checkout -- {shown}'"
            )
        else:
            message = (
                "the file has changed since its hash was recorded in datapackage.json; if the change "
                "is intended, run 'casebook data-hash' and commit both files"
            )
        return Problem(shown, message, field="hash")
    if kind == "byte-count":
        return Problem(
            shown,
            "the file's size differs from the one recorded in datapackage.json; "
            "run 'casebook data-hash' if the change is intended",
            field="bytes",
        )
    if kind == "scheme-error":
        return Problem(shown, "no such file (it is listed in datapackage.json)", field="path")
    if kind in ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label"):
        return Problem(
            shown,
            f"header does not match the schema: {_first_sentence(error.message)}",
            field=field_name,
            row=1,
        )
    if kind in ("extra-cell", "missing-cell"):
        return Problem(
            shown, f"{_first_sentence(error.message)} (check the commas and quotes on this row)", row=row
        )
    return Problem(shown, _first_sentence(error.message), field=field_name, row=row)


def _constraint_message(note: str | None, cell: Any, field: dict[str, Any]) -> str:
    constraint = re.search(r'constraint "(\w+)"', note or "")
    name = constraint.group(1) if constraint else ""
    rules = field.get("constraints", {})
    if name == "required":
        return "empty, but this field is required"
    if name == "enum":
        return f"'{cell}' is not one of: {', '.join(map(str, rules.get('enum', [])))}"
    if name == "pattern":
        return f"'{cell}' does not have the expected form (pattern {rules.get('pattern')})"
    if name in ("minimum", "maximum"):
        return f"{cell} is outside the allowed range ({name} {rules.get(name)})"
    return f"'{cell}' breaks the constraint {note}"


def _first_sentence(message: str) -> str:
    return message.rstrip(".")


# -- 2. JSON resources -------------------------------------------------------------------------------


def _check_json_schema(resource: dict[str, Any], folder: Path) -> list[Problem]:
    import jsonschema

    path = resource_path(resource, folder)
    schema_path = folder / str(resource["casebook:jsonSchema"])
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        return [Problem(_shown(schema_path), f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except (OSError, json.JSONDecodeError) as error:
        return [Problem(_shown(schema_path), f"cannot read the JSON Schema ({error})")]
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        return []  # frictionless has reported the missing file
    except UnicodeDecodeError as error:
        return [Problem(_shown(path), f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except json.JSONDecodeError as error:
        return [Problem(_shown(path), f"not valid JSON ({error.msg})", line=error.lineno)]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [
        Problem(_shown(path), error.message, field="/".join(map(str, error.absolute_path)) or None)
        for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    ]


# -- 3. rules ----------------------------------------------------------------------------------------


def _raw_rows(path: Path) -> list[Row] | None:
    """The table's rows as text, or None if the file cannot be read (frictionless reports why)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error):
        return None


def _missing(resource: dict[str, Any]) -> set[str]:
    return set(resource["schema"].get("missingValues", [""]))


def _check_rules(resource: dict[str, Any], rows: list[Row], folder: Path) -> list[Problem]:
    rules = resource.get("casebook:rules", [])
    known = {f.get("name") for f in resource["schema"].get("fields", [])}
    problems = []
    for rule in rules:
        condition = rule.get("if") if isinstance(rule, dict) else None
        if not isinstance(condition, dict) or not ({"equals", "present"} & set(condition)):
            problems.append(
                _descriptor_problem(
                    folder,
                    f"resource '{resource.get('name')}': each casebook:rules entry needs "
                    f'"if": {{"field": ..., "equals" or "present": ...}}, not {rule}',
                )
            )
            continue
        named = [
            condition.get("field"),
            *rule.get("require", []),
            *rule.get("forbid", []),
            *rule.get("expect", {}),
        ]
        unknown = [n for n in named if n not in known]
        if unknown:
            problems.append(
                _descriptor_problem(
                    folder,
                    f"resource '{resource.get('name')}': casebook:rules names unknown fields {unknown}",
                )
            )
    if problems:
        return problems
    path = _shown(resource_path(resource, folder))
    missing = _missing(resource)
    for number, row in enumerate(rows, start=2):
        for rule in rules:
            problems += _apply_rule(rule, row, number, path, missing)
    return problems


def _apply_rule(rule: dict[str, Any], row: Row, number: int, path: str, missing: set[str]) -> list[Problem]:
    condition = rule["if"]
    value = row.get(condition["field"]) or ""
    present = value not in missing
    if "equals" in condition:
        wanted = condition["equals"] if isinstance(condition["equals"], list) else [condition["equals"]]
        applies, because = present and value in wanted, f"{condition['field']} is '{value}'"
    else:
        applies = present == bool(condition.get("present"))
        because = f"{condition['field']} is {'filled in' if present else 'empty'}"
    if not applies:
        return []
    why = rule.get("why", "a rule in datapackage.json")
    problems = []
    for name in rule.get("require", []):
        if (row.get(name) or "") in missing:
            problems.append(Problem(path, f"empty, but {because}: {why}", field=name, row=number))
    for name in rule.get("forbid", []):
        if (row.get(name) or "") not in missing:
            problems.append(Problem(path, f"must be empty when {because}: {why}", field=name, row=number))
    for name, expected in rule.get("expect", {}).items():
        if row.get(name) != expected:
            problems.append(
                Problem(
                    path,
                    f"'{row.get(name)}' should be '{expected}' when {because}: {why}",
                    field=name,
                    row=number,
                )
            )
    return problems


# -- 4. references and coverage ----------------------------------------------------------------------


def _ids(resource: dict[str, Any], rows: list[Row]) -> set[str]:
    key = resource["schema"].get("primaryKey", ["id"])[0]
    return {row.get(key) or "" for row in rows}


def _check_references(
    descriptor: dict[str, Any], tables: dict[str, tuple[dict[str, Any], list[Row]]], folder: Path
) -> list[Problem]:
    problems = []
    for resource, rows in tables.values():
        path = _shown(resource_path(resource, folder))
        missing = _missing(resource)
        for field in resource["schema"].get("fields", []):
            target = field.get("casebook:references")
            if not target:
                continue
            if target not in tables:
                problems.append(
                    _descriptor_problem(
                        folder,
                        f"field '{field['name']}' refers to the table '{target}', which cannot be read",
                    )
                )
                continue
            known = _ids(*tables[target])
            delimiter = field.get("casebook:delimiter")
            for number, row in enumerate(rows, start=2):
                cell = row.get(field["name"]) or ""
                if cell in missing:
                    continue
                for item in cell.split(delimiter) if delimiter else [cell]:
                    if item.strip() not in known:
                        problems.append(
                            Problem(
                                path,
                                f"unknown source id '{item.strip()}': add it to {target} or correct it",
                                field=field["name"],
                                row=number,
                            )
                        )
    if "sources" in tables:
        known = _ids(*tables["sources"])
        problems += _check_sources_in_json(descriptor, folder, known)
    return problems


def _check_sources_in_json(descriptor: dict[str, Any], folder: Path, known: set[str]) -> list[Problem]:
    """Source ids in the descriptor's ``casebook:`` notes and in JSON resources must exist too."""
    problems = []
    for resource in descriptor["resources"]:
        notes = {k: v for k, v in resource.items() if k.startswith("casebook:")}
        for where, source_id in _source_ids(notes):
            if source_id not in known:
                problems.append(
                    _descriptor_problem(
                        folder,
                        f"resource '{resource.get('name')}': unknown source id '{source_id}'",
                        field=where,
                    )
                )
        if resource.get("format") == "json" and "casebook:jsonSchema" in resource:
            path = resource_path(resource, folder)
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # reported elsewhere (missing, not UTF-8, not JSON)
            for where, source_id in _source_ids(document):
                if source_id not in known:
                    problems.append(Problem(_shown(path), f"unknown source id '{source_id}'", field=where))
    return problems


def _source_ids(value: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(path, id) for every string in a list under a key called ``sources``, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{where}/{key}" if where else str(key)
            if key == "sources" and isinstance(item, list):
                yield from ((inner, s) for s in item if isinstance(s, str))
            else:
                yield from _source_ids(item, inner)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _source_ids(item, f"{where}/{index}")


def _check_everything_described(resources: list[dict[str, Any]], folder: Path) -> list[Problem]:
    described = {os.path.normpath(str(r.get("path", ""))) for r in resources}
    described |= {
        os.path.normpath(str(r["casebook:jsonSchema"])) for r in resources if "casebook:jsonSchema" in r
    }
    problems = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if (
            not path.is_file()
            or relative == DESCRIPTOR
            or path.suffix == ".md"
            or any(part.startswith(".") or part == "__pycache__" for part in path.relative_to(folder).parts)
            or relative.startswith(NOT_DESCRIBED)
        ):
            continue
        if os.path.normpath(relative) not in described:
            problems.append(
                Problem(
                    _shown(path),
                    "not described in datapackage.json: add a resource for it "
                    "(schema, sources, licence, hash) or remove the file",
                )
            )
    return problems
