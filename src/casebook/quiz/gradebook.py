"""Grades into the LMS: a gradebook file for Canvas and one for Moodle, one points column per quiz.

``casebook results merge`` passes its re-graded results (one export per student and quiz, graded
again against the teacher's copy, so a student's own claims about points count for nothing) to
``gradebook_rows``, and writes, beside its other outputs:

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
empty cell, which both systems leave unchanged. Points are the re-graded scores times each
question's points in the teacher's copy.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from casebook.files import UnreadableFile, read_text_bounded
from casebook.problems import Problem
from casebook.quiz.regrade import GradedExport
from casebook.untrusted_text import for_terminal

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


def points_of(export: GradedExport) -> tuple[float, float]:
    """A re-graded export's points and the quiz's points possible, both from the teacher's copy."""
    points = sum(
        answer.question.points * answer.score for answer in export.answers if answer.score is not None
    )
    possible = export.quiz.max_points
    return round(min(points, possible), 4), round(possible, 4)


def identifier_of(export: GradedExport) -> str:
    """The hub's user name of a handed-in export, else the name the student typed."""
    return export.user or export.name


def read_roster(path: Path) -> tuple[dict[str, str], list[Problem]]:
    """A roster CSV's map from hub user name (folded) to LMS identifier, and its problems (never raises)."""
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


def unmapped_students(
    exports: list[GradedExport], roster: Mapping[str, str], roster_path: Path | None = None
) -> list[Problem]:
    """One warning per student the roster does not name: the gradebook keeps their hub name."""
    missing = sorted({identifier_of(e) for e in exports if identifier_of(e).casefold() not in roster})
    return [
        Problem(
            str(roster_path or "roster"),
            f"'{for_terminal(name, 60)}' is not in the roster, so the gradebook uses the hub's user name",
            field="hub_user",
        )
        for name in missing
    ]


def gradebook_rows(
    exports: list[GradedExport], roster: Mapping[str, str] | None = None
) -> tuple[list[QuizColumn], list[Student]]:
    """The quiz columns and one row per student (sorted by identifier), from re-graded exports."""
    columns: dict[str, QuizColumn] = {}
    students: dict[str, Student] = {}
    for export in sorted(exports, key=lambda e: e.quiz.id):
        points, possible = points_of(export)
        quiz = export.quiz.id
        columns[quiz] = QuizColumn(quiz, export.quiz.title.strip() or quiz, possible)
        identifier = identifier_of(export)
        if roster is not None:
            identifier = roster.get(identifier.casefold()) or identifier
        student = students.setdefault(identifier.casefold(), Student(identifier, export.name, {}))
        student.points[quiz] = points
    titles = [column.title for column in columns.values()]
    quiz_columns = [
        QuizColumn(c.quiz, f"{c.title} [{c.quiz}]" if titles.count(c.title) > 1 else c.title, c.max_points)
        for c in columns.values()
    ]
    return quiz_columns, sorted(students.values(), key=lambda s: s.identifier.casefold())


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
