"""Reading ``datapackage.json``: the list of resources, their files, schemas and hashes.

Standard library only, so that a lesson kernel never loads frictionless. ``validate`` (in
``casebook.data.validation``) does the thorough checks; this module only finds things.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from casebook.data.shape import ShapeProblem, descriptor_shape, resource_shape
from casebook.files import DEFAULT_LIMIT, UnreadableFile, read_text_bounded
from casebook.problems import Problem

DESCRIPTOR = "datapackage.json"

#: The most the kit reads of a descriptor or a JSON resource (the real ones weigh a few KB), and how
#: deeply their objects and lists may nest (the real ones go five levels deep).
JSON_LIMIT = 1024 * 1024
MAX_DEPTH = 32

#: The most the kit reads of one data table or the transcript (the real ones weigh under 25 KB).
TABLE_LIMIT = DEFAULT_LIMIT


class DataError(ValueError):
    """A data file cannot be read as its schema says: ``problem`` names the file, row and field.

    The message is the problem on one line, ending with a full stop.
    """

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        text = str(problem)
        super().__init__(text if text.endswith(".") else f"{text}.")

    @classmethod
    def at(
        cls, file: str | Path, message: str, *, row: int | None = None, field: str | None = None
    ) -> DataError:
        """The error for one place: ``file``, and the ``row`` and ``field`` when it is about one."""
        return cls(Problem(str(file), message, field=field, row=row))


def _error(problem: Problem) -> DataError:
    return DataError(problem)


def nesting_depth(value: Any) -> int:
    """How many objects and lists deep ``value`` goes (a scalar is 0, ``[]`` is 1), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(path: Path, *, limit: int = JSON_LIMIT, max_depth: int = MAX_DEPTH) -> Any:
    """The parsed JSON file at ``path``, read through ``casebook.files.read_text_bounded``.

    Raises DataError (with its ``problem``) when the file is missing, special, larger than ``limit``,
    not UTF-8, not JSON (NaN and Infinity included), or nested deeper than ``max_depth``.
    """
    try:
        text = read_text_bounded(path, limit)
    except UnreadableFile as error:
        raise _error(error.problem) from None
    too_deep = Problem(str(path), f"nested more than {max_depth} levels deep; the kit reads no deeper")
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _error(Problem(str(path), f"not valid JSON ({error.msg})", line=error.lineno)) from None
    except RecursionError:
        raise _error(too_deep) from None
    except ValueError as error:  # NaN, Infinity, or an integer of thousands of digits
        raise _error(Problem(str(path), f"not valid JSON ({error})")) from None
    if nesting_depth(value) > max_depth:
        raise _error(too_deep)
    return value


def shape_problem(folder: Path, problem: ShapeProblem) -> Problem:
    """A structural problem of ``datapackage.json`` as a Problem naming the file and the field."""
    return Problem(str(folder / DESCRIPTOR), problem.message, field=problem.field or None)


def read_descriptor(folder: Path) -> dict[str, Any]:
    """The parsed ``datapackage.json`` in ``folder``.

    Raises DataError if it is missing, unreadable, not JSON, too large or too deep, or if its top
    level has the wrong structure (each resource is checked when it is used: ``find_resource``).
    """
    path = folder / DESCRIPTOR
    try:
        descriptor = read_json(path)
    except DataError as error:
        if error.problem is not None and error.problem.message == "no such file":
            raise DataError.at(path, "no such file. The data folder must hold datapackage.json") from None
        raise
    problems = descriptor_shape(descriptor)
    if problems:
        raise _error(shape_problem(folder, problems[0]))
    return descriptor


def find_resource(descriptor: dict[str, Any], name: str, folder: Path) -> dict[str, Any]:
    """The resource called ``name``; DataError naming the known ones if there is none."""
    for index, resource in enumerate(descriptor["resources"]):
        if isinstance(resource, dict) and resource.get("name") == name:
            problems = resource_shape(resource, index)
            if problems:
                raise _error(shape_problem(folder, problems[0]))
            return resource
    known = ", ".join(sorted(str(r.get("name")) for r in descriptor["resources"] if isinstance(r, dict)))
    raise DataError.at(folder / DESCRIPTOR, f"no resource called '{name}'. Known resources: {known}")


def resource_path(resource: dict[str, Any], folder: Path) -> Path:
    """The file a resource describes, resolved against the data folder."""
    return folder / str(resource.get("path", ""))


def is_table(resource: dict[str, Any]) -> bool:
    """True for a tabular resource (one with a table schema), which ``load`` turns into records."""
    return isinstance(resource.get("schema"), dict)


def recorded_sha256(resource: dict[str, Any]) -> str | None:
    """The sha256 recorded for a resource (``"hash": "sha256:..."``), or None if there is none."""
    value = resource.get("hash")
    if isinstance(value, str) and value.startswith("sha256:"):
        return value.removeprefix("sha256:")
    return None
