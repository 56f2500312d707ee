"""Figures about who speaks in the briefing: words per speaker, and question against answer lengths.

The functions take plain records, not a parsed transcript: any object with the attributes named in the
protocols below will do (the transcript toolkit's ``Turn`` and ``Exchange`` have them). Words are
counted the same way in both figures; a transcriber's note such as "(Inaudible)" is not a word spoken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from casebook.plots.base import PALETTE, Chart, finish, new_figure
from casebook.plots.figure_cache import keyed
from casebook.text import word_count

__all__ = ["question_answer_lengths", "words_per_speaker"]

SOURCE = "U.S. Department of State, briefing transcript [S1]; words counted by casebook"
_NOTE = re.compile(r"\([^()]*\)")


class TurnLike(Protocol):
    """What :func:`words_per_speaker` reads from a turn."""

    speaker: str
    text: str


class ExchangeLike(Protocol):
    """What :func:`question_answer_lengths` reads from an exchange."""

    mode: str
    questioner: str | None
    question: str
    answer: str


def count_words(text: str) -> int:
    """Words in ``text``, not counting transcribers' notes in brackets such as "(Inaudible)".

    Words are the kit's one word count (:func:`casebook.text.word_count`): a number such as "1,486"
    or a hyphenated word such as "co-aggressor" counts as one word.
    """
    return word_count(_NOTE.sub(" ", text))


def _words(n: int) -> str:
    return f"{n:,} word{'' if n == 1 else 's'}"


@keyed
def words_per_speaker(turns: Sequence[TurnLike]) -> Chart:
    """A horizontal bar chart of how many words each speaker label says, most first.

    Speakers are grouped by the label printed in the transcript. Questions that the moderator reads
    out count for the moderator, as the transcript prints them under that label.
    """
    if not turns:
        raise ValueError("words_per_speaker needs at least one turn; the transcript gave none")
    totals: dict[str, int] = {}
    counts: dict[str, int] = {}
    for turn in turns:
        label = " ".join(turn.speaker.split()).title()
        totals[label] = totals.get(label, 0) + count_words(turn.text)
        counts[label] = counts.get(label, 0) + 1
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    labels = [name for name, _ in ranked]
    values = [words for _, words in ranked]
    whole = sum(values) or 1

    figure, axes = new_figure(8.0, 1.2 + 0.7 * len(labels))
    colours = [PALETTE["blue"]] + [PALETTE["grey"]] * (len(labels) - 1)
    bars = axes.barh(labels[::-1], values[::-1], color=colours[::-1])
    axes.bar_label(bars, labels=[f"{_words(v)} ({v / whole:.0%})" for v in values[::-1]], padding=4)
    axes.set_xlim(0, max(values) * 1.35)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)

    parts = [
        f"{name}: {_words(words)} in {counts[name]} turn{'s' if counts[name] != 1 else ''} "
        f"({words / whole:.0%})"
        for name, words in ranked
    ]
    alt = (
        f"Horizontal bar chart of words spoken per speaker label, {_words(whole)} in all. "
        + "; ".join(parts)
        + f". {labels[0]} says the most."
    )
    return finish(
        figure,
        axes,
        title="Who speaks in the briefing",
        xlabel="Words in the transcript",
        ylabel="Speaker, as labelled in the transcript",
        source=SOURCE,
        alt=alt,
    )


@keyed
def question_answer_lengths(exchanges: Sequence[ExchangeLike]) -> Chart:
    """Paired bars for each exchange: the question's words beside the answer's words.

    Each exchange is labelled by its number, the questioner (as the transcript names them) and whether
    the question was asked live or submitted in writing.
    """
    if not exchanges:
        raise ValueError("question_answer_lengths needs at least one exchange; the transcript gave none")
    labels = []
    names = []
    questions = []
    answers = []
    for number, exchange in enumerate(exchanges, start=1):
        names.append(exchange.questioner or "questioner not named")
        labels.append(f"Q{number} {names[-1]}\n({exchange.mode})")
        questions.append(count_words(exchange.question))
        answers.append(count_words(exchange.answer))

    figure, axes = new_figure(8.0, 1.2 + 0.62 * len(labels))
    positions = list(range(len(labels)))[::-1]
    height = 0.38
    q_bars = axes.barh(
        [p + height / 2 for p in positions], questions, height, color=PALETTE["orange"], label="Question"
    )
    a_bars = axes.barh(
        [p - height / 2 for p in positions], answers, height, color=PALETTE["blue"], label="Answer"
    )
    axes.bar_label(q_bars, padding=3, fontsize=9)
    axes.bar_label(a_bars, padding=3, fontsize=9)
    axes.set_yticks(positions, labels)
    axes.set_xlim(0, max(answers + questions) * 1.15)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    axes.legend(loc="lower right", frameon=False)

    longest = max(range(len(answers)), key=lambda i: answers[i])
    shortest = min(range(len(answers)), key=lambda i: answers[i])
    parts = [
        f"Q{i + 1} ({names[i]}, {exchanges[i].mode}): "
        f"question {_words(questions[i])}, answer {_words(answers[i])}"
        for i in range(len(labels))
    ]
    alt = (
        f"Paired bar chart of {len(labels)} exchanges, question length beside answer length in words. "
        + "; ".join(parts)
        + f". The longest answer is to Q{longest + 1} ({_words(answers[longest])}), "
        f"the shortest to Q{shortest + 1} ({_words(answers[shortest])})."
    )
    return finish(
        figure,
        axes,
        title="Questions and answers, in words",
        xlabel="Words",
        ylabel="Exchange",
        source=SOURCE,
        alt=alt,
    )
