"""Hypothesis-generated quiz files: whatever a file holds, ``validate_quiz_file`` returns problems
and ``load_quiz`` returns a quiz or raises ``QuizFileError`` listing them (issue 20). Nothing else
escapes: no ValueError, RecursionError, OverflowError or TypeError from deep inside."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.problems import Problem
from casebook.quiz import QuizFileError, load_quiz
from casebook.quiz.load import validate_quiz_file
from casebook.quiz.model import Quiz
from tests.quiz.conftest import FAKE

FIELDS = [
    "id", "title", "intro", "seed", "questions", "type", "prompt", "points", "attempts", "hints",
    "explanation", "options", "text", "correct", "feedback", "pin", "shuffle", "answer", "tolerance",
    "relative_tolerance", "range", "unit", "accept", "pattern", "wrong", "items", "pairs", "term",
    "definition", "distractors", "claim", "stance", "ref", "turn", "sentence", "min_words",
]  # fmt: skip
TYPES = ["single", "multiple", "numeric", "text", "order", "match", "evidence", "reflection", "other"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(TYPES + ["last", "supports", "^(a+)+$", "(a)\\1", "[", "012", "yes", "1:30", ".nan"]),
)
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)),
    max_leaves=40,
)
small_values = st.one_of(
    scalars, st.lists(scalars, max_size=4), st.dictionaries(keys, scalars, max_size=3)
)  # a question's fields: quick to draw, so many files are tried


def question_shaped() -> st.SearchStrategy[dict[str, Any]]:
    """A question whose fields are the real ones, with values of any kind."""
    return st.fixed_dictionaries(
        {"id": st.one_of(st.text(max_size=6), scalars), "type": st.sampled_from(TYPES)},
        optional={name: small_values for name in FIELDS if name not in ("id", "type")},
    )


quiz_shaped = st.fixed_dictionaries(
    {"id": st.just("generated"), "title": scalars, "questions": st.lists(question_shaped(), max_size=4)},
    optional={"intro": small_values, "seed": scalars},
)

# Text that is YAML-ish more than it is valid YAML: flow brackets, anchors, tags, block indicators.
yamlish_text = st.text(alphabet="[]{}:,-&*!|>?'\"#%@`\n\t ab01.~<=", max_size=200)


def dumped(data: Any) -> str | None:
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return None


def check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        try:
            path.write_text(text, encoding="utf-8")
        except UnicodeEncodeError:
            path.write_bytes(text.encode("utf-8", "surrogatepass"))  # not UTF-8: a problem to report
        problems = validate_quiz_file(path, transcript=FAKE)
        assert isinstance(problems, list) and all(isinstance(p, Problem) for p in problems)
        assert all(p.file == str(path) and "\n" not in str(p) for p in problems), problems
        try:
            quiz = load_quiz(path, transcript=FAKE)
        except QuizFileError as error:
            assert error.problems, "a QuizFileError always lists its problems"
            assert problems, "load_quiz refused a file that validate_quiz_file passed"
        else:
            assert isinstance(quiz, Quiz) and problems == []


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(values)
def test_any_structure_gives_problems_or_a_quiz(data: Any) -> None:
    text = dumped(data)
    if text is not None:
        check(text)


@SETTINGS
@given(quiz_shaped)
def test_any_quiz_shaped_structure_gives_problems_or_a_quiz(data: dict[str, Any]) -> None:
    text = dumped(data)
    if text is not None:
        check(text)


@SETTINGS
@given(yamlish_text)
def test_any_yaml_like_text_gives_problems_or_a_quiz(text: str) -> None:
    check("id: generated\ntitle: t\nquestions:\n" + text)
    check(text)


@SETTINGS
@given(st.text(max_size=100))
def test_any_text_at_all_gives_problems_or_a_quiz(text: str) -> None:
    check(text)
