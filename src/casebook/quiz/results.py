"""The teacher's view: merge learners' exported answers into one table per question, and a chart.

``merge_exports(paths, out_dir)`` reads every ``casebook-answers-*.json`` it is given (files, or
folders searched recursively) and writes:

- ``results.csv``: one row per question: how many learners answered it, got it right, partly right
  or not, and the mean score;
- ``answers.csv``: one row per learner and question, with the answer in words (reflections included);
- ``results.png``: a bar per question, split into right / partly / not right / not answered, with
  patterns as well as colours.

If one learner handed in the same quiz twice, the newer export counts. Files that are not exports
are reported and skipped; they never stop the merge. matplotlib is imported only to draw the chart.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casebook.problems import Problem
from casebook.quiz.export import read_export

EXPORT_GLOB = "casebook-answers-*.json"
OUTCOMES = (
    ("correct", "right", "#006400", ""),
    ("partial", "partly right", "#b35c00", "//"),
    ("incorrect", "not right", "#b00020", "xx"),
    ("unanswered", "not answered", "#d9d9d9", ".."),
)


@dataclass
class QuestionRow:
    """How a class did on one question."""

    quiz: str
    question: str
    type: str
    prompt: str
    max_points: float
    counts: dict[str, int] = field(default_factory=lambda: {key: 0 for key, *_ in OUTCOMES})
    scores: list[float] = field(default_factory=list)
    saved: int = 0

    @property
    def learners(self) -> int:
        """Learners whose export has this question."""
        return sum(self.counts.values()) + self.saved

    @property
    def mean_score(self) -> float | None:
        """Mean score (0..1) over learners who answered, or None if none did."""
        return round(sum(self.scores) / len(self.scores), 3) if self.scores else None


@dataclass
class MergeReport:
    """What a merge read, wrote, and skipped."""

    exports: list[dict[str, Any]]
    rows: list[QuestionRow]
    problems: list[Problem]
    notes: list[str]
    written: list[Path] = field(default_factory=list)
    alt_text: str = ""


def find_exports(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Export files among the paths given: files as they are, folders searched for exports."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob(EXPORT_GLOB))
            if not found:
                problems.append(Problem(str(path), f"no exported answers ({EXPORT_GLOB}) in this folder"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "no such file or folder"))
    return files, problems


def read_exports(files: list[Path]) -> tuple[list[dict[str, Any]], list[Problem], list[str]]:
    """The usable exports (the newest per learner and quiz), problems with the others, and notes."""
    latest: dict[tuple[str, str], tuple[dict[str, Any], Path]] = {}
    problems: list[Problem] = []
    notes: list[str] = []
    for file in files:
        data, file_problems = read_export(file)
        problems += file_problems
        if data is None:
            continue
        key = (data["quiz"], data["name"].strip().casefold() or str(file))
        if key in latest:
            older, newer = sorted([latest[key], (data, file)], key=lambda pair: pair[0]["exported"])
            notes.append(f"{data['name'] or file.name}: {older[1]} is older than {newer[1]}; using the newer")
            latest[key] = newer
        else:
            latest[key] = (data, file)
    return [data for data, _ in latest.values()], problems, notes


def question_rows(exports: list[dict[str, Any]]) -> list[QuestionRow]:
    """One row per quiz question seen in the exports, in quiz order."""
    rows: dict[tuple[str, str], QuestionRow] = {}
    for export in sorted(exports, key=lambda e: e["quiz"]):
        for answer in export["answers"]:
            key = (export["quiz"], answer["id"])
            row = rows.get(key)
            if row is None:
                row = rows[key] = QuestionRow(
                    quiz=export["quiz"],
                    question=answer["id"],
                    type=answer["type"],
                    prompt=" ".join(str(answer.get("prompt", "")).split()),
                    max_points=float(answer.get("max_points", 0) or 0),
                )
            status = answer.get("status")
            if status == "saved":
                row.saved += 1
            elif status in row.counts:
                row.counts[status] += 1
                row.scores.append(float(answer["score"]))
            else:
                row.counts["unanswered"] += 1
    return list(rows.values())


def _cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (learners' text is untrusted)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_results_csv(rows: list[QuestionRow], path: Path) -> None:
    """``results.csv``: one row per question."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["quiz", "question", "type", "prompt", "learners", "right", "partly_right", "not_right",
             "not_answered", "reflections_saved", "mean_score", "max_points"]
        )  # fmt: skip
        for row in rows:
            writer.writerow(
                [_cell(row.quiz), _cell(row.question), row.type, _cell(row.prompt), row.learners,
                 row.counts["correct"], row.counts["partial"], row.counts["incorrect"],
                 row.counts["unanswered"], row.saved,
                 "" if row.mean_score is None else row.mean_score, f"{row.max_points:g}"]
            )  # fmt: skip


