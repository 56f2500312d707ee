"""A lesson's exit ticket and its practice quiz are two quizzes a class hands in side by side.

Splitting a lesson's questions must not break the teacher's side: `casebook results merge` and the
class view re-grade each quiz against its own shipped copy, and every question keeps its id, so a
question answered in either quiz lands in the teacher's table under its quiz.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from casebook.quiz import load_quiz
from casebook.quiz.class_view import read_class
from casebook.quiz.export import build_export, write_export
from casebook.quiz.results import merge_exports
from casebook.quiz.state import QuestionState, submit
from tests.conftest import ROOT

PRACTICE = sorted((ROOT / "data" / "quizzes").glob("[0-9][0-9]_*_practice.yaml"))


def _right_answer(quiz):  # noqa: ANN001, ANN202
    """The first question whose options mark the right one(s), with its right answer."""
    for question in quiz.questions:
        options = getattr(question, "options", None)
        if options and all(hasattr(option, "correct") for option in options):
            right = [index for index, option in enumerate(options) if option.correct]
            return question, (right if question.type == "multiple" else right[0])
    raise AssertionError(f"{quiz.id}: no question with marked options")


@pytest.mark.parametrize("practice_file", PRACTICE, ids=lambda p: p.stem)
def test_both_quizzes_of_a_lesson_merge_in_the_class_view(practice_file: Path, tmp_path: Path) -> None:
    practice = load_quiz(practice_file.stem)
    ticket = load_quiz(practice_file.stem.removesuffix("_practice"))
    assert not {q.id for q in ticket.questions} & {q.id for q in practice.questions}
    handed_in = tmp_path / "handed-in"
    answered = {}
    for quiz in (ticket, practice):
        question, answer = _right_answer(quiz)
        state, _ = submit(question, QuestionState(), answer)
        write_export(build_export(quiz, {question.id: state}, "Ada"), handed_in)
        answered[quiz.id] = question.id

    report = merge_exports([handed_in], tmp_path / "results")
    assert report.problems == []
    with (tmp_path / "results" / "results.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for quiz in (ticket, practice):
        ids = [row["question"] for row in rows if row["quiz"] == quiz.id]
        assert ids == [q.id for q in quiz.questions], f"{quiz.id}: the teacher's rows"

    view = read_class(handed_in)
    assert view.state == "ready" and view.students == 1 and view.skipped == []
    right = {(s.quiz, s.question) for s in view.questions if s.right == 1}
    assert right == {(quiz_id, question_id) for quiz_id, question_id in answered.items()}
