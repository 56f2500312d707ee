"""Every lesson follows the kit's pattern: prose first, the package does the work, quizzes as data.

These are structural checks a reviewer would otherwise do by eye: the sections a lesson must have, no
helpers defined in notebooks, no answers in notebooks, no paths relative to the working directory, a
quiz of at least six questions, and plain English (Flesch-Kincaid grade near 9-10).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from casebook.quiz.model import QUESTION_TYPES
from tests.conftest import ROOT
from tests.readability import fk_grade, prose

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CONTENT = [p for p in LESSONS if not p.name.startswith("00_")]
QUIZ_CALL = re.compile(r"show_quiz\(\s*[\"']([\w-]+)[\"']")
MAX_GRADE = 11.5


def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _code(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "code")


def _headings(path: Path) -> list[str]:
    return [line.lstrip("#").strip().lower() for line in _markdown(path).splitlines() if line.startswith("#")]


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_lesson_has_the_required_sections(path: Path) -> None:
    headings = _headings(path)
    text = _markdown(path).lower()
    first = headings[0][:2] if headings else ""
    assert first == path.name[:2], f"{path.name}: the first heading must be the numbered title"
    for needed in ("learning objectives", "discussion", "key points", "sources"):
        assert any(h.startswith(needed) for h in headings), f"{path.name}: no '{needed}' section"
    for needed in ("overview", "minutes", "prerequisites"):
        assert needed in text, f"{path.name}: no {needed} stated"


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.name)
def test_lesson_has_a_content_note_where_it_touches_torture_or_deaths(path: Path) -> None:
    text = _markdown(path).lower()
    if re.search(r"\btortur|\bdied\b|\bdeaths?\b", text):
        assert "content note" in text, f"{path.name}: mentions torture or deaths without a content note"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_defines_no_helpers_and_reads_no_relative_paths(path: Path) -> None:
    code = _code(path)
    assert not re.search(r"^\s*(def|class)\s", code, re.M), f"{path.name}: define helpers in the package"
    assert "pandas" not in code, f"{path.name}: pandas costs every kernel ~30% memory; use casebook.data"
    assert not re.search(r"['\"]\.\.?/", code), f"{path.name}: read files through casebook.data, not paths"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_shows_keywords_and_key_terms_the_package_way(path: Path) -> None:
    code = _code(path)
    kwic_loop = re.search(r"^\s*for\s.+\bkwic(_sentences)?\(.*:\s*\n(\s+.*\n)*?\s+print\(", code + "\n", re.M)
    assert not kwic_loop, f"{path.name}: show keyword-in-context lines with tables.table, not a print loop"
    assert not re.search(r"\.term\s+in\s*[(\[{]", code), (
        f"{path.name}: name the key terms as a selection in glossary.csv and read it with glossary.selection"
    )


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_shows_at_least_six_questions_kept_out_of_the_notebook(path: Path) -> None:
    quiz_ids = QUIZ_CALL.findall(_code(path))
    assert quiz_ids, f"{path.name}: no show_quiz(...) call"
    shown = 0
    for quiz_id in quiz_ids:
        quiz_file = ROOT / "data" / "quizzes" / f"{quiz_id}.yaml"
        assert quiz_file.exists(), f"{path.name}: quiz {quiz_id} has no file {quiz_file.name}"
        questions = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))["questions"]
        if quiz_id.endswith("_predict"):  # predict-first: only verdicts, shown before the kit's verdict
            assert {q["type"] for q in questions} == {"verdict"}, f"{quiz_file.name}: only verdict questions"
        else:
            shown += len(questions)
    # the exit ticket (5-6, tests/test_lesson_minutes.py) and the practice quiz together
    assert shown >= 6, f"{path.name}: {shown} questions in its quizzes, a lesson needs 6"
    assert "correct: true" not in _code(path) + _markdown(path)


def test_every_question_type_is_used_across_the_lessons() -> None:
    used = set()
    for path in LESSONS:
        for quiz_id in QUIZ_CALL.findall(_code(path)):
            quiz = yaml.safe_load((ROOT / "data" / "quizzes" / f"{quiz_id}.yaml").read_text(encoding="utf-8"))
            used |= {q["type"] for q in quiz["questions"]}
    expected = set(QUESTION_TYPES)  # every type the engine has, the verdict prediction included
    assert expected <= used, f"question types never used in a lesson: {sorted(expected - used)}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_prose_reads_near_grade_nine_to_ten(path: Path) -> None:
    grade = fk_grade(prose(_markdown(path)))
    assert grade <= MAX_GRADE, f"{path.name}: Flesch-Kincaid grade {grade:.1f}; shorten sentences and words"


def test_readability_measure_tells_plain_from_dense_text() -> None:
    plain = "The report was read out in Vienna. It named many abuses. States asked for it."
    dense = (
        "The aforementioned documentation, notwithstanding considerable methodological heterogeneity, "
        "substantiates systematic contraventions of internationally recognised obligations."
    )
    assert fk_grade(prose(plain)) < 6 < 14 < fk_grade(prose(dense))
