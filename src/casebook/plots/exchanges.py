"""Lesson 06's figure: how long each of the journalists' questions was, and how long the reply.

It takes the transcript toolkit's exchanges (anything with ``questioner``, ``mode``, ``question`` and
``answer``) and holds no data of its own. Words are counted the same way for questions and replies:
runs of letters and digits, with inner apostrophes and hyphens ("it's", "co-aggressor" are one word);
transcribers' notes such as "(Inaudible)" are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from casebook.plots.base import PALETTE, Chart, finish, new_figure

__all__ = ["exchange_lengths"]

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_NOTE = re.compile(r"\((?:inaudible|crosstalk|laughter)[^)]*\)", re.I)


@dataclass(frozen=True)
class ExchangeLength:
    """One exchange's label and its question and reply lengths in words."""

    label: str
    mode: str
    question_words: int
    answer_words: int


def count_words(text: str) -> int:
    """Words in a passage, leaving out transcribers' notes such as "(Inaudible)"."""
    return len(_WORD.findall(_NOTE.sub(" ", text)))


def exchange_length_rows(exchanges: Iterable[Any]) -> list[ExchangeLength]:
    """One row per exchange, numbered from 1 as the lessons number the questions."""
    rows = []
    for number, exchange in enumerate(exchanges, start=1):
        who = getattr(exchange, "questioner", None) or "unnamed"
        mode = str(getattr(exchange, "mode", "") or "")
        rows.append(
            ExchangeLength(
                label=f"Q{number} {who}" + (f" ({mode})" if mode else ""),
                mode=mode,
                question_words=count_words(str(exchange.question)),
                answer_words=count_words(str(exchange.answer)),
            )
        )
    return rows


def describe(rows: Sequence[ExchangeLength]) -> str:
    """The figure's alt text, from the rows: each exchange's lengths, and the longest and shortest reply."""
    if not rows:
        return "No exchanges to show."
    longest = max(rows, key=lambda r: r.answer_words)
    shortest = min(rows, key=lambda r: r.answer_words)
    each = "; ".join(f"{r.label}: {r.question_words} words asked, {r.answer_words} in reply" for r in rows)
    return (
        f"Bar chart of the {len(rows)} questions in the briefing and the replies to them, in words. {each}. "
        f"The longest reply ({longest.answer_words} words) went to {longest.label}; the shortest "
        f"({shortest.answer_words} words) to {shortest.label}."
    )


def exchange_lengths(exchanges: Iterable[Any]) -> Chart:
    """Words in each question and in its reply, one pair of bars per exchange, first question on top."""
    rows = exchange_length_rows(exchanges)
    figure, axes = new_figure(9.0, 1.2 + 0.7 * max(len(rows), 1))
    positions = list(range(len(rows)))[::-1]
    height = 0.38
    axes.barh(
        [p + height / 2 for p in positions],
        [r.question_words for r in rows],
        height=height,
        color=PALETTE["orange"],
        label="Question",
    )
    axes.barh(
        [p - height / 2 for p in positions],
        [r.answer_words for r in rows],
        height=height,
        color=PALETTE["blue"],
        label="Reply",
    )
    for p, r in zip(positions, rows, strict=True):
        axes.text(r.question_words + 5, p + height / 2, str(r.question_words), va="center", fontsize=8)
        axes.text(r.answer_words + 5, p - height / 2, str(r.answer_words), va="center", fontsize=8)
    axes.set_yticks(positions, [r.label for r in rows])
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    axes.legend(loc="lower right", frameon=False)
    return finish(
        figure,
        axes,
        title=f"{len(rows)} questions and their replies: how long was each?",
        xlabel="Words",
        ylabel="Exchange (questioner, live or submitted)",
        source="the briefing transcript, U.S. State Department [S1]; words counted by the kit",
        alt=describe(rows),
    )
