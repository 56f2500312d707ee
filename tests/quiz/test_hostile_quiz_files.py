"""Quiz files written to crash, hang or fool the kit (issue 20, classes 3, 4 and 10).

Each gives a one-line problem naming the file, the line and the field; none raises, and none costs
more than a few megabytes: resource bombs are refused before anything expands them.
"""

from __future__ import annotations

import textwrap
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.problems import Problem
from casebook.quiz import QuizFileError, load, load_quiz, show_quiz
from casebook.quiz.load import MAX_QUESTIONS, validate_quiz_file

# The red team's 752-byte "billion laughs": nine aliases of nine aliases ... stand for 9**9 strings.
ALIAS_BOMB = (
    "id: bomb\ntitle: t\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "questions: *i\n"
)

ONE_QUESTION = """
id: {name}
title: "One question"
questions:
  - id: q1
    type: {type}
    prompt: "Prompt"
{extra}
"""


@pytest.fixture
def quiz_file(tmp_path: Path) -> Callable[..., Path]:
    """Write a quiz file of raw text (not dedented) under a name; returns its path."""

    def write(text: str, name: str = "hostile") -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def question_file(quiz_file: Callable[..., Path], qtype: str, extra: str, name: str = "hostile") -> Path:
    body = textwrap.indent(textwrap.dedent(extra).strip("\n"), "    ")
    return quiz_file(ONE_QUESTION.format(name=name, type=qtype, extra=body).lstrip("\n"), name)


def only_problem(path: Path) -> Problem:
    """The single problem of a file, checked to be one line naming the file."""
    problems = validate_quiz_file(path, transcript=None)
    assert len(problems) == 1, "\n".join(map(str, problems))
    problem = problems[0]
    assert problem.file == str(path) and "\n" not in str(problem) and "Traceback" not in str(problem)
    return problem


def peak_megabytes(action: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


# -- resource bombs --------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_before_anything_expands_it(quiz_file) -> None:
    path = quiz_file(ALIAS_BOMB, "bomb")
    assert len(ALIAS_BOMB.encode()) < 800
    problem = only_problem(path)
    assert "anchor or alias (&a)" in problem.message and problem.field == "a" and problem.line == 3
    assert peak_megabytes(lambda: validate_quiz_file(path, transcript=None)) < 20
    shown = show_quiz(path)._repr_mimebundle_()["text/plain"]
    assert "anchor or alias" in shown and "bomb.yaml:3" in shown


def test_an_alias_is_refused_even_where_it_would_be_harmless(quiz_file) -> None:
    path = quiz_file(
        "id: hostile\ntitle: &t Title\nintro: *t\nquestions:\n  - {id: q, type: reflection, prompt: p}\n"
    )
    problem = only_problem(path)
    assert problem.field == "title" and "(&t)" in problem.message


@pytest.mark.parametrize("depth", [25, 999, 1000, 5000])
@pytest.mark.parametrize("shape", ["flow", "unclosed", "block"])
def test_deep_nesting_is_refused_without_recursion(quiz_file, depth: int, shape: str) -> None:
    nested = {
        "flow": "[" * depth + "]" * depth,
        "unclosed": "[" * depth,
        "block": "\n  " + "- " * depth + "x",
    }[shape]
    path = quiz_file(f"id: hostile\ntitle: t\nquestions: {nested}\n")
    problem = only_problem(path)
    assert "nested more than 20 levels deep" in problem.message
    assert problem.line in (3, 4)
    with pytest.raises(QuizFileError):
        load_quiz(path, transcript=None)


def test_a_5000_digit_integer_is_refused_by_its_length(quiz_file) -> None:
    path = quiz_file("id: hostile\ntitle: t\nseed: " + "9" * 5000 + "\nquestions: []\n")
    problem = only_problem(path)
    assert problem.field == "seed" and "5,000 characters long" in problem.message


def test_a_400_digit_points_fails_validation_and_show_quiz_explains(quiz_file) -> None:
    path = question_file(
        quiz_file, "single", f"points: {'9' * 400}\noptions: [{{text: a, correct: true}}, {{text: b}}]"
    )
    problem = only_problem(path)
    assert problem.field == "questions[0].points" and problem.line == 7
    assert "400 characters long" in problem.message
    assert "400 characters long" in show_quiz(path)._repr_mimebundle_()["text/plain"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("points", "1000000000000000000000000", "must be at most 100, not"),
        ("attempts", "1000000", "must be at most 100, not 1000000"),
        ("seed", "-3", "must be at least 0"),
    ],
)
def test_numbers_have_sane_bounds(quiz_file, field: str, value: str, message: str) -> None:
    options = "options: [{text: a, correct: true}, {text: b}]"
    if field == "seed":
        path = quiz_file(
            f"id: hostile\ntitle: t\nseed: {value}\nquestions:\n  - {{id: q, type: single, "
            f"prompt: p, {options}}}\n"
        )
    else:
        path = question_file(quiz_file, "single", f"{field}: {value}\n{options}")
    problem = only_problem(path)
    assert message in problem.message and problem.field.endswith(field)


