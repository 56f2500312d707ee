"""``casebook validate`` for the data package: every problem, with the file, the row and the field.

First the descriptor's own structure (``casebook.data.shape``): a resource of the wrong shape is
reported by field and left out of everything below. Every file is read once, through
``casebook.files.read_bytes_bounded``. Then four layers of checks, each reported as
``casebook.problems.Problem``:

1. frictionless (imported here only, never in a lesson kernel): the descriptor, each file's presence,
   its hash and size, and each table against its Table Schema (types, required, unique, enum, pattern);
2. ``casebook:jsonSchema``: JSON resources (the briefing metadata) against their JSON Schema;
3. ``casebook:rules`` on each table, e.g. "a U row must carry a note giving both values", and the date
   precision rules ("unknown" precision means an empty date); and each row of the primary-text index
   against its text file (``casebook.data.excerpts``: file name, SHA-256, first words);
4. references: every source id (fields marked ``casebook:references``, and every ``sources`` list in
   the JSON metadata and the descriptor's ``casebook:`` notes) must exist in ``sources.csv``; and every
   file in the data folder must be described in ``datapackage.json``.

Row numbers count the header as row 1, as a spreadsheet shows them. ``validate_package`` never raises
on a broken package, and every problem prints as one line.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from casebook.data import excerpts
from casebook.data.package import (
    DESCRIPTOR,
    TABLE_LIMIT,
    DataError,
    is_table,
    read_descriptor,
    read_json,
    resource_path,
    shape_problem,
)
from casebook.data.shape import resource_shape
from casebook.files import UnreadableFile, read_bytes_bounded
from casebook.problems import Problem
from casebook.untrusted_text import one_line

#: Folders and files in the data folder that datapackage.json does not describe, on purpose: quizzes and
#: rubrics are YAML with their own JSON Schemas, checked by ``casebook validate`` through their own loaders.
NOT_DESCRIBED = ("quizzes/", "rubrics/")

Row = dict[str, str]


def validate_package(folder: Path) -> list[Problem]:
    """Every problem in the data package in ``folder`` (empty list: all valid).

    Never raises on a broken package: the descriptor's structure is checked first (a resource of the
    wrong shape is reported and left out of every later check), every file is read through
    ``casebook.files.read_bytes_bounded`` (no FIFO, device or oversized file is read), and frictionless
    only ever sees copies of those bytes in a private folder.
    """
    folder = Path(folder)
    try:
        descriptor = read_descriptor(folder)
    except DataError as error:
        return [one_line(_as_problem(error, folder / DESCRIPTOR))]
    problems: list[Problem] = []
    resources = []
    for index, resource in enumerate(descriptor["resources"]):
        found = resource_shape(resource, index)
        problems += [_reshown(shape_problem(folder, p), folder / DESCRIPTOR) for p in found]
        if not found:
            resources.append(resource)
    problems += _check_descriptor({**descriptor, "resources": resources}, folder)
    file_problems, tables = _check_files(resources, folder)
    problems += file_problems
    for resource, rows in tables.values():
        problems += _check_rules(resource, rows, folder)
    problems += _check_excerpts(tables, folder)
    problems += _check_references(resources, tables, folder)
    described = [r for r in descriptor["resources"] if isinstance(r, dict)]  # broken ones describe files too
    problems += _check_everything_described(described, folder)
    return [one_line(problem) for problem in problems]


Tables = dict[str, tuple[dict[str, Any], list[Row]]]


def _check_files(resources: list[dict[str, Any]], folder: Path) -> tuple[list[Problem], Tables]:
    """Read each resource's file once (bounded) and check it: frictionless, hash, JSON Schema.

    Returns the problems and each readable table's rows as text, by resource name.
    """
    problems: list[Problem] = []
    tables: Tables = {}
    unreadable: set[Path] = set()
    with tempfile.TemporaryDirectory(prefix="casebook-validate-") as stage:
        for resource in resources:
            path = resource_path(resource, folder)
            try:
                content = read_bytes_bounded(path, TABLE_LIMIT)
            except UnreadableFile as error:
                message = error.problem.message
                if message == "no such file":
                    message += " (it is listed in datapackage.json)"
                problems.append(Problem(_shown(path), message, field="path"))
                unreadable.add(path)
                continue
            problems += _check_with_frictionless(resource, content, Path(stage), folder)
            if not resource.get("hash"):
                message = "no hash recorded in datapackage.json: run 'casebook data-hash'"
                problems.append(Problem(_shown(path), message, field="hash"))
            if is_table(resource):
                rows = _raw_rows(content)
                if rows is not None:
                    tables[str(resource.get("name"))] = (resource, rows)
    for resource in resources:
        schema_path = folder / str(resource.get("casebook:jsonSchema"))
        if (
            "casebook:jsonSchema" in resource
            and not {resource_path(resource, folder), schema_path} & unreadable
        ):
            problems += _check_json_schema(resource, folder)
    return problems, tables


def _shown(path: Path) -> str:
    """A path as the user best recognises it: relative to the working directory when inside it."""
    try:  # abspath, not resolve: a link is named as the user wrote it, not by what it points at
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except (ValueError, OSError):
        return str(path)


def _reshown(problem: Problem, path: Path) -> Problem:
    """``problem`` with its file named as ``_shown`` names ``path``."""
    return dataclasses.replace(problem, file=_shown(path))


def _as_problem(error: DataError, path: Path) -> Problem:
    if error.problem is not None:
        return _reshown(error.problem, path)
    message = str(error)
    text = message.split(": ", 1)[1] if message.startswith(str(path)) else message
    return Problem(_shown(path), text.rstrip("."))


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
    except Exception as error:  # a third-party library on a hand-edited file: report it, never crash
        return [_descriptor_problem(folder, f"frictionless cannot check the descriptor ({error})")]


def _check_with_frictionless(
    resource: dict[str, Any], content: bytes, stage: Path, folder: Path
) -> list[Problem]:
    """frictionless's report on one resource, run on a private copy of the bytes already read."""
    from frictionless import FrictionlessException, Resource

    name = resource.get("name")
    path = resource_path(resource, folder)
    staged = resource_path(resource, stage)
    staged.parent.mkdir(parents=True, exist_ok=True)
    staged.write_bytes(content)
    try:
        report = Resource(resource, basepath=str(stage)).validate()
    except FrictionlessException as error:
        reasons = "; ".join(r.message for r in error.reasons) or error.error.message
        return [
            _descriptor_problem(
                folder, f"resource '{name}' is not valid: {reasons}".replace(str(stage), str(folder))
            )
        ]
    except Exception as error:  # a third-party library on a hand-edited file: report it, never crash
        return [_descriptor_problem(folder, f"resource '{name}' cannot be checked by frictionless ({error})")]
    fields = {f.get("name"): f for f in resource.get("schema", {}).get("fields", [])}
    errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
    if any(e.type == "hash-count" for e in errors):
        errors = [e for e in errors if e.type != "byte-count"]  # one message for one changed file
    key = _key_fields(resource)
    explained = [_explain(error, path, resource, fields, key) for error in errors]
    return list(dict.fromkeys(explained))  # a duplicate id breaks both "unique" and "primaryKey": say it once


