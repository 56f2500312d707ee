"""Turning a table of the data package into typed records, with the standard library only.

Each cell is converted by the type its schema gives (string, integer, date; ';'-separated lists for
fields marked ``casebook:delimiter``) and checked against the schema's ``required`` and ``enum``
constraints, so a broken file stops with the file, the row and the field rather than a traceback
deep in a lesson. ``casebook validate`` checks everything else (patterns, hashes, sources).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from casebook.data.package import TABLE_LIMIT, DataError
from casebook.files import UnreadableFile, read_text_bounded

Converter = Callable[[str], Any]
WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def _to_integer(text: str) -> int:
    if not WHOLE_NUMBER.fullmatch(text):
        raise ValueError("expected a whole number, digits only (leave the cell empty if it is not known)")
    return int(text)


def _to_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("expected a date written YYYY-MM-DD, e.g. 2023-05-11") from None


CONVERTERS: dict[str, Converter] = {"string": str, "integer": _to_integer, "date": _to_date}


def read_table(path: Path, schema: dict[str, Any], record_type: type) -> list[Any]:
    """Every row of the CSV file at ``path`` as a ``record_type``, converted and checked per ``schema``.

    Raises DataError naming the file, the row (the header is row 1, as in a spreadsheet) and the field.
    """
    fields: list[dict[str, Any]] = schema.get("fields", [])
    names = [f.get("name") for f in fields]
    expected = [f.name for f in dataclasses.fields(record_type)]
    if names != expected:
        raise DataError.at(
            path,
            f"the schema's fields {names} do not match casebook's record "
            f"{record_type.__name__} {expected}; update datapackage.json or casebook/data/records.py",
        )
    missing = set(schema.get("missingValues", [""]))
    try:
        text = read_text_bounded(path, TABLE_LIMIT)
    except UnreadableFile as error:
        raise DataError(error.problem) from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if header != names:
            raise DataError.at(path, f"the header is {header}, but the schema lists {names}", row=1)
        return [
            _record(path, number, row, fields, missing, record_type)
            for number, row in enumerate(reader, start=2)
        ]
    except csv.Error as error:
        raise DataError.at(path, f"not a well-formed CSV file ({error})") from None


def _record(
    path: Path,
    number: int,
    row: list[str],
    fields: list[dict[str, Any]],
    missing: set[str],
    record_type: type,
) -> Any:
    if len(row) != len(fields):
        raise DataError.at(path, f"{len(row)} cells, but the schema has {len(fields)} fields", row=number)
    values = {
        field["name"]: _cell(path, number, field, text, missing)
        for field, text in zip(fields, row, strict=True)
    }
    return record_type(**values)


def _cell(path: Path, number: int, field: dict[str, Any], text: str, missing: set[str]) -> Any:
    name = field["name"]
    constraints = field.get("constraints", {})
    delimiter = field.get("casebook:delimiter")
    if text in missing:
        if constraints.get("required"):
            raise DataError.at(path, "empty, but this field is required", row=number, field=name)
        return () if delimiter else None
    if delimiter:
        return tuple(item.strip() for item in text.split(delimiter))
    convert = CONVERTERS.get(field.get("type", "string"))
    if convert is None:
        raise DataError.at(path, f"casebook cannot read type '{field.get('type')}'", field=name)
    try:
        value = convert(text)
    except ValueError as error:
        raise DataError.at(path, f"'{text}' is not valid: {error}", row=number, field=name) from None
    allowed = constraints.get("enum")
    if allowed is not None and value not in allowed:
        choices = ", ".join(map(str, allowed))
        raise DataError.at(path, f"'{text}' is not one of {choices}", row=number, field=name)
    return value
