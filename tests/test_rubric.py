"""Rubrics as data: every shipped rubric validates, bad files are named precisely, scoring adds up."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.rubric import (
    RubricError,
    load_rubric,
    load_rubric_file,
    rubric_html,
    rubric_text,
    validate_rubric_file,
)
from tests.conftest import ROOT

RUBRICS = sorted((ROOT / "data" / "rubrics").glob("*.yaml"))

SMALL = """\
id: small
title: "Small"
criteria:
  - id: a
    question: "A?"
    levels:
      - {score: 2, label: "Yes", description: "fully"}
      - {score: 0, label: "No", description: "not at all"}
  - id: b
    question: "B?"
    levels:
      - {score: 1, label: "Yes", description: "yes"}
      - {score: 0, label: "No", description: "no"}
bands:
  - {min: 0, verdict: "Weak", meaning: "try again"}
  - {min: 2, verdict: "Strong", meaning: "well done"}
"""


def write(tmp_path: Path, text: str, name: str = "small.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.name)
def test_every_shipped_rubric_is_valid(path: Path) -> None:
    assert validate_rubric_file(path) == []
    rubric = load_rubric(path.stem)
    assert rubric.id == path.stem and rubric.criteria


def test_the_lessons_rubrics_exist() -> None:
    assert {p.stem for p in RUBRICS} >= {"answer_the_question", "capstone_brief"}


def test_scoring_adds_up_and_picks_the_band(tmp_path: Path) -> None:
    rubric = load_rubric_file(write(tmp_path, SMALL))
    assert rubric.max_score == 3
    low = rubric.score({"a": 0, "b": 1})
    assert (low.total, low.verdict, low.complete) == (1, "Weak", True)
    high = rubric.score({"a": 2, "b": 0})
    assert (high.total, high.verdict, high.meaning) == (2, "Strong", "well done")
    assert rubric.score({"a": 2, "b": 1}).total == 3


def test_unrated_criteria_give_no_verdict_yet(tmp_path: Path) -> None:
    rubric = load_rubric_file(write(tmp_path, SMALL))
    partial = rubric.score({"a": 2, "b": None})
    assert partial.verdict is None and partial.missing == ("b",)
    assert partial.meaning.endswith("Not rated yet: criterion 2.")  # numbered as students see them
    empty = rubric.score({})
    assert empty.missing == ("a", "b") and empty.meaning.endswith("Not rated yet: criteria 1, 2.")


def test_bad_ratings_are_refused_with_the_criterion_named(tmp_path: Path) -> None:
    rubric = load_rubric_file(write(tmp_path, SMALL))
    with pytest.raises(RubricError, match=r"no criterion 'c'; its criteria are a, b"):
        rubric.score({"c": 1})
    with pytest.raises(RubricError, match=r"criterion 'a': no level scores 1; use one of 2, 0"):
        rubric.score({"a": 1})
    with pytest.raises(RubricError, match="whole number"):
        rubric.score({"a": "2"})  # type: ignore[dict-item]


def test_schema_problems_name_the_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, SMALL.replace('label: "No", description: "no"', 'label: "No"'))
    problems = validate_rubric_file(path)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == str(path) and problem.field == "criteria[1].levels[1].description"
    assert problem.line == 13
    assert problem.message == "missing required field 'description'"


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "score: 1,",
            "score: one,",
            "criteria[1].levels[0].score",
            "should be a whole number, not text ('one')",
        ),
        (
            'label: "No"',
            "label: 7",
            "criteria[0].levels[1].label",
            "should be text, not a whole number (7): ",
        ),
        ("id: b\n", "id: b c\n", "criteria[1].id", "'b c' may use only letters, digits, '_' and '-'"),
        ("title: ", "titel: ", "titel", "unknown field 'titel' (did you mean 'title'?)"),
    ],
)
def test_schema_problems_are_in_plain_words(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    """Rubric authors get the quiz authors' words, never jsonschema's ("is not of type 'integer'")."""
    assert old in SMALL
    problems = validate_rubric_file(write(tmp_path, SMALL.replace(old, new, 1)))
    assert any(p.field == field and p.message.startswith(message) for p in problems), problems
    assert not any("is not of type" in p.message or "required property" in p.message for p in problems)


def test_semantic_problems_are_found(tmp_path: Path) -> None:
    text = SMALL.replace("id: b\n", "id: a\n").replace("min: 0,", "min: 1,").replace("min: 2,", "min: 9,")
    messages = [str(p) for p in validate_rubric_file(write(tmp_path, text))]
    assert any("field 'criteria[1].id'" in m and "used twice" in m for m in messages)
    assert any("no band starts at min: 0" in m for m in messages)
    assert any("field 'bands[1].min'" in m and "above the best possible total, 3" in m for m in messages)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    problems = validate_rubric_file(write(tmp_path, SMALL, name="other.yaml"))
    assert [p.field for p in problems] == ["id"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: [unclosed\n", "not valid YAML"),
        ("- a list\n", "must hold a mapping"),
        ("", "must hold a mapping"),
    ],
)
def test_malformed_files_get_one_clear_problem(tmp_path: Path, text: str, expected: str) -> None:
    problems = validate_rubric_file(write(tmp_path, text))
    assert len(problems) == 1 and expected in problems[0].message and problems[0].file.endswith("small.yaml")


def test_unreadable_and_missing_rubrics(tmp_path: Path) -> None:
    bad = tmp_path / "small.yaml"
    bad.write_bytes(b"\xff\xfe\x00bad")
    assert "not UTF-8" in validate_rubric_file(bad)[0].message
    with pytest.raises(RubricError, match=r"no rubric 'nope'.*answer_the_question"):
        load_rubric("nope")
    with pytest.raises(RubricError, match="small.yaml"):
        load_rubric_file(bad)


def test_renderings_show_every_level_and_band(tmp_path: Path) -> None:
    rubric = load_rubric_file(write(tmp_path, SMALL.replace('"A?"', '"A <b>?"')))
    page = rubric_html(rubric)
    assert "A &lt;b&gt;?" in page and "<b>?" not in page
    assert "Strong</strong> (2-3 points)" in page and "Weak</strong> (0-1 points)" in page
    text = rubric_text(rubric)
    assert "2 Yes: fully" in text and "0-1: Weak" in text and "2-3: Strong" in text


def test_checking_an_edited_rubric_does_not_load_the_slow_iri_checker(tmp_path: Path) -> None:
    import subprocess
    import sys

    # An edited copy: not in rubric.checked.json, so it goes through jsonschema.
    edited = write(
        tmp_path,
        (ROOT / "data" / "rubrics" / "capstone_brief.yaml").read_text() + "# x\n",
        "capstone_brief.yaml",
    )
    code = (
        f"import sys; from casebook.rubric import load_rubric_file; load_rubric_file({str(edited)!r}); "
        "print('jsonschema' in sys.modules, 'rfc3987_syntax' in sys.modules); "
        "import rfc3987_syntax; print(sys.modules['rfc3987_syntax'] is not None)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    # jsonschema loaded without the slow checker, and the package can still be imported afterwards
    assert out.split() == ["True", "False", "True"]


# -- hostile rubric files (issue 20): the quiz files' reader, bounded, guards rubrics too ---------


def _only_problem(path: Path):
    problems = validate_rubric_file(path)
    assert len(problems) == 1, problems
    assert problems[0].file == str(path) and "\n" not in str(problems[0])
    return problems[0]


def test_an_alias_bomb_in_a_rubric_is_refused(tmp_path: Path) -> None:
    bomb = 'id: small\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    problem = _only_problem(write(tmp_path, bomb + "criteria: *i\n"))
    assert "anchor or alias (&a)" in problem.message and problem.field == "a" and problem.line == 2


@pytest.mark.parametrize("nested", ["[" * 1000 + "]" * 1000, "[" * 5000, "\n  " + "- " * 2000 + "x"])
def test_deep_nesting_in_a_rubric_is_refused_without_recursion(tmp_path: Path, nested: str) -> None:
    problem = _only_problem(write(tmp_path, f"id: small\ncriteria: {nested}\n"))
    assert "nested more than 20 levels deep" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        ("{score: 2,", "{score: 012,", "criteria[0].levels[0].score", "'012' is read as the number 10"),
        ('label: "Yes"', "label: yes", "criteria[0].levels[0].label", "'yes' is read as true"),
        ("{min: 2,", "{min: " + "9" * 400 + ",", "bands[1].min", "400 characters long"),
    ],
)
def test_silent_yaml_changes_in_a_rubric_are_refused(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    assert old in SMALL
    problem = _only_problem(write(tmp_path, SMALL.replace(old, new, 1)))
    assert problem.field == field and words in problem.message


def test_a_fifo_named_like_a_rubric_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "small.yaml"
    os.mkfifo(fifo)
    assert "named pipe" in _only_problem(fifo).message
