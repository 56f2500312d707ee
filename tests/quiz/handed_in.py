"""Handed-in exports for the merge tests: made the way a learner's kernel makes them."""

from __future__ import annotations

import csv
from pathlib import Path

from casebook.quiz.export import build_export, write_export
from casebook.quiz.state import QuestionState, submit


def export_for(
    quiz, name: str, answers: dict[str, object], folder: Path, exported: str | None = None
) -> Path:
    """Submit ``answers`` as a learner would, export them, and give the file a name of its own."""
    states = {}
    for question_id, answer in answers.items():
        states[question_id], _ = submit(quiz.question(question_id), QuestionState(), answer)
    data = build_export(quiz, states, name)
    if exported:
        data["exported"] = exported
    folder.mkdir(parents=True, exist_ok=True)
    path = write_export(data, folder)
    return path.rename(folder / f"casebook-answers-{quiz.id}-{sum(map(ord, name))}.json")


def hand_in_class(quiz, folder: Path) -> Path:
    """Three learners' exports (one in a subfolder, one whose name is a spreadsheet formula)."""
    export_for(quiz, "Ada", {"one": 1, "many": [0, 2], "thoughts": "Check every figure."}, folder)
    export_for(quiz, "Bo", {"one": 0, "many": [0]}, folder / "sub")
    export_for(quiz, '=HYPERLINK("http://x")', {"one": 1}, folder)
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows as mappings by column."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
