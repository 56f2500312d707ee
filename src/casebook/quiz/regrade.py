"""Re-grade one learner's export against the teacher's copy of the quiz, trusting nothing in the file.

The file is a learner's to edit. Only two things are taken from it: who says they wrote it (``name``,
not verified) and the answer given to each question the quiz has. Every answer is graded again with
the same pure graders the quiz widgets use (``casebook.quiz.grading``); the status, score, points,
prompt and type the file states are ignored, and where they differ from the re-graded result, or the
file answers questions the quiz does not have, that is reported by file and field.

Pure: no files are read or written here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from casebook.problems import Problem
from casebook.quiz.answers import describe_answer
from casebook.quiz.export import quiz_version
from casebook.quiz.grading import MAX_REFLECTION_CHARS, grade
from casebook.quiz.model import Question, Quiz
from casebook.untrusted_text import clean, for_terminal

#: How far ahead of the teacher's clock an export's time may be (a learner's clock can be wrong).
CLOCK_SLACK = timedelta(days=1)
OUTCOMES = ("correct", "partial", "incorrect", "saved", "committed", "unanswered")
_GRADED = ("correct", "partial", "incorrect", "committed")  # committed: a verdict's completion credit
_LISTED_IDS = 5  # question ids shown in one message


@dataclass(frozen=True)
class GradedAnswer:
    """One question of the quiz, as the teacher's copy grades what this learner answered."""

    question: Question
    outcome: str  # one of OUTCOMES
    score: float | None  # 0..1 for correct, partial and incorrect; None otherwise
    answer_text: str  # the answer in words, from the teacher's copy of the quiz
    attempts: int | None  # as the learner's file reports it (not verifiable)
    note: str  # what the learner's file says differently, or ""
    answer: Any = None  # the answer as the file gives it, when it grades (not "unanswered"); else None


@dataclass(frozen=True)
class GradedExport:
    """A learner's export, re-graded: one answer per question of the quiz, in the quiz's order."""

    file: Path
    quiz: Quiz
    name: str
    user: str  # the hub's user name when the file was handed in there, else ""
    exported: str
    exported_at: datetime | None  # None when unreadable or in the future: it then replaces no other file
    answers: tuple[GradedAnswer, ...]
    warnings: tuple[Problem, ...]

    @property
    def learner(self) -> str:
        """Who the file says wrote it, folded for comparison ("" for a file with no name)."""
        return " ".join(unicodedata.normalize("NFKC", self.name).casefold().split())


def exported_time(text: str, now: datetime) -> tuple[datetime | None, str | None]:
    """When an export says it was made, or None and why that time cannot be trusted."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        future = moment > now + CLOCK_SLACK
    except (ValueError, OverflowError):
        return None, f"'{for_terminal(text, 40)}' is not a date and time, so this file can replace no other"
    if future:
        return None, f"{moment.isoformat()} is in the future, so this file can replace no other"
    return moment, None


def _ids(ids: list[str]) -> str:
    shown = ", ".join(f"'{for_terminal(i, 40)}'" for i in ids[:_LISTED_IDS])
    return shown + (f" and {len(ids) - _LISTED_IDS} more" if len(ids) > _LISTED_IDS else "")


def _field(prefix: str, places: list[int], suffix: str = "") -> str:
    return f"{prefix}[{places[0]}]{suffix}" if len(places) == 1 else prefix


def _attempts(entry: dict[str, Any]) -> int | None:
    value = entry.get("attempts")
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10_000 else None


def _answer_text(question: Question, answer: Any) -> str:
    if answer is None:
        return ""
    text = clean(describe_answer(question, answer))
    return text if len(text) <= MAX_REFLECTION_CHARS else text[:MAX_REFLECTION_CHARS] + "…"


def regrade(export: dict[str, Any], file: Path, quiz: Quiz, now: datetime) -> GradedExport:
    """The export graded again against ``quiz``; ``export`` has passed ``read_export``'s checks."""
    name = str(file)
    warnings: list[Problem] = []
    version = export.get("quiz_version")
    if version is not None and version != quiz_version(quiz):
        warnings.append(
            Problem(
                name,
                f"made from another version of quiz '{quiz.id}' than the teacher's copy; "
                "its answers were graded against the teacher's copy",
                field="quiz_version",
            )
        )
    known = {question.id for question in quiz.questions}
    by_id: dict[str, tuple[int, dict[str, Any]]] = {}
    unknown: list[str] = []
    unknown_at: list[int] = []
    repeated: list[int] = []
    for place, entry in enumerate(export["answers"]):
        if entry["id"] not in known:
            unknown.append(entry["id"])
            unknown_at.append(place)
        elif entry["id"] in by_id:
            repeated.append(place)
        else:
            by_id[entry["id"]] = (place, entry)
    if unknown:
        warnings.append(
            Problem(
                name,
                f"{len(unknown)} answer{'s' if len(unknown) != 1 else ''} to questions quiz '{quiz.id}' "
                f"does not have ({_ids(unknown)}); ignored",
                field=_field("answers", unknown_at, ".id"),
            )
        )
    if repeated:
        warnings.append(
            Problem(
                name,
                "a second answer to a question already answered in this file; only the first counts",
                field=_field("answers", repeated),
            )
        )
    graded: list[GradedAnswer] = []
    differ: list[str] = []
    differ_at: list[int] = []
    for question in quiz.questions:
        place, entry = by_id.get(question.id, (-1, {}))
        answer = entry.get("answer")
        result = grade(question, answer) if answer is not None else None
        outcome = result.status if result is not None and result.status in OUTCOMES else "unanswered"
        claimed = entry.get("status") or "unanswered"
        notes = []
        if entry and claimed != outcome:
            notes.append(f"the file said '{claimed}'")
        if entry and entry.get("type") != question.type:
            notes.append(f"the file said type '{entry.get('type')}'")
        if notes:
            differ.append(question.id)
            differ_at.append(place)
        graded.append(
            GradedAnswer(
                question=question,
                outcome=outcome,
                score=result.score if result is not None and outcome in _GRADED else None,
                answer_text=_answer_text(question, answer),
                attempts=_attempts(entry),
                note="; ".join(notes),
                answer=answer if outcome != "unanswered" else None,
            )
        )
    if differ:
        warnings.append(
            Problem(
                name,
                f"the file's own status or type differs from the re-graded result for {_ids(differ)}; "
                "the re-graded result counts (see the note column of answers.csv)",
                field=_field("answers", differ_at, ".status"),
            )
        )
    exported = clean(export["exported"])
    moment, why = exported_time(exported, now)
    if why:
        warnings.append(Problem(name, why, field="exported"))
    return GradedExport(
        file=file,
        quiz=quiz,
        name=" ".join(clean(export["name"]).split()),
        user=" ".join(clean(str(export.get("user") or "")).split()),
        exported=exported,
        exported_at=moment,
        answers=tuple(graded),
        warnings=tuple(warnings),
    )