def _key_fields(resource: dict[str, Any]) -> list[int]:
    """The positions of the primary key's fields in a table's rows (empty if it has none)."""
    schema = resource.get("schema") or {}
    key = schema.get("primaryKey") or []
    names = [f.get("name") for f in schema.get("fields", [])]
    return [names.index(k) for k in ([key] if isinstance(key, str) else key) if k in names]


def _explain(
    error: Any, path: Path, resource: dict[str, Any], fields: dict[str, Any], key: list[int]
) -> Problem:
    """A frictionless error in plain words, with the file, the row and the field."""
    kind = error.type
    field_name = getattr(error, "field_name", None) or None
    row = getattr(error, "row_number", None)
    cell = getattr(error, "cell", None)
    if kind == "primary-key":  # a row error: the id is in the row's cells, at the key's positions
        cells = getattr(error, "cells", None) or []
        cell = "; ".join(cells[i] for i in key if i < len(cells)) or None
        names = list(fields)
        field_name = "; ".join(str(names[i]) for i in key if i < len(names)) or None
    field = fields.get(field_name or "", {})
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
    if kind == "primary-key" and cell is None:
        return Problem(shown, "empty, but this field is the table's id", field=field_name, row=row)
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
    import referencing.exceptions

    path = resource_path(resource, folder)
    schema_path = folder / str(resource["casebook:jsonSchema"])
    try:
        schema = read_json(schema_path)
    except DataError as error:
        return [_as_problem(error, schema_path)]
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.SchemaError as error:
        where = "/".join(map(str, error.absolute_path)) or None
        return [Problem(_shown(schema_path), f"not a valid JSON Schema: {error.message}", field=where)]
    try:
        document = read_json(path)
    except DataError as error:
        return [_as_problem(error, path)]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    try:
        errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    except referencing.exceptions.Unresolvable as error:
        return [Problem(_shown(schema_path), f"a $ref cannot be resolved ({error})", field="$ref")]
    except RecursionError:
        return [Problem(_shown(schema_path), "its $ref points back at itself without end", field="$ref")]
    return [
        Problem(_shown(path), error.message, field="/".join(map(str, error.absolute_path)) or None)
        for error in errors
    ]


