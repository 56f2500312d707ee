"""The teacher's view of a class's hand-ins: per question, how many answered, the share right, and
the most common wrong answers (pure logic; ``class_widget`` shows it, ``plots.class_results`` draws it).

It reads the hand-in folder with the same functions as ``casebook results merge`` (the newest export
per student and quiz counts), so the notebook and the CSV files never disagree. Files that are not
usable exports are named and skipped; an empty or missing folder is a state, not an error.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casebook.problems import Problem
from casebook.quiz.regrade import GradedExport
from casebook.quiz.results import EXPORT_GLOB, merge
from casebook.quiz.teachers_copy import TeachersCopies
from casebook.quiz.verdict import ClaimTally, tally

#: How many of the most common wrong answers each question lists.
TOP_WRONG = 3


@dataclass(frozen=True)
class QuestionSummary:
    """One graded question across the class."""

    quiz: str
    question: str
    prompt: str
    students: int
    answered: int
    right: int
    wrong_answers: tuple[tuple[str, int], ...]

    @property
    def share_right(self) -> float | None:
        """Right answers as a share of those who answered (0..1), or None if nobody answered."""
        return self.right / self.answered if self.answered else None


@dataclass
class ClassSummary:
    """What the hand-in folder holds now."""

    folder: Path | None
    students: int = 0
    questions: list[QuestionSummary] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    state: str = "ready"  # "no-folder", "missing", "empty" or "ready"
    verdicts: list[ClaimTally] = field(default_factory=list)  # predictions per claim, against the kit's


def summarise_exports(exports: list[GradedExport]) -> list[QuestionSummary]:
    """Per graded question (in quiz order): students, answered, right, the most common wrong answers.

    The exports are re-graded against the teacher's copy of each quiz (``results.merge``), so what a
    student's file says about its own answers counts for nothing here either.
    """
    order: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for export in sorted(exports, key=lambda e: e.quiz.id):
        for answer in export.answers:
            if not answer.question.graded or answer.question.type == "verdict":
                continue  # predictions are counted per claim by ``verdict.tally``, not as right or wrong
            key = (export.quiz.id, answer.question.id)
            if key not in seen:
                order.append(key)
                prompt = " ".join(answer.question.prompt.split())
                seen[key] = {"prompt": prompt, "students": 0, "answered": 0, "right": 0, "wrong": Counter()}
            entry = seen[key]
            entry["students"] += 1
            if answer.outcome in ("correct", "partial", "incorrect"):
                entry["answered"] += 1
            if answer.outcome == "correct":
                entry["right"] += 1
            elif answer.outcome in ("partial", "incorrect"):
                text = " ".join((answer.answer_text or "(no answer text)").split())
                entry["wrong"][text[:120]] += 1
    return [
        QuestionSummary(quiz, question, seen[(quiz, question)]["prompt"], seen[(quiz, question)]["students"],
                        seen[(quiz, question)]["answered"], seen[(quiz, question)]["right"],
                        tuple(seen[(quiz, question)]["wrong"].most_common(TOP_WRONG)))
        for quiz, question in order
    ]  # fmt: skip


def read_class(folder: Path | None, copies: TeachersCopies | None = None) -> ClassSummary:
    """The class as the hand-in ``folder`` holds it now, re-graded (never raises)."""
    if folder is None:
        return ClassSummary(None, state="no-folder")
    if not folder.is_dir():
        return ClassSummary(folder, state="missing")
    try:
        has_files = any(not path.name.startswith(".") for path in folder.glob(EXPORT_GLOB))
    except OSError as error:
        return ClassSummary(folder, skipped=[Problem(str(folder), f"cannot be listed ({error.strerror})")])
    if not has_files:
        return ClassSummary(folder, state="empty")
    report = merge([folder], copies)
    students = {(e.user or e.name).casefold() for e in report.exports}
    notes = [str(warning) for warning in report.warnings]
    return ClassSummary(
        folder,
        len(students),
        summarise_exports(report.exports),
        report.problems,
        notes,
        verdicts=tally(report.exports),
    )
