"""Checks for the exercises of lesson 01, the briefing as a primary source (``solutions/01_the_briefing``).

Course content, not engine: each expected value is computed from ``data/briefing/people.csv`` or the
parsed transcript when the check runs, so a corrected file updates the check. Each parameter of a
question is written once, below, and the question and its hint are built from it.
"""

from __future__ import annotations

from collections import Counter

from casebook.checks import Check, fold
from casebook.checks.kinds import counts, items, percentage, sentence, whole
from casebook.checks.material import briefing, only, table

PEOPLE = "briefing_people"  # the table of the briefing's people
ASKER = "questioner"  # their role for a journalist who asked a question
PHRASE = "on the record"  # what the moderator says about the session
QUIRK = "repeated-speaker"  # the transcript quirk of a label that repeats the one before it


def questioners_in_order() -> list[str]:
    """The questioners' names, in the order of their questions (Q1, Q2, ...)."""
    people = [p for p in table(PEOPLE) if p.role == ASKER and p.name]
    return [p.name for p in sorted(people, key=lambda p: int((p.question or "Q0")[1:]))]


def questions_by_mode() -> dict[str, int]:
    """How many questioners asked live and how many submitted their question."""
    return dict(Counter(p.mode for p in table(PEOPLE) if p.role == ASKER and p.mode))


def briefer_word_share() -> float:
    """The briefer's words as a percentage of all the words spoken in the briefing's turns."""
    stats = briefing().stats()
    return 100 * stats.words_by_role["briefer"] / stats.words


def on_the_record_sentence() -> str:
    """The moderator's sentence that says the session is on the record."""
    transcript = briefing()
    lines = [line for line in transcript.kwic(PHRASE) if transcript.turn(line.turn).role == "moderator"]
    line = only(lines, f"moderator's sentence saying {PHRASE!r}")
    return transcript.passage(line.turn, line.sentence)


def mislabelled_turn() -> int:
    """The turn whose label repeats the one before it (the moderator answering the moderator)."""
    return only([q for q in briefing().quirks() if q.kind == QUIRK], f"{QUIRK} quirk").turn


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex01.q1",
        f"the {ASKER}s' names, as the data gives them, in the order they asked their questions",
        questioners_in_order,
        items(f"{ASKER}s", str, ordered=True, key=fold),
        f"Keep the rows of data.load('{PEOPLE}') whose role is '{ASKER}'; the column 'question' "
        "(Q1, Q2, ...) gives the order. Put each row's name in a list.",
    ),
    Check(
        "ex01.q2",
        "how many questions were asked live and how many were submitted, as a dict by mode",
        questions_by_mode,
        counts("modes", "the number of questions"),
        f"Count the 'mode' values of the {ASKER}s' rows; collections.Counter counts them into a "
        "dict-like object.",
    ),
    Check(
        "ex01.q3",
        "the briefer's share of all words spoken, as a percentage (0 to 100) to one decimal place",
        briefer_word_share,
        percentage("the percentage"),
        "briefing.stats() has the words of each role (.words_by_role) and of all turns (.words). "
        "A share of 0.5 is 50%; round(x, 1) keeps one decimal.",
    ),
    Check(
        "ex01.q4",
        f"the whole sentence in which the moderator says the session is {PHRASE}",
        on_the_record_sentence,
        sentence(),
        f"briefing.kwic('{PHRASE}') finds the place; each line has .turn and .sentence, and "
        "briefing.passage(turn, sentence) gives the whole sentence as a text.",
    ),
    Check(
        "ex01.q5",
        "the number of the turn (counting from 1) whose label MODERATOR repeats the label before it",
        mislabelled_turn,
        whole("the turn number"),
        f"briefing.quirks() lists the transcript's oddities; the one whose kind is '{QUIRK}' has a "
        ".turn. Turns are counted from 1, as in briefing.turn(1), the first turn.",
    ),
]
