"""The teacher's view: merge learners' exported answers into one table per question, and a chart.

``merge_exports(paths, out_dir)`` runs four steps, each a function of its own:

1. ``find_exports`` and ``read_exports``: every ``casebook-answers-*.json`` among the files and
   folders given, read through ``read_export`` (bounded, special files refused, shape checked);
2. ``regrade_exports``: each export graded again against the teacher's copy of its quiz
   (``TeachersCopies``), then ``one_per_learner`` keeps one file per learner and quiz;
3. ``question_rows``: one row per question of each quiz, from the quiz and the re-graded answers;
4. ``render_outputs`` then ``write_outputs``: ``results.csv`` (one row per question), ``answers.csv``
   (one row per learner and question, with the answer in words), ``results.png`` (a bar per
   question, with patterns as well as colours) and the Canvas and Moodle gradebooks
   (``casebook.quiz.gradebook``, from the re-graded points), each written whole or not at all;
   with verdict predictions, also ``verdicts.csv`` (per claim: how many learners chose each verdict,
   against the kit's verdict from the teacher's ``claims.csv``, never from a learner's file).

A file that cannot be used is reported (file, field, what is wrong) and skipped; it never stops the
merge. A file that is used but says something the re-grading does not confirm is reported as a
warning. Questions, prompts, types and points always come from the teacher's copy of the quiz.
matplotlib is imported only to draw the chart.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from casebook.files import write_atomic
from casebook.problems import Problem
from casebook.quiz.export import read_export
from casebook.quiz.gradebook import (
    CANVAS_FILE,
    MOODLE_FILE,
    canvas_csv,
    gradebook_rows,
    moodle_csv,
    read_roster,
    unmapped_students,
)
from casebook.quiz.regrade import GradedExport, regrade
from casebook.quiz.teachers_copy import TeachersCopies
from casebook.untrusted_text import for_terminal

EXPORT_GLOB = "casebook-answers-*.json"
MAX_FILES = 5_000  # far more than a class hands in; a bigger folder is almost surely the wrong one
OUTCOMES = (
    ("correct", "right", "green", ""),
    ("partial", "partly right", "orange", "//"),
    ("incorrect", "not right", "vermillion", "xx"),
    ("unanswered", "not answered", "#d9d9d9", ".."),
)
MAX_CHART_HEIGHT = 100.0  # inches: about 200 questions; a taller chart would not be read anyway


@dataclass
class QuestionRow:
    """How a class did on one question of the teacher's copy of a quiz."""

    quiz: str
    question: str
    type: str
    prompt: str
    max_points: float
    counts: dict[str, int] = field(default_factory=lambda: {key: 0 for key, *_ in OUTCOMES})
    scores: list[float] = field(default_factory=list)
    saved: int = 0
    committed: int = 0  # verdict predictions committed (completion credit, never right or wrong)

    @property
    def learners(self) -> int:
        """Learners who handed in this quiz."""
        return sum(self.counts.values()) + self.saved + self.committed

    @property
    def mean_score(self) -> float | None:
        """Mean re-graded score (0..1) over learners who answered, or None if none did."""
        return round(sum(self.scores) / len(self.scores), 3) if self.scores else None


@dataclass
class MergeReport:
    """What a merge read, graded, wrote and skipped.

    ``problems``: files skipped (not used at all); ``warnings``: files used, with something the
    teacher should know (an invented question, a status the re-grading does not confirm, two files
    for one learner, another version of the quiz).
    """

    exports: list[GradedExport]
    rows: list[QuestionRow]
    problems: list[Problem]
    warnings: list[Problem]
    written: list[Path] = field(default_factory=list)
    alt_text: str = ""


# ---------------------------------------------------------------------------------------------------
# 1. Find and read


def find_exports(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Export files among the paths given: files as they are, folders searched for exports.

    A path given by name is taken as it is, whatever it is (``read_export`` refuses what is not a
    regular file without blocking); a folder is searched without following links to other folders.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob(EXPORT_GLOB))
            if not found:
                problems.append(Problem(str(path), f"no exported answers ({EXPORT_GLOB}) in this folder"))
            files += found
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    if len(files) > MAX_FILES:
        problems.append(Problem(str(files[MAX_FILES]), f"and the files after it were not read: at most "
                                f"{MAX_FILES:,} exports are merged at once"))  # fmt: skip
        files = files[:MAX_FILES]
    return files, problems


def read_exports(files: list[Path]) -> tuple[list[tuple[Path, dict[str, Any]]], list[Problem]]:
    """Each readable export with its file, and the problems of the files that are not."""
    exports: list[tuple[Path, dict[str, Any]]] = []
    problems: list[Problem] = []
    for file in files:
        data, file_problems = read_export(file)
        problems += file_problems
        if data is not None:
            exports.append((file, data))
    return exports, problems


# ---------------------------------------------------------------------------------------------------
# 2. Re-grade, one file per learner


