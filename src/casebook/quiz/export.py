""" "Export my answers": one JSON file a learner can hand in, and reading such files back.

The file, ``casebook-answers-<quiz id>.json``, follows ``answers.schema.json`` (shipped beside this
module)::

    {"format": "casebook-answers", "version": 1, "quiz": "00_start_here", "title": "...",
     "name": "Ada", "exported": "2026-05-11T10:00:00+00:00",
     "score": {"points": 5.5, "max_points": 7, "answered": 8, "questions": 8},
     "answers": [{"id": "restart", "type": "single", "prompt": "...", "answer": 1,
                  "answer_text": "Restart the kernel ...", "status": "correct", "score": 1.0,
                  "points": 1.0, "max_points": 1.0, "attempts": 1, "revealed": false}, ...]}
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from casebook.problems import Problem
from casebook.quiz.answers import describe_answer
from casebook.quiz.model import Quiz
from casebook.quiz.progress import now
from casebook.quiz.schema import validator
from casebook.quiz.state import QuestionState, summarise

FORMAT = "casebook-answers"


def export_name(quiz_id: str) -> str:
    """The file name of a learner's export for this quiz."""
    return f"casebook-answers-{quiz_id}.json"


def build_export(quiz: Quiz, states: dict[str, QuestionState], name: str) -> dict[str, Any]:
    """The export of a learner's answers as a JSON-ready mapping."""
    summary = summarise(quiz, states)
    answers = []
    for question in quiz.questions:
        state = states.get(question.id, QuestionState())
        answers.append(
            {
                "id": question.id,
                "type": question.type,
                "prompt": question.prompt,
                "answer": state.answer,
                "answer_text": describe_answer(question, state.answer),
                "status": state.status,
                "score": state.score,
                "points": round(question.points * state.score, 4) if question.graded else 0.0,
                "max_points": question.points if question.graded else 0.0,
                "attempts": state.attempts,
                "revealed": state.revealed,
            }
        )
    return {
        "format": FORMAT,
        "version": 1,
        "quiz": quiz.id,
        "title": quiz.title,
        "name": name.strip(),
        "exported": now(),
        "score": {
            "points": summary.points,
            "max_points": summary.max_points,
            "answered": summary.answered,
            "questions": summary.questions,
        },
        "answers": answers,
    }


def write_export(export: dict[str, Any], folder: Path) -> Path:
    """Write an export into ``folder`` (atomically) and return the file's path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / export_name(export["quiz"])
    handle, temp = tempfile.mkstemp(prefix=".casebook-answers.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(export, out, ensure_ascii=False, indent=2)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path


def read_export(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """An export file's content, or the problems that make it unusable (never raises)."""
    from casebook.files import UnreadableFile, read_text_bounded
    from casebook.quiz.load import field_name

    file = str(path)
    try:  # bounded: a hand-in folder students write into may hold a FIFO or a huge file
        data = json.loads(read_text_bounded(path))
    except UnreadableFile as exc:
        return None, [exc.problem]
    except ValueError as exc:
        return None, [Problem(file, f"not valid JSON ({exc})")]
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None, [Problem(file, "not a casebook answers export (its 'format' is not 'casebook-answers')")]
    errors = sorted(
        validator("answers.schema.json").iter_errors(data), key=lambda e: list(map(str, e.absolute_path))
    )
    problems = [Problem(file, e.message, field=field_name(tuple(e.absolute_path)) or None) for e in errors]
    return (None, problems) if problems else (data, [])