# -- 3. rules ----------------------------------------------------------------------------------------


def _raw_rows(content: bytes) -> list[Row] | None:
    """The table's rows as text, or None if they cannot be read (frictionless reports why)."""
    try:
        return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    except (UnicodeDecodeError, csv.Error):
        return None


def _check_excerpts(tables: Tables, folder: Path) -> list[Problem]:
    """Each row of the primary-text index against its text file: name, SHA-256 and first words."""
    if "primary_excerpts" not in tables:
        return []
    resource, rows = tables["primary_excerpts"]
    shown = _shown(resource_path(resource, folder))
    return [
        problem
        for number, row in enumerate(rows, start=2)
        for problem in excerpts.row_problems(row, number, folder, shown)
    ]


def _missing(resource: dict[str, Any]) -> set[str]:
    return set(resource["schema"].get("missingValues", [""]))


def _check_rules(resource: dict[str, Any], rows: list[Row], folder: Path) -> list[Problem]:
    """Each row against the table's ``casebook:rules`` (their structure is checked in ``shape``)."""
    rules = resource.get("casebook:rules", [])
    path = _shown(resource_path(resource, folder))
    missing = _missing(resource)
    problems = []
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
    key = resource["schema"].get("primaryKey", ["id"])
    column = key if isinstance(key, str) else key[0]
    return {row.get(column) or "" for row in rows}


def _check_references(
    resources: list[dict[str, Any]], tables: dict[str, tuple[dict[str, Any], list[Row]]], folder: Path
) -> list[Problem]:
    problems = []
    unchecked: dict[str, list[str]] = {}  # a table nobody can read: the fields that refer to it
    for resource, rows in tables.values():
        path = _shown(resource_path(resource, folder))
        missing = _missing(resource)
        for field in resource["schema"].get("fields", []):
            target = field.get("casebook:references")
            if not target:
                continue
            if target not in tables:
                unchecked.setdefault(target, []).append(f"{resource.get('name')}/{field['name']}")
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
    for target, fields in unchecked.items():
        message = f"the table '{target}' cannot be read, so the ids that refer to it are not checked"
        problems.append(_descriptor_problem(folder, f"{message} ({', '.join(fields)})"))
    if "sources" in tables:
        known = _ids(*tables["sources"])
        problems += _check_sources_in_json(resources, folder, known)
    return problems


def _check_sources_in_json(resources: list[dict[str, Any]], folder: Path, known: set[str]) -> list[Problem]:
    """Source ids in the descriptor's ``casebook:`` notes and in JSON resources must exist too."""
    problems = []
    for resource in resources:
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
                document = read_json(path)
            except DataError:
                continue  # reported elsewhere (missing, special, not UTF-8, not JSON, too deep)
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
    for relative in _files_in(folder):
        if relative == DESCRIPTOR or relative.endswith(".md") or relative.startswith(NOT_DESCRIBED):
            continue
        if os.path.normpath(relative) not in described:
            problems.append(
                Problem(
                    _shown(folder / relative),
                    "not described in datapackage.json: add a resource for it "
                    "(schema, sources, licence, hash) or remove the file",
                )
            )
    return problems


def _files_in(folder: Path) -> Iterator[str]:
    """The regular files under ``folder`` as sorted POSIX paths, skipping hidden folders and caches.

    Links to folders are not followed (a link back up cannot loop), and FIFOs, devices and sockets
    are not files: nothing here opens them.
    """
    found = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".") and f != "__pycache__"]
        for name in files:
            path = Path(top, name)
            if not name.startswith(".") and path.is_file():
                found.append(path.relative_to(folder).as_posix())
    yield from sorted(found)