def regrade_exports(
    exports: list[tuple[Path, dict[str, Any]]], copies: TeachersCopies, now: datetime
) -> tuple[list[GradedExport], list[Problem]]:
    """Every export graded against the teacher's copy of its quiz; problems for those with no copy."""
    graded: list[GradedExport] = []
    problems: list[Problem] = []
    for file, data in exports:
        quiz = copies.find(data["quiz"])
        if isinstance(quiz, str):
            problems.append(Problem(str(file), quiz, field="quiz"))
            continue
        graded.append(regrade(data, file, quiz, now))
    return graded, problems


def _replaces(candidate: GradedExport, kept: GradedExport) -> bool:
    """Whether ``candidate`` replaces ``kept`` (two files of one learner): only a trusted, later time does."""
    if candidate.exported_at is None:
        return False
    return kept.exported_at is None or candidate.exported_at > kept.exported_at


def _why_kept(lost: GradedExport, kept: GradedExport) -> str:
    if kept.exported_at is None:
        return "neither file's time can be trusted, so the first file found counts"
    if lost.exported_at is None:
        return "only its time can be trusted"
    if lost.exported_at == kept.exported_at:
        return "both have the same time, so the first file found counts"
    return "it was exported later"


def one_per_learner(graded: list[GradedExport]) -> tuple[list[GradedExport], list[Problem]]:
    """One export per learner and quiz: the newer one when its time can be trusted.

    A file whose time is unreadable or in the future never replaces another. Every file left out is
    reported, naming the file that counts instead, so no learner's answers vanish unseen. A file
    with no name is its own learner.
    """
    groups: dict[tuple[str, str], list[GradedExport]] = {}
    for export in graded:
        groups.setdefault((export.quiz.id, export.learner or f"file:{export.file}"), []).append(export)
    kept: list[GradedExport] = []
    problems: list[Problem] = []
    for group in groups.values():
        winner = group[0]
        for export in group[1:]:
            if _replaces(export, winner):
                winner = export
        kept.append(winner)
        problems += [
            Problem(
                str(lost.file),
                f"names the same learner ('{for_terminal(lost.name, 60)}') for quiz '{lost.quiz.id}' as "
                f"{winner.file}, which counts instead ({_why_kept(lost, winner)})",
                field="name",
            )
            for lost in group
            if lost is not winner
        ]
    return kept, problems


# ---------------------------------------------------------------------------------------------------
# 3. Rows


def question_rows(graded: list[GradedExport]) -> list[QuestionRow]:
    """One row per question of each quiz handed in (quizzes by id, questions in quiz order)."""
    quizzes = {export.quiz.id: export.quiz for export in graded}
    rows: dict[tuple[str, str], QuestionRow] = {}
    for quiz_id in sorted(quizzes):
        for question in quizzes[quiz_id].questions:
            rows[(quiz_id, question.id)] = QuestionRow(
                quiz=quiz_id,
                question=question.id,
                type=question.type,
                prompt=" ".join(question.prompt.split()),
                max_points=question.points if question.graded else 0.0,
            )
    for export in graded:
        for answer in export.answers:
            row = rows[(export.quiz.id, answer.question.id)]
            if answer.outcome == "saved":
                row.saved += 1
            elif answer.outcome == "committed":
                row.committed += 1
                if answer.score is not None:
                    row.scores.append(answer.score)
            elif answer.outcome in row.counts:
                row.counts[answer.outcome] += 1
                if answer.score is not None:
                    row.scores.append(answer.score)
    return list(rows.values())


