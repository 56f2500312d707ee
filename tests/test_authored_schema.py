"""One translator from JSON Schema errors to plain words, and the errors that carry Problems."""

from __future__ import annotations

import pytest

from casebook.authored_schema import draft_validator, schema_problems
from casebook.authored_yaml import LineMap
from casebook.data import DataError
from casebook.problems import Problem, ProblemsError

SCHEMA = {
    "type": "object",
    "required": ["id", "levels"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"},
        "kind": {"enum": ["single", "multiple"]},
        "levels": {"type": "array", "minItems": 2, "items": {"type": "integer", "minimum": 0, "maximum": 3}},
        "note": {"type": "string", "maxLength": 5},
        "format": {"const": "casebook"},
    },
}


def problems_for(data: object) -> list[Problem]:
    lines = LineMap()
    lines.keys[("levels",)] = 4
    return schema_problems("f.yaml", draft_validator(SCHEMA).iter_errors(data), lines)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"levels": [0, 1]}, "id", "missing required field 'id'"),
        ({"id": 7, "levels": [0, 1]}, "id", "should be text, not a whole number (7): put it in quotes"),
        ({"id": "a b", "levels": [0, 1]}, "id", "'a b' may use only letters, digits, '_' and '-'"),
        ({"id": "a", "levels": [0]}, "levels", "needs at least 2 levels, found 1"),
        ({"id": "a", "levels": [0, 9]}, "levels[1]", "must be at most 3, not 9"),
        ({"id": "a", "levels": [0, -1]}, "levels[1]", "must be at least 0, not -1"),
        ({"id": "a", "levels": [0, 1], "kind": "singel"}, "kind", "'singel' is not allowed here; use one of"),
        ({"id": "a", "levels": [0, 1], "note": "too long"}, "note", "is 8 characters long; at most 5"),
        ({"id": "a", "levels": [0, 1], "format": "x"}, "format", "must be 'casebook', not 'x'"),
        ({"id": "a", "levels": [0, 1], "nots": "x"}, "nots", "unknown field 'nots' (did you mean 'note'?)"),
    ],
)
def test_each_error_is_one_plain_problem_naming_the_field(data: object, field: str, message: str) -> None:
    problems = problems_for(data)
    assert [p.field for p in problems] == [field]
    assert problems[0].file == "f.yaml" and problems[0].message.startswith(message), problems[0].message


def test_the_line_comes_from_the_line_map() -> None:
    assert problems_for({"id": "a", "levels": [0, 9]})[0].line == 4


def test_a_keyword_without_words_still_gives_no_raw_jsonschema_text() -> None:
    schema = {"type": "array", "uniqueItems": True}
    (problem,) = schema_problems("f.json", draft_validator(schema).iter_errors([1, 1]))
    assert problem.message == "lists the same item twice"


def test_problems_error_lists_its_problems_under_a_heading() -> None:
    problems = [Problem("a.yaml", "one", line=2), Problem("a.yaml", "two", field="x")]
    error = ProblemsError(problems, "The file a.yaml has 2 problems:")
    assert error.problems == problems
    assert str(error) == "The file a.yaml has 2 problems:\n  a.yaml:2: one\n  a.yaml, field 'x': two"
    assert str(ProblemsError(problems)) == "a.yaml:2: one\na.yaml, field 'x': two"


def test_a_problem_in_a_notebook_cell_counts_its_line_in_the_cell() -> None:
    cell = "cell 2 (id 'c', code, starting 'x = 1')"
    assert (
        str(Problem("01.ipynb", "never closed", line=3, cell=cell))
        == f"01.ipynb, {cell}, line 3: never closed"
    )
    assert str(Problem("01.ipynb", "no id", cell=cell)) == f"01.ipynb, {cell}: no id"


def test_a_data_error_carries_its_problem() -> None:
    error = DataError.at("timeline.csv", "'world' is not one of osce, belarus", row=3, field="track")
    assert error.problem == Problem(
        "timeline.csv", "'world' is not one of osce, belarus", field="track", row=3
    )
    assert str(error) == "timeline.csv, row 3, field 'track': 'world' is not one of osce, belarus."
