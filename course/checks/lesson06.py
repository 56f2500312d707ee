"""Checks for the exercises of lesson 06, from documentation to accountability
(``solutions/06_documentation_to_accountability``).

Course content, not engine: each expected value is computed from the parsed transcript when the
check runs, so a corrected transcript updates the check. Each parameter of a question is written
once, below, and the question and its hint are built from it.
"""

from __future__ import annotations

from casebook.checks import Check
from casebook.checks.kinds import counts, items, sentence, text, whole
from casebook.checks.material import briefing, only

WORD = "accountability"  # the word the exercise counts
DIRECTLY = "directly"  # the word of the last answer's sentence the exercise asks for


def word_count() -> int:
    """How many times the briefing says the word (keyword in context)."""
    return len(briefing().kwic(WORD))


def exchanges_with_word() -> list[int]:
    """The numbers (from 1) of the exchanges whose answers say the word, in order."""
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
    """The sentence of the last answer in which the ambassador says he cannot answer directly."""
    transcript = briefing()
    last = transcript.exchanges()[-1]
    lines = [line for line in transcript.kwic(DIRECTLY) if line.turn in last.answer_turns]
    line = only(lines, f"{DIRECTLY!r} in the last answer")
    return transcript.passage(line.turn, line.sentence)


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex06.q1",
        f"how many times the briefing says the word '{WORD}'",
        word_count,
        whole("the number of times"),
        f"briefing.kwic('{WORD}') gives one line per place the word is said; len() counts them.",
    ),
    Check(
        "ex06.q2",
        f"the numbers of the exchanges (counting from 1) whose answers say '{WORD}', in order",
        exchanges_with_word,
        items("exchange numbers", int, ordered=True),
        "Note the .turn of each kwic line. An exchange's answer is in the turns listed in its "
        ".answer_turns; enumerate(briefing.exchanges(), start=1) numbers the exchanges from 1.",
    ),
    Check(
        "ex06.q3",
        "how many words each answer has, as a dict from the questioner's name to the answer's words",
        answer_words_by_questioner,
        counts("questioners", "the number of words"),
        "Each exchange has a .questioner (the name as the moderator gives it) and .answer_words.",
    ),
    Check(
        "ex06.q4",
        "the name of the questioner whose question got the longest answer",
        longest_answer_questioner,
        text("the name"),
        "max(answer_words, key=answer_words.get) gives the key with the largest value.",
    ),
    Check(
        "ex06.q5",
        f"the whole sentence of the last answer in which the ambassador says he cannot answer {DIRECTLY}",
        cannot_answer_sentence,
        sentence(),
        f"The last exchange is briefing.exchanges()[-1]. Search with briefing.kwic('{DIRECTLY}') and "
        "take the whole sentence with briefing.passage.",
    ),
]
