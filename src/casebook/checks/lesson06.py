"""Checks for the exercises of lesson 06, from documentation to accountability
(``solutions/06_documentation_to_accountability``).

Every expected value is computed from the parsed transcript when the check runs, so a corrected
transcript updates the check.
"""

from __future__ import annotations

from functools import partial

from casebook.checks.compare import compare_items, compare_mapping, compare_number, compare_text
from casebook.checks.material import briefing, only
from casebook.checks.registry import Check

WORD = "accountability"  # the word the exercise counts


def word_count() -> int:
    """How many times the briefing says "accountability" (keyword in context)."""
    return len(briefing().kwic(WORD))


def exchanges_with_word() -> list[int]:
    """The numbers (from 1) of the exchanges whose answers say "accountability", in order."""
    transcript = briefing()
    turns = {line.turn for line in transcript.kwic(WORD)}
    return [
        number
        for number, exchange in enumerate(transcript.exchanges(), start=1)
        if turns & set(exchange.answer_turns)
    ]


def answer_words_by_questioner() -> dict[str, int]:
    """How many words each questioner's answer has, by the questioner's name as the transcript gives it."""
    exchanges = briefing().exchanges()
    if any(not exchange.questioner for exchange in exchanges):
        raise LookupError("an exchange has no questioner's name")
    return {exchange.questioner: exchange.answer_words for exchange in exchanges}


def longest_answer_questioner() -> str:
    """The questioner whose question got the longest answer, in words."""
    exchanges = briefing().exchanges()
    longest = max(exchange.answer_words for exchange in exchanges)
    return only([e for e in exchanges if e.answer_words == longest], "longest answer").questioner


def cannot_answer_sentence() -> str:
    """The sentence of the last answer in which the ambassador says he cannot answer "directly"."""
    transcript = briefing()
    last = transcript.exchanges()[-1]
    lines = [line for line in transcript.kwic("directly") if line.turn in last.answer_turns]
    line = only(lines, "'directly' in the last answer")
    return transcript.passage(line.turn, line.sentence)


CHECKS = [
    Check(
        "ex06.q1",
        f"how many times the briefing says the word '{WORD}'",
        word_count,
        partial(compare_number, what="the number of times", whole=True),
        hint=f"briefing.kwic('{WORD}') gives one line per place the word is said; len() counts them.",
    ),
    Check(
        "ex06.q2",
        f"the numbers of the exchanges (counting from 1) whose answers say '{WORD}', in order",
        exchanges_with_word,
        partial(compare_items, what="exchange numbers", ordered=True, item_type=int),
        hint="Note the .turn of each kwic line. An exchange's answer is in the turns listed in its "
        ".answer_turns; enumerate(briefing.exchanges(), start=1) numbers the exchanges from 1.",
    ),
    Check(
        "ex06.q3",
        "how many words each answer has, as a dict from the questioner's name to the answer's words",
        answer_words_by_questioner,
        partial(
            compare_mapping,
            keys="questioners",
            compare_value=partial(compare_number, what="the number of words", whole=True),
        ),
        hint="Each exchange has a .questioner (the name as the moderator gives it) and .answer_words: "
        "{e.questioner: e.answer_words for e in exchanges}.",
    ),
    Check(
        "ex06.q4",
        "the name of the questioner whose question got the longest answer",
        longest_answer_questioner,
        partial(compare_text, what="the name"),
        hint="max(answer_words, key=answer_words.get) gives the key with the largest value.",
    ),
    Check(
        "ex06.q5",
        "the whole sentence of the last answer in which the ambassador says he cannot answer directly",
        cannot_answer_sentence,
        partial(compare_text, what="the sentence"),
        hint="The last exchange is briefing.exchanges()[-1]. Search with briefing.kwic('directly') and "
        "take briefing.passage(line.turn, line.sentence).",
    ),
]
