"""Hypothesis mutates the real datapackage.json (values of the wrong type, keys removed or added, deep
nesting) and shows that ``validate`` never raises and the loaders raise nothing but DataError."""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook import data
from casebook.data.package import DataError
from casebook.data.shape import descriptor_shape, resource_shape
from casebook.data.validation import validate_package
from casebook.problems import Problem
from tests.data.conftest import DATA

REAL: dict[str, Any] = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))

#: Keys the kit or frictionless read, so that added keys hit code that uses them.
KNOWN_KEYS = [
    "resources", "name", "path", "schema", "fields", "type", "format", "constraints", "required",
    "enum", "pattern", "minimum", "missingValues", "primaryKey", "casebook:rules", "if", "field",
    "equals", "present", "require", "forbid", "expect", "casebook:delimiter", "casebook:references",
    "casebook:jsonSchema", "casebook:frozen", "hash", "bytes", "encoding", "dialect", "licenses",
    "sources", "profile", "$schema", "compression",
]  # fmt: skip

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", "S1", "id", "string", "integer", "date", "../x", "/etc/passwd", "sources.csv"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def mutated_descriptors(draw: st.DrawFn) -> Any:
    """The real descriptor with one place, chosen by a random walk from the top, changed."""
    descriptor: Any = copy.deepcopy(REAL)
    parent: Any = None
    key: Any = None
    node: Any = descriptor
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        if isinstance(node, dict) and node:
            step: Any = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            step = draw(st.integers(min_value=0, max_value=len(node) - 1))
        else:
            break
        parent, key, node = node, step, node[step]
    action = draw(st.sampled_from(["replace", "delete", "nest", "add"]))
    if action == "add" and isinstance(node, dict):
        node[draw(st.sampled_from(KNOWN_KEYS) | st.text(max_size=6))] = draw(json_values)
        return descriptor
    if action == "nest":
        depth = draw(st.integers(min_value=1, max_value=200))
        value: Any = node
        for _ in range(depth):
            value = [value] if draw(st.booleans()) else {"x": value}
    elif action == "delete" and parent is not None:
        del parent[key]
        return descriptor
    else:
        value = draw(json_values)
    if parent is None:
        return value
    parent[key] = value
    return descriptor


@contextmanager
def package_with(descriptor: Any) -> Iterator[Path]:
    """A fresh copy of the data package whose datapackage.json is ``descriptor``, as CASEBOOK_DATA."""
    with tempfile.TemporaryDirectory(prefix="casebook-fuzz-") as temp:
        folder = Path(temp) / "data"
        shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("quizzes", "__pycache__"))
        (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=1), encoding="utf-8")
        before = os.environ.get("CASEBOOK_DATA")
        os.environ["CASEBOOK_DATA"] = str(folder)
        try:
            yield folder
        finally:
            if before is None:
                os.environ.pop("CASEBOOK_DATA", None)
            else:
                os.environ["CASEBOOK_DATA"] = before


def assert_one_line_problems(problems: Any) -> None:
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem) and problem.file
        assert "\n" not in str(problem) and "Traceback" not in str(problem)


@settings(max_examples=300, deadline=None)
@given(json_values | mutated_descriptors())
def test_the_shape_checks_never_raise(descriptor: Any) -> None:
    found = descriptor_shape(descriptor)
    if not found:
        for index, resource in enumerate(descriptor["resources"]):
            resource_shape(resource, index)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_descriptors())
def test_the_loaders_raise_nothing_but_data_error(descriptor: Any) -> None:
    with package_with(descriptor):
        for load in (
            data.resource_names,
            lambda: [data.load(name) for name in ("sources", "claims", "timeline", "glossary")],
            lambda: data.describe("sources"),
            data.transcript_text,
            data.briefing_metadata,
        ):
            try:
                load()
            except DataError as error:
                assert "\n" not in str(error)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_descriptors())
def test_validate_never_raises_on_a_mutated_descriptor(descriptor: Any) -> None:
    with package_with(descriptor) as folder:
        assert_one_line_problems(validate_package(folder))


def test_the_unmutated_descriptor_is_valid() -> None:
    """The mutations start from a valid package, so what validate reports comes from the mutation."""
    with package_with(REAL) as folder:
        assert validate_package(folder) == []
