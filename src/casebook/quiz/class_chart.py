"""The teacher's figure of a class's hand-ins: per graded question, how many answered it right.

``share_right(questions)`` takes ``casebook.quiz.class_view.QuestionSummary`` records (or anything
with ``quiz``, ``question``, ``answered``, ``right`` and ``students``). It uses the house style of
``casebook.plots.base`` but lives outside ``casebook.plots``: the class's data changes with every
hand-in, so the figure is always drawn, and a module inside ``plots`` would change the key of every
stored lesson image (``plots.figure_cache`` hashes that package's source).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from casebook.plots.base import PALETTE, Chart, finish, new_figure

__all__ = ["share_right"]

SOURCE = "students' handed-in quiz answers (casebook-answers-*.json in the hand-in folder)"


class QuestionLike(Protocol):
    """What the figure reads from one question's summary."""

    @property
    def quiz(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def students(self) -> int: ...
    @property
    def answered(self) -> int: ...
    @property
    def right(self) -> int: ...


def share_right(questions: Sequence[QuestionLike]) -> Chart:
    """Horizontal bars: per question, students right, answered but not right, and not answered."""
    if not questions:
        raise ValueError("share_right needs at least one graded question; the hand-ins gave none")
    labels = [f"{q.quiz} · {q.question}" for q in questions]
    right = [q.right for q in questions]
    wrong = [q.answered - q.right for q in questions]
    unanswered = [q.students - q.answered for q in questions]
    figure, axes = new_figure(8.0, 1.4 + 0.42 * len(questions))
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    axes.barh(labels, right, color=PALETTE["blue"], label="Right")
    axes.barh(
        labels, wrong, left=right, color=PALETTE["orange"], hatch="//", edgecolor="#333333", label="Not right"
    )
    axes.barh(labels, unanswered, left=[a + b for a, b in zip(right, wrong, strict=True)], color="#DDDDDD",
              hatch="..", edgecolor="#333333", label="Not answered")  # fmt: skip
    axes.invert_yaxis()
    axes.xaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # a MaxNLocator
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, frameon=False)
    parts = [
        f"{q.quiz} {q.question}: {q.right} of {q.answered} who answered were right ({q.students} handed in)"
        for q in questions
    ]
    alt = f"Bar chart of {len(questions)} quiz questions. " + "; ".join(parts) + "."
    return finish(
        figure,
        axes,
        title="Where the class stands, question by question",
        xlabel="Number of students",
        ylabel="Quiz and question",
        source=SOURCE,
        alt=alt,
    )
