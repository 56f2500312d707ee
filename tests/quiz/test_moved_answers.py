"""Answers saved before a lesson's quiz was split follow their questions into the practice quiz.

A practice quiz names the quiz its questions were asked under before (``moved_from``); the answers saved
there for those questions are copied into it once, never over an answer saved since, and a corrupt old
file is moved aside with one warning naming it. The learner's export, and so the teacher's merge, then
holds the moved answers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from casebook.quiz import load_quiz, show_quiz
from casebook.quiz.load import validate_quiz_file
from casebook.quiz.progress import ProgressStore
from casebook.quiz.results import merge_exports
from casebook.quiz.teachers_copy import TeachersCopies
from tests.conftest import ROOT

OLD = """
id: lesson
title: "The lesson's quiz, before the split"
questions:
  - id: kept
    type: single
    prompt: "Stays in the exit ticket?"
    options:
      - {text: "Yes", correct: true}
      - {text: "No"}
"""

PRACTICE = """
id: lesson_practice
title: "Practice"
moved_from: [lesson]
questions:
  - id: moved
    type: single
    prompt: "Moved to the practice quiz?"
    options:
      - {text: "Yes", correct: true}
      - {text: "No"}
  - id: other
    type: single
    prompt: "Another moved question?"
    options:
      - {text: "Yes", correct: true}
      - {text: "No"}
"""


def _record(answer: int, status: str = "correct") -> dict[str, object]:
    return {"answer": answer, "status": status, "score": 1.0 if status == "correct" else 0.0, "attempts": 1}


@pytest.fixture
def old_answers(progress_dir: Path) -> ProgressStore:
    """Answers saved under the old quiz id: one for a question that stayed, two for questions that moved."""
    old = ProgressStore("lesson")
    old.save_name("Ada")
    for qid, answer in (("kept", 0), ("moved", 0), ("other", 1)):
        old.save_answer(qid, _record(answer, "correct" if answer == 0 else "incorrect"))
    return old


def test_moved_answers_are_copied_and_the_old_file_keeps_its_own(old_answers: ProgressStore) -> None:
    store = ProgressStore("lesson_practice")
    assert sorted(store.take_moved(["lesson"], ["moved", "other"])) == ["moved", "other"]
    saved = store.load()
    assert {qid: r["answer"] for qid, r in saved["answers"].items()} == {"moved": 0, "other": 1}
    assert saved["name"] == "Ada" and "lesson" in saved["taken_from"]
    assert set(old_answers.load()["answers"]) == {"kept", "moved", "other"}  # copied, not moved


def test_questions_not_in_the_new_quiz_stay_put(old_answers: ProgressStore) -> None:
    store = ProgressStore("lesson_practice")
    store.take_moved(["lesson"], ["moved"])
    assert set(store.load()["answers"]) == {"moved"}


def test_an_answer_saved_under_the_new_quiz_is_never_overwritten(old_answers: ProgressStore) -> None:
    store = ProgressStore("lesson_practice")
    store.save_answer("moved", _record(1, "incorrect"))
    assert store.take_moved(["lesson"], ["moved", "other"]) == ["other"]
    assert store.load()["answers"]["moved"]["answer"] == 1


def test_taking_is_done_once_per_old_quiz_so_a_reset_stays_reset(old_answers: ProgressStore) -> None:
    store = ProgressStore("lesson_practice")
    store.take_moved(["lesson"], ["moved", "other"])
    before = store.path.read_text(encoding="utf-8")
    assert store.take_moved(["lesson"], ["moved", "other"]) == []  # idempotent
    assert store.path.read_text(encoding="utf-8") == before
    store.clear()
    assert store.take_moved(["lesson"], ["moved", "other"]) == []
    assert store.load()["answers"] == {}


def test_nothing_saved_under_the_old_quiz_takes_nothing_and_marks_nothing(progress_dir: Path) -> None:
    store = ProgressStore("lesson_practice")
    assert store.take_moved(["lesson"], ["moved"]) == []
    assert not store.path.exists()


def test_a_corrupt_old_file_is_moved_aside_with_a_message_naming_it(progress_dir: Path) -> None:
    progress_dir.mkdir(parents=True)
    (progress_dir / "lesson.json").write_text('{"answers": {"moved": ', encoding="utf-8")
    heard: list[str] = []
    store = ProgressStore("lesson_practice", warn=heard.append)
    assert store.take_moved(["lesson"], ["moved"]) == []
    assert len(heard) == 1 and str(progress_dir / "lesson.json") in heard[0] and "moved to" in heard[0]
    assert heard == store.warnings
    aside = list(progress_dir.glob("lesson.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == '{"answers": {"moved": '
    assert store.load()["answers"] == {}


def test_validate_names_an_unknown_moved_from_id(write_quiz: Callable[[str, str], Path]) -> None:
    write_quiz(OLD, "lesson")
    two = PRACTICE.replace("moved_from: [lesson]", "moved_from: [lesson, lessen_two]")
    path = write_quiz(two, "lesson_practice")
    problems = validate_quiz_file(path, transcript=None)
    assert [(p.field, p.file) for p in problems] == [("moved_from[1]", str(path))]
    assert "'lessen_two'" in problems[0].message and "lessen_two.yaml" in problems[0].message
    assert validate_quiz_file(write_quiz(PRACTICE, "lesson_practice"), transcript=None) == []
    itself = write_quiz(PRACTICE.replace("[lesson]", "[lesson_practice]"), "lesson_practice")
    assert "the quiz itself" in validate_quiz_file(itself, transcript=None)[0].message


def test_show_quiz_takes_the_moved_answers_and_export_and_merge_see_them(
    old_answers: ProgressStore, write_quiz: Callable[[str, str], Path], tmp_path: Path
) -> None:
    write_quiz(OLD, "lesson")
    practice_file = write_quiz(PRACTICE, "lesson_practice")
    view = show_quiz(practice_file, export_dir=tmp_path / "handed-in")
    assert {qid: s.answer for qid, s in view.states().items()} == {"moved": 0, "other": 1}
    assert view.name.value == "Ada"
    exported = view.export()
    assert exported is not None
    answers = {a["id"]: a for a in json.loads(exported.read_text(encoding="utf-8"))["answers"]}
    assert answers["moved"]["status"] == "correct" and answers["other"]["status"] == "incorrect"

    practice = load_quiz(practice_file, transcript=None)
    copies = TeachersCopies([practice], shipped=False)
    report = merge_exports([tmp_path / "handed-in"], tmp_path / "results", copies)
    assert report.problems == []
    with (tmp_path / "results" / "results.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["question"]: row for row in csv.DictReader(handle)}
    assert (rows["moved"]["right"], rows["other"]["not_right"]) == ("1", "1")
    assert rows["moved"]["not_answered"] == rows["other"]["not_answered"] == "0"


@pytest.mark.parametrize(
    "practice_file",
    sorted((ROOT / "data" / "quizzes").glob("[0-9][0-9]_*_practice.yaml")),
    ids=lambda p: p.stem,
)
def test_every_shipped_practice_quiz_names_the_exit_ticket_its_questions_left(practice_file: Path) -> None:
    assert load_quiz(practice_file.stem).moved_from == (practice_file.stem.removesuffix("_practice"),)
