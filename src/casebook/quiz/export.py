""" "Export my answers": one JSON file a learner can hand in, and reading such files back.

The file, ``casebook-answers-<quiz id>.json``, follows ``answers.schema.json`` (shipped beside this
module)::

    {"format": "casebook-answers", "version": 1, "quiz": "00_start_here",
     "quiz_version": "sha256:...", "title": "...",
     "name": "Ada", "exported": "2026-05-11T10:00:00+00:00",
     "score": {"points": 5.5, "max_points": 7, "answered": 8, "questions": 8},
     "answers": [{"id": "restart", "type": "single", "prompt": "...", "answer": 1,
                  "answer_text": "Restart the kernel ...", "status": "correct", "score": 1.0,
                  "points": 1.0, "max_points": 1.0, "attempts": 1, "revealed": false}, ...]}

``quiz_version`` (added later; older exports lack it) fingerprints the quiz the learner answered, so
the teacher's merge can tell when it grades against a different copy. Everything else but the
answers themselves (status, score, points, prompts) is what the learner's kernel reported: the merge
re-grades every answer against the teacher's copy of the quiz and trusts none of it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

from casebook.authored_schema import error_order, schema_problems
from casebook.authored_yaml import field_name
from casebook.files import UnreadableFile, read_text_bounded, write_atomic
from casebook.problems import Problem
from casebook.quiz.answers import describe_answer
from casebook.quiz.model import Quiz
from casebook.quiz.progress import now
from casebook.quiz.schema import validator
from casebook.quiz.state import QuestionState, summarise
from casebook.untrusted_text import for_terminal

FORMAT = "casebook-answers"

# What a handed-in file may hold at the most (a quiz's answers, reflections included, fit many times
# over); anything beyond is refused before it can cost the teacher's machine time or memory.
MAX_EXPORT_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32
MAX_VALUES = 100_000
MAX_STRING_CHARS = 100_000
MAX_ANSWERS = 1_000
MAX_SCHEMA_PROBLEMS = 5


def quiz_version(quiz: Quiz) -> str:
    """A fingerprint of everything in a quiz that grading and the teacher's table use.

    Two copies of a quiz with the same questions, options, answers and points have the same
    fingerprint, whatever their comments or layout; any change to what is asked or graded changes it.
    """
    content = {
        "id": quiz.id,
        "title": quiz.title,
        "seed": quiz.seed,
        "questions": [{"type": question.type, **asdict(question)} for question in quiz.questions],
    }
    text = json.dumps(content, sort_keys=True, ensure_ascii=True, default=str)
    return "sha256:" + hashlib.sha256(text.encode("ascii")).hexdigest()


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
        "quiz_version": quiz_version(quiz),
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
    """Write an export into ``folder`` (atomically) and return the file's path.

    Raises UnreadableFile (one plain line naming the place) when the folder cannot be written.
    """
    text = json.dumps(export, ensure_ascii=False, indent=2)
    return write_atomic(folder / export_name(export["quiz"]), text)


def read_export(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """An export file's content, or the problems that make it unusable (never raises).

    Nothing in the file is trusted: it is read only if it is a regular file of at most
    ``MAX_EXPORT_BYTES`` (a FIFO or a link to a device is refused at once), then checked for depth,
    size, numbers JSON does not have (NaN, Infinity) and the shape in ``answers.schema.json``.
    """
    file = str(path)
    try:
        text = read_text_bounded(path, MAX_EXPORT_BYTES)
    except UnreadableFile as unreadable:
        return None, [unreadable.problem]
    try:
        data = json.loads(text)
    except RecursionError:
        return None, [Problem(file, f"nested too deeply (more than {MAX_DEPTH} levels) to be an export")]
    except ValueError as exc:
        return None, [Problem(file, f"not valid JSON ({for_terminal(str(exc))})")]
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None, [Problem(file, "not a casebook answers export (its 'format' is not 'casebook-answers')")]
    answers = data.get("answers")
    if isinstance(answers, list) and len(answers) > MAX_ANSWERS:
        message = f"{len(answers):,} answers; an export holds at most {MAX_ANSWERS:,}, so it was not read"
        return None, [Problem(file, message, field="answers")]
    shape = bound_problem(data)
    if shape is not None:
        where, message = shape
        return None, [Problem(file, message, field=field_name(where) or None)]
    errors = sorted(validator("answers.schema.json").iter_errors(data), key=error_order)
    problems = [
        dataclasses.replace(problem, message=for_terminal(problem.message, 300))
        for problem in schema_problems(file, errors[:MAX_SCHEMA_PROBLEMS])
    ][:MAX_SCHEMA_PROBLEMS]
    return (None, problems) if problems else (data, [])


def bound_problem(data: Any) -> tuple[tuple[Any, ...], str] | None:
    """The first place where ``data`` goes beyond what an export can hold, with what is wrong there.

    Walks the value without recursion: at most ``MAX_DEPTH`` levels, ``MAX_VALUES`` values, strings of
    at most ``MAX_STRING_CHARS`` characters, and finite numbers only (Python's JSON reads NaN and
    Infinity, which JSON itself does not allow and which would spoil every mean).
    """
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    seen = 0
    while stack:
        where, value = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            return (), f"holds more than {MAX_VALUES:,} values, far more than any quiz's answers"
        if len(where) > MAX_DEPTH:
            return where[:MAX_DEPTH], f"nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, float) and not math.isfinite(value):
            return where, f"{value} is not a number JSON allows"
        if isinstance(value, str) and len(value) > MAX_STRING_CHARS:
            return where, f"a text of {len(value):,} characters; at most {MAX_STRING_CHARS:,} are read"
        if isinstance(value, dict):  # children pushed last first, so the walk follows the file's order
            stack += reversed([((*where, key), item) for key, item in value.items()])
        elif isinstance(value, list):
            stack += reversed([((*where, index), item) for index, item in enumerate(value)])
    return None
