"""A small widget to apply a rubric to the briefing's exchanges: pick one, read it, rate it.

The judgement is the student's; :meth:`casebook.rubric.model.Rubric.score` adds it up. Ratings are kept
while the notebook runs (switching exchanges keeps them); students write their verdict and reasons in
the lesson's quiz, which saves and exports them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from casebook.rubric.files import load_rubric
from casebook.rubric.model import Rubric

NOT_RATED = "(not rated yet)"


@dataclass(frozen=True)
class RatedItem:
    """One thing to rate: a title for the menu, and the question and the reply to show."""

    title: str
    question: str
    answer: str


def items_from_exchanges(exchanges: Iterable[Any]) -> list[RatedItem]:
    """Rated items from the transcript toolkit's exchanges (``questioner``, ``mode``, ``question``,
    ``answer``), numbered from 1 as the lessons number the questions."""
    items = []
    for number, exchange in enumerate(exchanges, start=1):
        who = getattr(exchange, "questioner", None) or "unnamed questioner"
        mode = getattr(exchange, "mode", None)
        title = f"Question {number}: {who}" + (f" ({mode})" if mode else "")
        items.append(RatedItem(title, str(exchange.question).strip(), str(exchange.answer).strip()))
    return items


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in parts)


def exchange_html(item: RatedItem) -> str:
    """The question and the reply, as HTML for reading, in a region that scrolls (and takes the
    keyboard focus, so it can be scrolled without a mouse) when the reply is long."""
    return (
        f'<div role="region" tabindex="0" aria-label="{html.escape(item.title, quote=True)}" '
        'style="max-height:26em;overflow:auto">'
        f"<h4>{html.escape(item.title)}</h4>"
        f"<p><strong>Question</strong></p><blockquote>{_paragraphs(item.question)}</blockquote>"
        f"<p><strong>Reply</strong></p><blockquote>{_paragraphs(item.answer)}</blockquote></div>"
    )


def assessment_html(rubric: Rubric, ratings: dict[str, int | None]) -> str:
    """The running total and the verdict, as an HTML status line."""
    result = rubric.score(ratings)
    if result.verdict is None:
        text = f"{result.total} of {result.max_score} points so far. {result.meaning}"
    else:
        text = f"{result.total} of {result.max_score} points: {result.verdict}. {result.meaning}"
    return f'<p role="status" aria-live="polite"><strong>{html.escape(text)}</strong></p>'


class RubricScorer:
    """The scorer: a menu of items, the chosen exchange, one labelled menu per criterion, the verdict."""

    def __init__(self, rubric: Rubric, items: Sequence[RatedItem]) -> None:
        import ipywidgets as widgets

        if not items:
            raise ValueError("the rubric scorer needs at least one exchange to rate")
        self.rubric = rubric
        self.items = list(items)
        self.ratings: dict[int, dict[str, int | None]] = {i: {} for i in range(len(self.items))}
        self.chooser = widgets.Dropdown(
            options=[(item.title, i) for i, item in enumerate(self.items)],
            value=0,
            description="Exchange to rate",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="min(100%, 36em)"),
        )
        self.text = widgets.HTML()
        self.menus = {
            c.id: widgets.Dropdown(
                options=[(NOT_RATED, None)] + [(f"{lv.score}: {lv.label}", lv.score) for lv in c.levels],
                value=None,
                description=f"{number}. {c.question}",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="min(100%, 50em)"),
            )
            for number, c in enumerate(rubric.criteria, start=1)
        }
        self.result = widgets.HTML()
        self._loading = False
        self.chooser.observe(self._choose, names="value")
        for criterion_id, menu in self.menus.items():
            menu.observe(lambda change, cid=criterion_id: self._rate(cid, change["new"]), names="value")
        self._show(0)
        self.box = widgets.VBox([self.chooser, self.text, *self.menus.values(), self.result])

    def _show(self, index: int) -> None:
        self._loading = True
        try:
            self.text.value = exchange_html(self.items[index])
            for criterion_id, menu in self.menus.items():
                menu.value = self.ratings[index].get(criterion_id)
        finally:
            self._loading = False
        self.result.value = assessment_html(self.rubric, self.ratings[index])

    def _choose(self, change: dict[str, Any]) -> None:
        self._show(int(change["new"]))

    def _rate(self, criterion_id: str, score: int | None) -> None:
        if self._loading:
            return
        current = self.ratings[int(self.chooser.value)]
        current[criterion_id] = score
        self.result.value = assessment_html(self.rubric, current)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle = dict(self.box._repr_mimebundle_(include=include, exclude=exclude) or {})
        bundle["text/plain"] = (
            f"Rubric scorer: {self.rubric.title} ({len(self.items)} exchanges). "
            "Run this notebook in JupyterLab to use it; the rubric is printed above."
        )
        return bundle


def show_rubric_scorer(name: str, exchanges: Any) -> Any:
    """A widget to rate the briefing's exchanges with the rubric ``name``.

    ``exchanges`` are the transcript toolkit's ``briefing.exchanges()``. Pick an exchange, read the
    question and the reply, choose a level for each criterion; the total and the verdict update as you go.
    Display it as a cell's last line.
    """
    return RubricScorer(load_rubric(name), items_from_exchanges(exchanges))
