"""Figures about who speaks: they build, carry title, labels, source line, and alt text from the data."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from casebook.plots.speakers import count_words, question_answer_lengths, words_per_speaker
from casebook.text import word_count


@dataclass(frozen=True)
class FakeTurn:
    speaker: str
    text: str


@dataclass(frozen=True)
class FakeExchange:
    mode: str
    questioner: str | None
    question: str
    answer: str


TURNS = [
    FakeTurn("MODERATOR", "Welcome to the briefing."),
    FakeTurn("AMBASSADOR CARPENTER", "There are at least 1,486 political prisoners in Belarus today."),
    FakeTurn("QUESTION", "What can be done?"),
    FakeTurn("AMBASSADOR CARPENTER", "Well, thanks. (Inaudible) we call for their release."),
]
EXCHANGES = [
    FakeExchange("live", "Marina Jakubowskaja", "What can be done?", "We call for their release now."),
    FakeExchange("submitted", None, "Will the OSCE watch the elections in June?", "Yes."),
]


def _texts(chart) -> list[str]:
    return [t.get_text() for t in chart.figure.texts]


def test_count_words_skips_transcribers_notes_and_keeps_numbers_whole() -> None:
    assert count_words("Well, thanks. (Inaudible) we call for their release.") == 7
    assert count_words("at least 1,486 political prisoners") == 5
    assert count_words("a co-aggressor – (inaudible)") == 2
    assert count_words("") == 0


def test_count_words_is_the_kits_one_word_count_once_notes_are_gone() -> None:
    # A doubled dash parts two words in casebook.text.word_count; the figure counts as it does.
    for text in ("co--aggressor", "the U.S. don't_know", "1,486 – 1,500"):
        assert count_words(text) == word_count(text)
    assert count_words("co--aggressor") == 2
    assert count_words("ask (inaudible) now") == word_count("ask now")


def test_words_per_speaker_ranks_speakers_and_describes_the_real_counts() -> None:
    chart = words_per_speaker(TURNS)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Who speaks in the briefing"
    assert axes.get_xlabel() and axes.get_ylabel()
    assert any(t.startswith("Source: U.S. Department of State") for t in _texts(chart))
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert ticks[-1] == "Ambassador Carpenter"  # barh draws bottom-up: the biggest speaker is on top
    # 10 + 7 = 17 words for the ambassador, 4 for the moderator, 4 for the question: 25 in all.
    assert "25 words in all" in chart.alt
    assert "Ambassador Carpenter: 17 words in 2 turns (68%)" in chart.alt
    assert "Moderator: 4 words in 1 turn (16%)" in chart.alt
    assert chart.alt.endswith("Ambassador Carpenter says the most.")


def test_words_per_speaker_alt_text_changes_with_the_data() -> None:
    other = words_per_speaker([FakeTurn("MODERATOR", "One two three."), FakeTurn("QUESTION", "Four.")])
    assert "Moderator: 3 words in 1 turn (75%)" in other.alt
    assert "Question: 1 word in 1 turn (25%)" in other.alt
    assert other.alt != words_per_speaker(TURNS).alt


def test_words_per_speaker_refuses_an_empty_transcript_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="at least one turn"):
        words_per_speaker([])


def test_question_answer_lengths_pairs_each_question_with_its_answer() -> None:
    chart = question_answer_lengths(EXCHANGES)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Questions and answers, in words"
    assert axes.get_xlabel() == "Words" and axes.get_ylabel() == "Exchange"
    assert any(t.startswith("Source: ") for t in _texts(chart))
    ticks = [t.get_text() for t in axes.get_yticklabels()]
    assert ticks == ["Q1 Marina Jakubowskaja\n(live)", "Q2 questioner not named\n(submitted)"]
    assert "Q1 (Marina Jakubowskaja, live): question 4 words, answer 6 words" in chart.alt
    assert "Q2 (questioner not named, submitted): question 8 words, answer 1 word" in chart.alt
    assert "longest answer is to Q1 (6 words)" in chart.alt
    assert "shortest to Q2 (1 word)" in chart.alt
    assert [p.get_width() for p in axes.patches] == [4, 8, 6, 1]


def test_question_answer_lengths_refuses_no_exchanges() -> None:
    with pytest.raises(ValueError, match="at least one exchange"):
        question_answer_lengths([])
