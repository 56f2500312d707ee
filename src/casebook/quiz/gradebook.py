"""Grades into the LMS: a gradebook file for Canvas and one for Moodle, one points column per quiz.

``write_gradebooks(exports, out_dir, roster)`` takes the merged results (the newest export per
student and quiz, as ``casebook results merge`` keeps them) and writes:

- ``gradebook-canvas.csv``: the columns Canvas's gradebook export has and its import reads
  (``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``), a ``Points Possible`` row,
  then one row per student. The student's identifier goes in ``SIS Login ID``; ``ID`` (Canvas's own
  number) stays empty, so Canvas matches on the login. Each quiz is a new assignment column named by
  its title; Canvas offers to create it on import.
- ``gradebook-moodle.csv``: ``Username``, ``Name`` and one column per quiz. In Moodle's CSV grade
  import, map ``Username`` to the user field ``username`` (or ``idnumber``/``email``, whatever the
  roster holds) and each quiz column to a grade item, or to a new one.

The identifier is the hub's user name (``user`` in a handed-in export), else the name the student
typed. A roster CSV (``hub_user,lms_id``) replaces it with the LMS's identifier; students missing
from the roster keep their hub name and are reported. A student who did not hand a quiz in gets an
empty cell, which both systems leave unchanged. Points come from the exported answers, capped at the
quiz's maximum.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.files import UnreadableFile, read_text_bounded, write_atomic
from casebook.problems import Problem

CANVAS_FILE = "gradebook-canvas.csv"
MOODLE_FILE = "gradebook-moodle.csv"
CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_COLUMNS = ("Username", "Name")
ROSTER_COLUMNS = ("hub_user", "lms_id")


@dataclass(frozen=True)
class QuizColumn:
    """One quiz as a gradebook column: its id, its column title and its points possible."""

    quiz: str
    title: str
    max_points: float


@dataclass
class Student:
    """One student's row: who, under what identifier, and points per quiz id."""

    identifier: str
    name: str
    points: dict[str, float]


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (names and titles are untrusted)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def points_of(export: Mapping[str, Any]) -> tuple[float, float]:
    """An export's points and points possible, summed over its answers; points never above the max."""
    points = sum(float(a.get("points", 0) or 0) for a in export["answers"])
    possible = sum(float(a.get("max_points", 0) or 0) for a in export["answers"])
    return round(min(points, possible), 4), round(possible, 4)


def identifier_of(export: Mapping[str, Any]) -> str:
    """The hub's user name of a handed-in export, else the name the student typed."""
    user = export.get("user")
    if isinstance(user, str) and user.strip():
        return user.strip()
    return str(export.get("name", "")).strip()


def read_roster(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """A roster CSV's map from hub user name to LMS identifier, and its problems (never raises)."""
    try:
        text = read_text_bounded(path)
    except UnreadableFile as error:
        return {}, [error.problem]
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in ROSTER_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        return {}, [Problem(str(path), "a roster needs the columns hub_user,lms_id", field=missing[0])]
    roster: dict[str, str] = {}
    problems: list[Problem] = []
    for number, row in enumerate(reader, start=2):
        hub_user, lms_id = ((row.get(c) or "").strip() for c in ROSTER_COLUMNS)
        if not hub_user or not lms_id:
            field = "hub_user" if not hub_user else "lms_id"
            problems.append(Problem(str(path), "is empty; the row was skipped", field=field, row=number))
            continue
        roster[hub_user.casefold()] = lms_id
    return roster, problems


def gradebook_rows(
    exports: list[dict[str, Any]], roster: Mapping[str, str] | None = None
) -> tuple[list[QuizColumn], list[Student], list[str]]:
    """The quiz columns, one row per student (sorted by identifier), and notes on unmapped students."""
    columns: dict[str, QuizColumn] = {}
    students: dict[str, Student] = {}
    unmapped: set[str] = set()
    for export in sorted(exports, key=lambda e: e["quiz"]):
        points, possible = points_of(export)
        quiz = export["quiz"]
        old = columns.get(quiz)
        columns[quiz] = QuizColumn(
            quiz,
            str(export.get("title") or quiz).strip() or quiz,
            max(possible, old.max_points if old else 0),
        )
        identifier = identifier_of(export)
        if roster is not None:
            mapped = roster.get(identifier.casefold())
            if mapped is None:
                unmapped.add(identifier)
            identifier = mapped or identifier
        student = students.setdefault(identifier.casefold(), Student(identifier, export["name"].strip(), {}))
        student.points[quiz] = points
    titles = [column.title for column in columns.values()]
    quiz_columns = [
        QuizColumn(c.quiz, f"{c.title} [{c.quiz}]" if titles.count(c.title) > 1 else c.title, c.max_points)
        for c in columns.values()
    ]
    notes = [
        f"{name}: not in the roster, so the gradebook uses the hub's user name" for name in sorted(unmapped)
    ]
    return quiz_columns, sorted(students.values(), key=lambda s: s.identifier.casefold()), notes


def _points_cell(student: Student, column: QuizColumn) -> str:
    value = student.points.get(column.quiz)
    return "" if value is None else f"{value:g}"


def canvas_csv(columns: list[QuizColumn], students: list[Student]) -> str:
    """The Canvas gradebook import file as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*CANVAS_COLUMNS, *(spreadsheet_safe(c.title) for c in columns)])
    writer.writerow(["Points Possible", "", "", "", "", *(f"{c.max_points:g}" for c in columns)])
    for student in students:
        writer.writerow(
            [spreadsheet_safe(student.name), "", "", spreadsheet_safe(student.identifier), "",
             *(_points_cell(student, c) for c in columns)]
        )  # fmt: skip
    return out.getvalue()


def moodle_csv(columns: list[QuizColumn], students: list[Student]) -> str:
    """The Moodle CSV grade import file as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*MOODLE_COLUMNS, *(spreadsheet_safe(c.title) for c in columns)])
    for student in students:
        writer.writerow(
            [spreadsheet_safe(student.identifier), spreadsheet_safe(student.name),
             *(_points_cell(student, c) for c in columns)]
        )  # fmt: skip
    return out.getvalue()


def write_gradebooks(
    exports: list[dict[str, Any]], out_dir: Path, roster_path: Path | None = None
) -> tuple[list[Path], list[Problem], list[str]]:
    """Write both gradebook files; returns the paths written, roster problems and notes."""
    roster, problems = read_roster(roster_path) if roster_path is not None else (None, [])
    columns, students, notes = gradebook_rows(exports, roster if roster_path is not None else None)
    written = [
        write_atomic(out_dir / CANVAS_FILE, canvas_csv(columns, students)),
        write_atomic(out_dir / MOODLE_FILE, moodle_csv(columns, students)),
    ]
    return written, problems, notes
