"""A question's words are counted as the toolkit counts every text, so lesson 06 and the toolkit agree."""

from __future__ import annotations

from casebook.transcript import load_briefing, parse
from casebook.transcript.segment import word_count


def test_question_words_count_as_the_toolkit_does() -> None:
    exchanges = load_briefing().exchanges()
    assert [e.question_words for e in exchanges] == [word_count(e.question) for e in exchanges]
    # The sixth question holds a lone dash, which str.split() would count as a word.
    assert exchanges[5].question_words == 24 and len(exchanges[5].question.split()) == 25


def test_a_dash_is_no_word_and_a_grouped_number_is_one() -> None:
    text = "MODERATOR: Next.\nQUESTION: Is it 1,486 – or more?\nAMBASSADOR SMITH: More.\n"
    (exchange,) = parse(text).exchanges()
    assert exchange.question_words == 5  # Is, it, 1,486, or, more
