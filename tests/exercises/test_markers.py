"""Solution regions in one cell's source: what they become, and which markings are refused."""

from __future__ import annotations

import ast

import pytest

from casebook.exercises.markers import (
    ANSWER_PROMPT,
    MarkerError,
    strip_code_solutions,
    strip_markdown_solutions,
)
from casebook.exercises.placeholders import assigned_names


def test_an_assignment_keeps_its_target_with_an_ellipsis_that_runs() -> None:
    source = "### BEGIN SOLUTION\nanswer = len(text.split())\n### END SOLUTION\ncheck('demo.x', answer)"
    result = strip_code_solutions(source)
    assert result == "answer = ...  # your code here\ncheck('demo.x', answer)"
    scope: dict[str, object] = {"check": lambda _id, value: value}
    exec(result, scope)  # the placeholder runs, and binds the name later lines use
    assert scope["answer"] is Ellipsis


def test_every_top_level_name_the_region_assigns_is_kept_once_in_order() -> None:
    body = ["words = text.split()", "a, (b, *c) = 1, (2, 3)", "n: int = 4", "words = words[1:]", "d['k'] = 5"]
    assert assigned_names(body) == ["words", "a", "b", "c", "n"]


def test_names_bound_inside_loops_imports_and_augmented_assignments_are_not_kept() -> None:
    body = ["import re", "for w in words:", "    total = 1", "count += 1"]
    assert assigned_names(body) == []
    assert assigned_names(["this is ( not python"]) == []


def test_the_region_keeps_the_indentation_of_its_marker() -> None:
    source = (
        "def f(text):\n    ### BEGIN SOLUTION\n"
        "    result = text.upper()\n    ### END SOLUTION\n    return result"
    )
    assert (
        strip_code_solutions(source) == "def f(text):\n    result = ...  # your code here\n    return result"
    )


def test_a_region_that_was_a_whole_function_body_gets_pass() -> None:
    source = (
        "def count_words(text):\n    ### BEGIN SOLUTION\n    return len(text.split())\n    ### END SOLUTION\n"
    )
    result = strip_code_solutions(source)
    assert result == "def count_words(text):\n    # your code here\n    pass\n"
    ast.parse(result)


def test_pass_is_added_only_where_python_needs_a_statement() -> None:
    with_docstring = 'def f(x):\n    """Doc."""\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION'
    assert "pass" not in strip_code_solutions(with_docstring)
    loop_continues = (
        "for x in xs:\n    ### BEGIN SOLUTION\n    total += x\n    ### END SOLUTION\n    print(x)"
    )
    assert strip_code_solutions(loop_continues) == "for x in xs:\n    # your code here\n    print(x)"
    top_level = "### BEGIN SOLUTION\nprint(1)\n### END SOLUTION"
    assert strip_code_solutions(top_level) == "# your code here"
    header_with_comment = (
        "if ready:  # a comment: with a colon\n    ### BEGIN SOLUTION\n    go()\n    ### END SOLUTION"
    )
    assert strip_code_solutions(header_with_comment).endswith("    # your code here\n    pass")
    for source in (with_docstring, loop_continues, top_level, header_with_comment):
        ast.parse(strip_code_solutions(source))


def test_several_regions_in_one_cell_are_each_replaced() -> None:
    source = (
        "### BEGIN SOLUTION\na = 1\n### END SOLUTION\nx = 0\n"
        "if x:\n    ### BEGIN SOLUTION\n    print(a)\n    ### END SOLUTION\nb = 2"
    )
    result = strip_code_solutions(source)
    assert result == "a = ...  # your code here\nx = 0\nif x:\n    # your code here\n    pass\nb = 2"
    assert "print(a)" not in result


def test_a_cell_without_markers_is_returned_unchanged() -> None:
    source = "x = 1  # BEGIN with a comment that is not a marker\nprint(x)"
    assert strip_code_solutions(source) == source
    assert strip_markdown_solutions("Some *text*.") == "Some *text*."


def test_a_written_answer_between_markdown_markers_becomes_the_prompt() -> None:
    source = (
        "**Question.** Why?\n\n<!-- BEGIN SOLUTION -->\nBecause of the mechanism.\nAnd more.\n"
        "<!-- END SOLUTION -->\n\nNext."
    )
    assert strip_markdown_solutions(source) == f"**Question.** Why?\n\n{ANSWER_PROMPT}\n\nNext."


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("x = 1\n### BEGIN SOLUTION\nanswer = 2", 2, "never closed"),
        ("answer = 2\n### END SOLUTION", 2, "without a '### BEGIN SOLUTION'"),
        (
            "### BEGIN SOLUTION\na = 1\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\n### END SOLUTION",
            3,
            "nested",
        ),
        ("## BEGIN SOLUTION\nanswer = 2\n## END SOLUTION", 1, "looks like a solution marker"),
        ("### begin solution\nanswer = 2\n### end solution", 1, "looks like a solution marker"),
        ("x = 1\n    ### BEGIN SOLUTION extra\nanswer = 2", 2, "looks like a solution marker"),
    ],
)
def test_bad_code_markers_are_refused_with_the_line(source: str, line: int, words: str) -> None:
    with pytest.raises(MarkerError) as error:
        strip_code_solutions(source)
    assert error.value.line == line
    assert words in str(error.value)


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("Q\n<!-- BEGIN SOLUTION -->\nanswer", 2, "never closed"),
        ("Q\n<!-- END SOLUTION -->", 2, "without"),
        ("<!--BEGIN SOLUTION-->\nanswer\n<!--END SOLUTION-->", 1, "looks like a solution marker"),
        ("Q\n### BEGIN SOLUTION\nanswer\n### END SOLUTION", 2, "marker for code cells"),
    ],
)
def test_bad_markdown_markers_are_refused_with_the_line(source: str, line: int, words: str) -> None:
    with pytest.raises(MarkerError) as error:
        strip_markdown_solutions(source)
    assert error.value.line == line
    assert words in str(error.value)
