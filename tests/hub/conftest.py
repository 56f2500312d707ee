"""Fixtures for the hub tests: real quiz exports, as students' servers would hand them in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebook.quiz.export import build_export
from casebook.quiz.load import load_quiz
from casebook.quiz.state import QuestionState, submit

QUIZ = "01_the_briefing"


def export_of(name: str, answers: dict[str, Any], quiz_name: str = QUIZ) -> dict[str, Any]:
    """A student's export after submitting ``answers`` (question id -> answer) to a kit quiz."""
    quiz = load_quiz(quiz_name)
    states = {}
    for question_id, answer in answers.items():
        states[question_id], _ = submit(quiz.question(question_id), QuestionState(), answer)
    return build_export(quiz, states, name)


@pytest.fixture
def progress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private progress folder (where each student's hand-in token is kept)."""
    folder = tmp_path / "progress"
    monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(folder))
    return folder
