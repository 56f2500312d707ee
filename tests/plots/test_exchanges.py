"""Lesson 06's figure: words in each question and reply, with alt text written from the counts."""

from __future__ import annotations

from dataclasses import dataclass

from casebook import plots
from casebook.plots.exchanges import count_words, describe, exchange_length_rows


@dataclass
class FakeExchange:  # the fields of the transcript toolkit's Exchange that the figure reads
    questioner: str | None
    mode: str
    question: str
    answer: str


EXCHANGES = [
    FakeExchange("Ann", "live", "What can be done now?", "We will document every case. It's a co-aggressor."),
    FakeExchange(None, "submitted", "Why so late?", "It was not late (inaudible) at all."),
]


def test_words_are_counted_without_transcribers_notes() -> None:
    assert count_words("It's a co-aggressor, isn't it?") == 5
    assert count_words("depends on events (inaudible) war") == 4
    assert count_words("38 invoking states") == 3


def test_rows_are_numbered_and_labelled() -> None:
    rows = exchange_length_rows(EXCHANGES)
    assert [(r.label, r.question_words, r.answer_words) for r in rows] == [
        ("Q1 Ann (live)", 5, 8),
        ("Q2 unnamed (submitted)", 3, 6),
    ]


def test_figure_has_title_labels_source_and_bars_for_each_exchange() -> None:
    chart = plots.exchange_lengths(EXCHANGES)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "2 questions and their replies: how long was each?"
    assert axes.get_xlabel() == "Words" and axes.get_ylabel().startswith("Exchange")
    assert any(t.get_text().startswith("Source: the briefing transcript") for t in chart.figure.texts)
    widths = sorted(bar.get_width() for bar in axes.patches)
    assert widths == [3, 5, 6, 8]
    ticks = dict(zip([t.get_text() for t in axes.get_yticklabels()], axes.get_yticks(), strict=True))
    assert ticks["Q1 Ann (live)"] > ticks["Q2 unnamed (submitted)"]  # the first question on top


def test_alt_text_gives_every_count_and_the_extremes() -> None:
    alt = plots.exchange_lengths(EXCHANGES).alt
    assert "Q1 Ann (live): 5 words asked, 8 in reply" in alt
    assert "Q2 unnamed (submitted): 3 words asked, 6 in reply" in alt
    assert "longest reply (8 words) went to Q1 Ann (live)" in alt
    assert "shortest (6 words) to Q2 unnamed (submitted)" in alt
    assert describe([]) == "No exchanges to show."
