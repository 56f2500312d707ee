"""The shipped solutions and exercises: one per lesson, each a real mix of tasks, every lesson check
used exactly once, and nothing of a solution left in its exercise.

Running them is nbval's job (``make test`` runs both folders in strict mode); these tests read them.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from casebook.checks import DEFAULT
from tests.conftest import ROOT

LESSONS = [
    "01_the_briefing",
    "02_osce_human_dimension",
    "03_moscow_mechanism",
    "04_claims_and_evidence",
    "05_counting_prisoners",
    "06_documentation_to_accountability",
]
TRANSCRIPT_READING = re.compile(r"\.(kwic|passage|hedges|numbers|quirks|exchanges)\(")
WRITTEN = re.compile(r"<!-- BEGIN SOLUTION -->\n(.*?)\n<!-- END SOLUTION -->", re.S)


def read(folder: str, lesson: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / folder / f"{lesson}.ipynb", as_version=4)


def check_calls(source: str) -> list[tuple[str, ast.expr]]:
    """Each ``check("id", value)`` call in a cell: its id and the value's expression."""
    calls = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "check":
            first = node.args[0]
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), ast.unparse(node)
            calls.append((first.value, node.args[1]))
    return calls


def test_there_is_one_solution_and_one_exercise_per_lesson_and_nothing_else() -> None:
    assert sorted(p.stem for p in (ROOT / "solutions").glob("*.ipynb")) == LESSONS
    assert sorted(p.stem for p in (ROOT / "exercises").glob("*.ipynb")) == LESSONS


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_solution_names_its_lesson_and_explains_check(lesson: str) -> None:
    first = read("solutions", lesson).cells[0]
    assert first.cell_type == "markdown"
    assert first.source.startswith(f"# Exercises {lesson[:2]}: ")
    assert f"practise lesson {lesson[:2]}" in first.source
    assert "`check(...)`" in first.source and "Not answered yet" in first.source


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_solution_mixes_code_transcript_reading_and_written_answers(lesson: str) -> None:
    nb = read("solutions", lesson)
    tasks = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Task ")]
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    written = [answer for c in nb.cells if c.cell_type == "markdown" for answer in WRITTEN.findall(c.source)]
    assert len(tasks) >= 4
    assert len(check_calls(code)) >= 4
    assert TRANSCRIPT_READING.search(code), "no task reads the transcript"
    assert len(written) >= 2 and all(len(answer.split()) >= 20 for answer in written)


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_solution_defines_no_helpers_and_reads_data_only_through_the_package(lesson: str) -> None:
    code = "\n".join(c.source for c in read("solutions", lesson).cells if c.cell_type == "code")
    assert not re.search(r"^\s*(def|class)\s", code, re.M)
    assert "pandas" not in code and "open(" not in code
    assert not re.search(r"['\"][^'\"]*\.(csv|json|txt)['\"]", code), "read data with casebook.data"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_check_of_the_lesson_is_used_once_and_no_other(lesson: str) -> None:
    nb = read("solutions", lesson)
    used = [i for c in nb.cells if c.cell_type == "code" for i, _ in check_calls(c.source)]
    defined = [i for i in DEFAULT.ids() if i.startswith(f"ex{lesson[:2]}.")]
    assert sorted(used) == defined
    assert used == sorted(used), "tasks check their questions in order"


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_checked_answer_in_the_exercise_is_the_placeholder(lesson: str) -> None:
    """In the student copy, each value given to check() was last set to ``...`` in the same cell."""
    for cell in read("exercises", lesson).cells:
        if cell.cell_type != "code":
            continue
        for check_id, value in check_calls(cell.source):
            assert isinstance(value, ast.Name), f"{check_id}: check a name, not {ast.unparse(value)}"
            assigned = [
                node.value
                for node in ast.parse(cell.source).body
                if isinstance(node, ast.Assign)
                and any(getattr(t, "id", "") == value.id for t in node.targets)
            ]
            assert assigned and isinstance(assigned[-1], ast.Constant) and assigned[-1].value is Ellipsis, (
                f"{lesson} {check_id}: {value.id} is not left as ... for the student"
            )


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_model_answer_reaches_the_exercise(lesson: str) -> None:
    solution, exercise = read("solutions", lesson), read("exercises", lesson)
    student_text = "\n".join(c.source for c in exercise.cells)
    answers = [a for c in solution.cells if c.cell_type == "markdown" for a in WRITTEN.findall(c.source)]
    for answer in answers:
        assert answer.splitlines()[0] not in student_text
    prompts = [c for c in exercise.cells[1:] if c.source.endswith("\n\n*Write your answer here.*")]
    assert len(prompts) == len(answers), "each written answer becomes exactly one prompt"
    assert "require_answers" not in student_text