def write_answers_csv(exports: list[dict[str, Any]], path: Path) -> None:
    """``answers.csv``: one row per learner and question, with the answer in words."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            ["name", "quiz", "exported", "question", "type", "status", "score", "attempts", "answer"]
        )
        for export in sorted(exports, key=lambda e: (e["quiz"], e["name"].casefold())):
            for answer in export["answers"]:
                writer.writerow(
                    [_cell(export["name"]), _cell(export["quiz"]), _cell(export["exported"]),
                     _cell(answer["id"]), answer["type"], answer.get("status") or "", answer["score"],
                     answer.get("attempts", ""), _cell(str(answer.get("answer_text", "")))]
                )  # fmt: skip


def chart_alt_text(rows: list[QuestionRow]) -> str:
    """A text description of the chart: for each graded question, how many learners got it right."""
    graded = [row for row in rows if row.type != "reflection"]
    if not graded:
        return "No graded questions in the exported answers."
    parts = [f"{row.quiz} {row.question}: {row.counts['correct']} of {row.learners} right" for row in graded]
    return "Bar chart of results per question. " + "; ".join(parts) + "."


def write_chart(rows: list[QuestionRow], path: Path) -> str:
    """``results.png``: stacked bars per graded question. Returns the chart's alt text."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    graded = [row for row in rows if row.type != "reflection"]
    labels = [f"{row.quiz} · {row.question}" for row in graded]
    figure = Figure(figsize=(8, 1.2 + 0.45 * max(len(graded), 1)), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    left = [0] * len(graded)
    for key, label, colour, hatch in OUTCOMES:
        values = [row.counts[key] for row in graded]
        axes.barh(labels, values, left=left, color=colour, hatch=hatch, edgecolor="#1a1a1a", label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel("learners")
    axes.set_title("Where the class stands, question by question")
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncols=4, frameon=False)
    axes.xaxis.get_major_locator().set_params(integer=True)
    figure.savefig(path, dpi=120)
    return chart_alt_text(rows)


def merge_exports(paths: list[Path], out_dir: Path, roster: Path | None = None) -> MergeReport:
    """Read exports from files and folders, and write results.csv, answers.csv, results.png and the
    Canvas and Moodle gradebooks (``roster``: an optional hub_user,lms_id CSV for the gradebooks)."""
    from casebook.quiz.gradebook import write_gradebooks

    files, problems = find_exports(paths)
    exports, read_problems, notes = read_exports(files)
    report = MergeReport(exports, question_rows(exports), problems + read_problems, notes)
    if not exports:
        return report
    out_dir.mkdir(parents=True, exist_ok=True)
    write_results_csv(report.rows, out_dir / "results.csv")
    write_answers_csv(exports, out_dir / "answers.csv")
    report.alt_text = write_chart(report.rows, out_dir / "results.png")
    report.written = [out_dir / "results.csv", out_dir / "answers.csv", out_dir / "results.png"]
    gradebooks = write_gradebooks(exports, out_dir, roster)
    report.written += gradebooks[0]
    report.problems += gradebooks[1]
    report.notes += gradebooks[2]
    return report
