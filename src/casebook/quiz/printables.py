"""Printable pages for the teacher: a handout (questions only) and an answer key per quiz.

The HTML comes from ``static``; this module finds the quizzes and writes the files:
``<quiz id>-handout.html`` and ``<quiz id>-answer-key.html``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from casebook.files import write_atomic
from casebook.problems import Problem
from casebook.quiz.load import QuizFileError, QuizNotFound, load_quiz, quizzes_dir
from casebook.quiz.model import Quiz
from casebook.quiz.static import answer_key_html, handout_html

PAGES: dict[str, Callable[[Quiz], str]] = {"handout": handout_html, "answer-key": answer_key_html}


@dataclass
class PagesReport:
    """Which pages were written, and which quizzes could not be."""

    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def write_pages(kind: str, quizzes: list[str], out_dir: Path) -> PagesReport:
    """Write the ``kind`` page ("handout" or "answer-key") for each quiz (id or path) into ``out_dir``.

    An empty ``quizzes`` list means every quiz in ``data/quizzes``. Each page is written whole
    (``write_atomic``); UnreadableFile (a one-line Problem) is raised when ``out_dir`` cannot be written.
    """
    render = PAGES[kind]
    names: list[str | Path] = list(quizzes) or sorted(quizzes_dir().glob("*.yaml"))
    report = PagesReport()
    for name in names:
        try:
            quiz = load_quiz(name)
        except QuizFileError as exc:
            report.problems += exc.problems
            continue
        except QuizNotFound as exc:
            report.problems.append(Problem(str(name), str(exc)))
            continue
        report.written.append(write_atomic(out_dir / f"{quiz.id}-{kind}.html", render(quiz)))
    return report
