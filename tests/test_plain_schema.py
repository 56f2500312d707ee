"""casebook.plain_schema, the structural check used where jsonschema is absent, finds what jsonschema
finds, at the same places, for the rubric schema and broken copies of the shipped rubrics."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook import plain_schema
from casebook.authored_yaml import read_authored_yaml
from casebook.quiz.schema import import_jsonschema
from casebook.rubric import SCHEMA_PATH
from tests.conftest import ROOT

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
RUBRICS = sorted((ROOT / "data" / "rubrics").glob("*.yaml"))
GOOD = read_authored_yaml(RUBRICS[0]).data


# The places with a problem, each once: jsonschema names every unknown field of a mapping in one error,
# the plain check gives each its own line.
def _jsonschema_paths(value: Any) -> list[tuple]:
    validator = import_jsonschema().Draft202012Validator(SCHEMA)
    return sorted({tuple(e.absolute_path) for e in validator.iter_errors(value)}, key=str)


def _plain_paths(value: Any) -> list[tuple]:
    return sorted({p.path for p in plain_schema.check(SCHEMA, value)}, key=str)


def _set(path: tuple, value: Any) -> dict:
    out = copy.deepcopy(GOOD)
    node = out
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return out


def _drop(path: tuple) -> dict:
    out = copy.deepcopy(GOOD)
    node = out
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return out


BROKEN = {
    "no title": _drop(("title",)),
    "an unknown field": {**GOOD, "titel": "x"},
    "a score above 10": _set(("criteria", 0, "levels", 0, "score"), 11),
    "a negative score": _set(("criteria", 0, "levels", 0, "score"), -1),
    "a fractional score": _set(("criteria", 0, "levels", 0, "score"), 1.5),
    "a score as text": _set(("criteria", 0, "levels", 0, "score"), "2"),
    "a score as true": _set(("criteria", 0, "levels", 0, "score"), True),
    "an empty label": _set(("criteria", 0, "levels", 0, "label"), ""),
    "an id with a space": _set(("criteria", 1, "id"), "two words"),
    "one level only": _set(("criteria", 0, "levels"), GOOD["criteria"][0]["levels"][:1]),
    "no criteria": _set(("criteria",), []),
    "bands as a mapping": _set(("bands",), {"min": 0}),
    "a band without meaning": _drop(("bands", 0, "meaning")),
    "a list, not a mapping": [GOOD],
}


def test_the_rubric_schema_uses_only_keywords_the_plain_check_knows() -> None:
    assert plain_schema.unsupported_keywords(SCHEMA) == []


def test_a_schema_with_another_keyword_is_refused_before_any_check() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "string", "format": "date"}}}
    with pytest.raises(plain_schema.UnsupportedSchema, match="/properties/a: format"):
        plain_schema.check(schema, {"a": "x"})


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.name)
def test_the_shipped_rubrics_pass_both(path) -> None:
    data = read_authored_yaml(path).data
    assert _plain_paths(data) == _jsonschema_paths(data) == []


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_rubric_is_found_at_the_places_jsonschema_finds(name: str) -> None:
    value = BROKEN[name]
    assert _jsonschema_paths(value), "the case must break the schema"
    assert _plain_paths(value) == _jsonschema_paths(value)


def test_the_messages_are_plain_words() -> None:
    problems = plain_schema.check(SCHEMA, BROKEN["a score as text"] | {"titel": 1})
    assert [p.message for p in problems] == [
        "unknown field 'titel' (the fields here are: id, title, intro, criteria, bands)",
        "should be a whole number, not text",
    ]
    assert plain_schema.check(SCHEMA, BROKEN["an empty label"])[0].message == "should not be empty"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 12) | st.floats(-1, 3, allow_nan=False) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_any_value_anywhere_is_judged_as_jsonschema_judges_it(value: Any) -> None:
    for spot in (("title",), ("criteria", 0, "levels", 1, "score"), ("bands", 0)):
        candidate = _set(spot, value)
        assert _plain_paths(candidate) == _jsonschema_paths(candidate)
