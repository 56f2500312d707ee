"""Quizzes as data: YAML files in ``data/quizzes``, graded by pure functions, shown as widgets.

In a lesson::

    from casebook.quiz import show_quiz
    show_quiz("03_moscow_mechanism")

The notebook never holds the answers: they stay in the quiz file. Importing this package is cheap
(no widgets, no matplotlib); ``show_quiz`` loads ipywidgets when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casebook.quiz.load import QuizFileError, QuizNotFound, load_quiz
from casebook.quiz.model import Quiz

__all__ = ["Quiz", "QuizFileError", "QuizNotFound", "load_quiz", "show_quiz"]


class QuizMessage:
    """What ``show_quiz`` shows instead of a quiz when the quiz cannot be loaded: the reason, in words."""

    def __init__(self, title: str, lines: list[str]):
        self.title = title
        self.lines = lines

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        from casebook.quiz.safe_markdown import escape

        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines)
        title = f"<p><strong>✘ {escape(self.title)}</strong></p>"
        return {
            "text/plain": "\n".join([f"✘ {self.title}", *[f"  {line}" for line in self.lines]]),
            "text/html": f"<div role='alert'>{title}<ul>{items}</ul></div>",
        }

    def __repr__(self) -> str:
        return self._repr_mimebundle_()["text/plain"]


def show_quiz(
    name_or_path: str | Path,
    *,
    export_dir: str | Path | None = None,
    progress_dir: str | Path | None = None,
) -> Any:
    """The quiz with this id (or file path), ready to display as a cell's last line.

    Answers are saved as the learner goes (see ``casebook.quiz.progress``) and come back when the
    quiz is shown again; those saved under a quiz its questions moved from (``moved_from``) are
    copied in first. "Export my answers" writes into ``export_dir`` (default: the current folder).
    If the quiz cannot be loaded, the result shows why instead, without a traceback.
    """
    from casebook.paths import DataFolderNotFound

    try:
        quiz = load_quiz(name_or_path)
    except QuizFileError as exc:
        return QuizMessage(f"The quiz file {exc.path} has problems:", [str(p) for p in exc.problems])
    except (QuizNotFound, DataFolderNotFound) as exc:
        return QuizMessage("This quiz could not be found.", [str(exc)])
    from casebook.quiz.passages import transcript_for
    from casebook.quiz.progress import ProgressStore
    from casebook.quiz.widgets import QuizView

    store = ProgressStore(quiz.id, Path(progress_dir) if progress_dir is not None else None)
    store.take_moved(quiz.moved_from, [question.id for question in quiz.questions])  # never raises
    transcript = transcript_for(quiz.source)  # a case's own transcript, else the briefing
    return QuizView(quiz, store, Path(export_dir) if export_dir is not None else None, transcript)