# ---------------------------------------------------------------------------------------------------
# 4. Outputs


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (learners' text is untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[_cell(value) for value in row] for row in rows])
    return out.getvalue()


RESULTS_COLUMNS = [
    "quiz", "question", "type", "prompt", "learners", "right", "partly_right", "not_right",
    "not_answered", "reflections_saved", "mean_score", "max_points", "verdicts_committed",
]  # fmt: skip
ANSWERS_COLUMNS = [
    "name", "quiz", "exported", "question", "type", "status", "score", "attempts", "answer", "note", "file",
]  # fmt: skip


def results_csv(rows: list[QuestionRow]) -> str:
    """The text of ``results.csv``: one row per question."""
    return _csv(
        RESULTS_COLUMNS,
        [
            [row.quiz, row.question, row.type, row.prompt, row.learners, row.counts["correct"],
             row.counts["partial"], row.counts["incorrect"], row.counts["unanswered"], row.saved,
             "" if row.mean_score is None else row.mean_score, f"{row.max_points:g}", row.committed]
            for row in rows
        ],
    )  # fmt: skip


def answers_csv(graded: list[GradedExport]) -> str:
    """The text of ``answers.csv``: one row per learner and question, with the re-graded result."""
    return _csv(
        ANSWERS_COLUMNS,
        [
            [export.name, export.quiz.id, export.exported, answer.question.id, answer.question.type,
             answer.outcome, "" if answer.score is None else round(answer.score, 4),
             "" if answer.attempts is None else answer.attempts, answer.answer_text, answer.note,
             str(export.file)]
            for export in sorted(graded, key=lambda e: (e.quiz.id, e.learner, str(e.file)))
            for answer in export.answers
        ],
    )  # fmt: skip


def verdicts_csv(graded: list[GradedExport]) -> str | None:
    """The text of ``verdicts.csv`` (per verdict question, learners per verdict against the kit's),
    or None when no quiz handed in has a verdict question."""
    from casebook.quiz.verdict import tally, tally_rows

    tallies = tally(graded)
    if not tallies:
        return None
    header, rows = tally_rows(tallies)
    return _csv(header, rows)


def chart_alt_text(rows: list[QuestionRow]) -> str:
    """A text description of the chart: for each graded question, how many learners got it right."""
    graded = [row for row in rows if row.type not in ("reflection", "verdict")]
    if not graded:
        return "No graded questions in the exported answers."
    parts = [f"{row.quiz} {row.question}: {row.counts['correct']} of {row.learners} right" for row in graded]
    return "Bar chart of results per question. " + "; ".join(parts) + "."


def chart_png(rows: list[QuestionRow], learners: int) -> bytes:
    """The PNG of ``results.png``: stacked bars per graded question, labelled from the quiz."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from casebook.plots.base import PALETTE

    graded = [row for row in rows if row.type not in ("reflection", "verdict")]
    labels = [f"{row.quiz} · {row.question}" for row in graded]  # from the quiz, shown as plain text
    height = min(MAX_CHART_HEIGHT, 1.6 + 0.45 * max(len(graded), 1))
    figure = Figure(figsize=(8, height), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    places = list(range(len(graded)))
    left = [0] * len(graded)
    for key, label, colour, hatch in OUTCOMES:
        values = [row.counts[key] for row in graded]
        axes.barh(places, values, left=left, color=PALETTE.get(colour, colour), hatch=hatch,
                  edgecolor="#1a1a1a", label=label)  # fmt: skip
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(places, labels, parse_math=False, usetex=False)
    axes.invert_yaxis()
    axes.set_xlabel("learners")
    axes.set_ylabel("quiz · question")
    axes.set_title("Where the class stands, question by question", pad=28)
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4, frameon=False)
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # a MaxNLocator
    source = (
        f"Source: {learners} learners' exported answers, re-graded against the teacher's copy of each quiz "
        "(casebook results merge)."
    )
    figure.supxlabel(source, x=0.01, ha="left", fontsize=8, parse_math=False, usetex=False)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=120)
    return out.getvalue()


def render_outputs(report: MergeReport, roster: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """Every output file's content by name, made in memory before anything is written."""
    columns, students = gradebook_rows(report.exports, roster)
    outputs: dict[str, str | bytes] = {
        "results.csv": results_csv(report.rows),
        "answers.csv": answers_csv(report.exports),
        "results.png": chart_png(report.rows, len(report.exports)),
        CANVAS_FILE: canvas_csv(columns, students),
        MOODLE_FILE: moodle_csv(columns, students),
    }
    verdicts = verdicts_csv(report.exports)
    if verdicts is not None:
        outputs["verdicts.csv"] = verdicts
    return outputs


def write_outputs(outputs: dict[str, str | bytes], out_dir: Path) -> list[Path]:
    """Write each output whole into ``out_dir``; raises UnreadableFile (one plain line) if it cannot."""
    return [write_atomic(out_dir / name, content) for name, content in outputs.items()]


# ---------------------------------------------------------------------------------------------------
# The whole merge


def merge(
    paths: list[Path], copies: TeachersCopies | None = None, now: datetime | None = None
) -> MergeReport:
    """Steps 1 to 3: read, re-grade and count, writing nothing."""
    copies = copies if copies is not None else TeachersCopies()
    files, problems = find_exports(paths)
    exports, read_problems = read_exports(files)
    graded, grade_problems = regrade_exports(exports, copies, now or datetime.now(timezone.utc))
    kept, duplicates = one_per_learner(graded)
    warnings = [warning for export in graded for warning in export.warnings] + duplicates
    return MergeReport(kept, question_rows(kept), problems + read_problems + grade_problems, warnings)


def merge_exports(
    paths: list[Path],
    out_dir: Path,
    copies: TeachersCopies | None = None,
    now: datetime | None = None,
    roster: Path | None = None,
) -> MergeReport:
    """Read, re-grade and count exports, then write results.csv, answers.csv, results.png and the
    Canvas and Moodle gradebooks (``roster``: an optional hub_user,lms_id CSV for the gradebooks).

    Raises UnreadableFile (carrying a one-line Problem) when ``out_dir`` cannot be written.
    """
    report = merge(paths, copies, now)
    lms_ids, roster_problems = read_roster(roster) if roster is not None else (None, [])
    report.problems += roster_problems
    if lms_ids is not None:
        report.warnings += unmapped_students(report.exports, lms_ids, roster)
    if report.exports:
        report.written = write_outputs(render_outputs(report, lms_ids), out_dir)
        report.alt_text = chart_alt_text(report.rows)
    return report