def test_a_numeric_answer_beyond_1e15_is_refused(quiz_file) -> None:
    path = question_file(quiz_file, "numeric", "answer: 1.0e+300")
    assert "must be at most 1e+15" in only_problem(path).message


def test_a_40000_question_quiz_is_refused_by_its_size_before_the_schema(quiz_file, monkeypatch) -> None:
    question = "  - {id: q%d, type: single, prompt: 'Q', options: [{text: a, correct: true}, {text: b}]}\n"
    text = "id: hostile\ntitle: t\nquestions:\n" + "".join(question % i for i in range(40_000))
    assert len(text) > 3_000_000
    path = quiz_file(text)

    def no_schema(*_args: object) -> None:
        raise AssertionError("the schema must not run on a file this large")

    monkeypatch.setattr(load, "_schema_problems", no_schema)
    problem = only_problem(path)
    assert "larger than 1 MB" in problem.message


@pytest.mark.parametrize(
    ("count", "words"), [(600, "more than 500 items"), (MAX_QUESTIONS + 1, "201 questions")]
)
def test_too_many_questions_are_refused_before_the_schema(
    quiz_file, monkeypatch, count: int, words: str
) -> None:
    question = "  - {id: q%d, type: reflection, prompt: 'Q'}\n"
    path = quiz_file("id: hostile\ntitle: t\nquestions:\n" + "".join(question % i for i in range(count)))

    def no_schema(*_args: object) -> None:
        raise AssertionError("the schema must not run on this many questions")

    monkeypatch.setattr(load, "_schema_problems", no_schema)
    problem = only_problem(path)
    assert words in problem.message and problem.field == "questions"


def test_long_texts_and_long_lists_are_refused_with_their_field(quiz_file) -> None:
    path = question_file(quiz_file, "reflection", f"explanation: {'x' * 25_000}")
    problem = only_problem(path)
    assert problem.field == "questions[0].explanation" and "25,000 characters long" in problem.message
    many = ", ".join(f"{{text: o{i}}}" for i in range(30))
    path = question_file(quiz_file, "multiple", f"options: [{{text: a, correct: true}}, {many}]", "hostile2")
    problem = only_problem(path)
    assert problem.field == "questions[0].options" and "has 31 items; at most 26" in problem.message


def test_a_fifo_named_like_a_quiz_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "piped.yaml"
    os.mkfifo(fifo)
    problems = validate_quiz_file(fifo, transcript=None)
    assert len(problems) == 1 and "named pipe" in problems[0].message


# -- silent changes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qtype", "extra", "field", "words"),
    [
        (
            "numeric",
            "answer: 012",
            "answer",
            "'012' is read as the number 10 by YAML 1.1 (as here) but as the number 12",
        ),
        ("numeric", "answer: 1:30", "answer", "'1:30' is read as the number 90 by YAML 1.1"),
        ("numeric", "answer: yes", "answer", "'yes' is read as true by YAML 1.1 (as here) but as text"),
        ("numeric", "answer: 0o17", "answer", "'0o17' is read as text by YAML 1.1"),
        ("numeric", "answer: 1_000", "answer", "'1_000' is read as the number 1000"),
        ("numeric", "answer: 1e3", "answer", "'1e3' is read as text by YAML 1.1"),
        ("text", "accept: [2023-05-11]", "accept[0]", "'2023-05-11' is read as a date"),
        ("text", "accept: [off]", "accept[0]", "'off' is read as false"),
    ],
)
def test_scalars_yaml_11_and_12_read_differently_are_refused(quiz_file, qtype, extra, field, words) -> None:
    problem = only_problem(question_file(quiz_file, qtype, extra))
    assert problem.field == f"questions[0].{field}" and problem.line == 7
    assert words in problem.message
    assert "in quotes" in problem.message or "plainly" in problem.message


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf", "+.Inf"])
@pytest.mark.parametrize("field", ["points", "answer", "tolerance"])
def test_nan_and_infinity_fail_wherever_a_number_goes(quiz_file, value: str, field: str) -> None:
    extra = f"{field}: {value}" if field == "answer" else f"answer: 3\n{field}: {value}"
    problem = only_problem(question_file(quiz_file, "numeric", extra))
    assert problem.field == f"questions[0].{field}"
    assert problem.message == "must be an ordinary number (not .nan or .inf)"


