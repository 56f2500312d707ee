"""The teacher's notebook view of the hand-in folder: a figure, a table, the skipped files, Refresh.

``show_class_results(folder=None)`` reads the class's hand-in folder (``CASEBOOK_HANDIN_DIR`` or
``course.yaml``'s ``handin``, unless a folder is given) and returns a ``ClassResultsView``. In
JupyterLab it is a widget whose **Refresh** button reads the folder again, so new hand-ins appear
during the lesson; anywhere widgets cannot run (a saved or exported notebook) its static HTML shows
the same content as it was when the cell ran.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from casebook.quiz.class_view import ClassSummary, read_class
from casebook.quiz.handin import ENV_HANDIN, handin_folder
from casebook.tables import table

STATE_TEXT = {
    "no-folder": (
        f"No hand-in folder is set for this class ({ENV_HANDIN}, or <code>handin</code> in "
        "<code>course.yaml</code>), so there is nothing to show. On Binder and laptops students "
        "download their answers instead; merge those files with <code>casebook results merge</code>."
    ),
    "missing": "The hand-in folder {folder} does not exist yet. Check the path in the hub's settings.",
    "empty": "No student has handed in yet (the folder {folder} holds no casebook-answers-*.json file).",
}


def wrong_answers_text(wrong: tuple[tuple[str, int], ...]) -> str:
    """The most common wrong answers as one cell: ``"text" (count); ...``."""
    return "; ".join(f"“{text}” ({count})" for text, count in wrong) or "none"


def summary_html(summary: ClassSummary) -> str:
    """The whole view as HTML: status line, figure, table and the files that were skipped."""
    from casebook.quiz.class_chart import share_right

    folder = escape(str(summary.folder))
    if summary.state != "ready":
        parts = [f"<p>ⓘ {STATE_TEXT[summary.state].format(folder=f'<code>{folder}</code>')}</p>"]
    else:
        who = f"{summary.students} student{'s have' if summary.students != 1 else ' has'}"
        parts = [f"<p><strong>{who}</strong> handed in to <code>{folder}</code>.</p>"]
        if summary.questions:
            parts.append(share_right(summary.questions)._repr_html_())
            rows = [
                {"quiz": q.quiz, "question": q.question, "answered": f"{q.answered} of {q.students}",
                 "right": "–" if q.share_right is None else f"{q.share_right:.0%}",
                 "wrong": wrong_answers_text(q.wrong_answers)}
                for q in summary.questions
            ]  # fmt: skip
            headers = {"answered": "answered", "right": "share right", "wrong": "most common wrong answers"}
            caption = "Per question: how many answered, the share right, and the most common wrong answers"
            parts.append(table(rows, headers=headers, caption=caption)._repr_html_())
    if summary.verdicts:
        parts.append(verdicts_table_html(summary))
    if summary.skipped:
        items = "".join(f"<li>{escape(str(problem))}</li>" for problem in summary.skipped)
        parts.append(f"<p>These files were skipped:</p><ul>{items}</ul>")
    parts += [f"<p>ⓘ {escape(note)}</p>" for note in summary.notes]
    return "".join(parts)


def verdicts_table_html(summary: ClassSummary) -> str:
    """Per claim the class predicted: how many chose each verdict, beside the kit's verdict."""
    from casebook.quiz.verdict import label_of, vocabulary

    choices = vocabulary()
    rows = [
        {"quiz": t.quiz, "claim": t.claim,
         "kit": label_of(t.kit, choices) if t.kit else "(not in claims.csv)",
         **{f"chose_{c.code}": t.chose.get(c.code, 0) for c in choices},
         "same": f"{t.agree} of {t.committed}", "open": t.not_committed}
        for t in summary.verdicts
    ]  # fmt: skip
    headers = {"kit": "kit's verdict", **{f"chose_{c.code}": c.label for c in choices},
               "same": "same as the kit", "open": "not committed"}  # fmt: skip
    caption = "Predict, then reveal: the class's verdicts on each claim, against the kit's"
    return table(rows, headers=headers, caption=caption)._repr_html_()


class ClassResultsView:
    """The class's results as a widget with a Refresh button, and as static HTML."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.summary = read_class(folder)
        self.content = widgets.HTML(summary_html(self.summary))
        self.refresh_button = widgets.Button(
            description="Refresh", icon="refresh", tooltip="Read the hand-in folder again"
        )
        self.refresh_button.add_class("casebook-refresh")
        self.refresh_button.on_click(lambda _button: self.refresh())
        self.box = widgets.VBox([self.refresh_button, self.content])
        self.box.add_class("casebook-class-results")

    def refresh(self) -> ClassSummary:
        """Read the folder again and redraw; returns what it found."""
        self.summary = read_class(self.folder)
        self.content.value = summary_html(self.summary)
        return self.summary

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        data = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        data["text/html"] = self.content.value
        data["text/plain"] = f"Class results from {self.folder}: {self.summary.students} students handed in."
        return data


def show_class_results(folder: str | Path | None = None) -> ClassResultsView:
    """The class's results from ``folder`` (default: the class's hand-in folder), ready to display."""
    return ClassResultsView(Path(folder) if folder is not None else handin_folder())