def test_a_boolean_answer_is_reported_as_a_boolean(quiz_file) -> None:
    problem = only_problem(question_file(quiz_file, "numeric", "answer: true"))
    assert problem.message.startswith("should be a number, not true/false")
    assert ".nan" not in problem.message


def test_the_same_values_quoted_or_unambiguous_load_as_written(quiz_file) -> None:
    path = question_file(
        quiz_file,
        "text",
        """
        accept: ["012", "1:30", "yes", "2023-05-11", !!str 1e3]
        points: 2.5
        attempts: 3
        hints: [true answers only, "null"]
        """,
    )
    quiz = load_quiz(path, transcript=None)
    question = quiz.questions[0]
    assert question.accept == ("012", "1:30", "yes", "2023-05-11", "1e3")
    assert question.points == 2.5 and question.attempts == 3
    assert question.hints == ("true answers only", "null")


def test_yaml_tags_that_build_objects_or_numbers_are_refused(quiz_file) -> None:
    path = question_file(quiz_file, "text", 'accept: [!!int "5", !!python/object:os.system x]')
    problems = validate_quiz_file(path, transcript=None)
    assert [p.field for p in problems] == ["questions[0].accept[0]", "questions[0].accept[1]"]
    assert all("tags are not allowed" in p.message for p in problems)


# -- catastrophic regular expressions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("^(a+)+$", "repeats a part that itself repeats"),
        ("(\\\\w+\\\\s?)*$", "repeats a part that itself repeats"),
        ("^(a?){25}a{25}$", "repeats a part that itself repeats"),
        ("(a|ab)+c", "repeats a choice between alternatives"),
        ("(moscow)\\\\1", "backreference"),
        ("(?P<w>vienna) (?P=w)", "backreference"),
        ("(a)?(?(1)b|c)", "backreference"),
        ("[unclosed", "not a valid regular expression"),
        ("x" * 201, "201 characters long"),
    ],
)
def test_dangerous_patterns_are_refused_at_validation(quiz_file, pattern: str, words: str) -> None:
    problem = only_problem(question_file(quiz_file, "text", f'pattern: "{pattern}"'))
    assert problem.field == "questions[0].pattern" and words in problem.message


@pytest.mark.parametrize(
    "pattern", ["helsinki.*act", "^inaudible", "moscow", "colou?r", "[ab]+c", "(?:the )?final act"]
)
def test_ordinary_patterns_pass(quiz_file, pattern: str) -> None:
    assert (
        validate_quiz_file(question_file(quiz_file, "text", f'pattern: "{pattern}"'), transcript=None) == []
    )


def test_author_text_with_line_breaks_or_escapes_stays_on_one_line(quiz_file) -> None:
    path = quiz_file(
        'id: hostile\ntitle: t\n"bad\\nkey\\u001b[31m": 1\nquestions:\n'
        '  - {id: q, type: "sing\\nle", prompt: p}\n'
    )
    problems = validate_quiz_file(path, transcript=None)
    shown = "\n".join(str(p) for p in problems)
    assert len(shown.splitlines()) == len(problems) == 2 and "\x1b" not in shown
    assert "unknown field 'bad\\nkey\\x1b[31m'" in shown and "'sing\\nle' is not a question type" in shown


def test_a_large_file_with_a_syntax_error_at_its_end_is_reported_by_line(quiz_file) -> None:
    text = "id: hostile\ntitle: t\nquestions:\n" + "".join("  - " + "word " * 400 + "\n" for _ in range(450))
    path = quiz_file(text + "\tbad: [\n")
    problem = only_problem(path)
    assert problem.line == 454 and "not valid YAML" in problem.message and "not tabs" in problem.message
