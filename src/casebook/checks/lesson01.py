"""Checks for the exercises of lesson 01, the briefing as a primary source (``solutions/01_the_briefing``).

Every expected value is computed from ``data/briefing/people.csv`` or the parsed transcript when the
check runs, so a corrected file updates the check.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from casebook.checks.compare import compare_items, compare_mapping, compare_number, compare_text, fold
from casebook.checks.material import briefing, only, table
from casebook.checks.registry import Check


def questioners_in_order() -> list[str]:
    """The questioners' names from ``briefing_people``, in the order of their questions (Q1, Q2, ...)."""
    people = [p for p in table("briefing_people") if p.role == "questioner" and p.name]
    return [p.name for p in sorted(people, key=lambda p: int((p.question or "Q0")[1:]))]


def questions_by_mode() -> dict[str, int]:
    """How many questioners asked live and how many submitted their question, from ``briefing_people``."""
    return dict(Counter(p.mode for p in table("briefing_people") if p.role == "questioner" and p.mode))


def briefer_word_share() -> float:
    """The briefer's words as a percentage of all the words spoken in the briefing's turns."""
    stats = briefing().stats()
    return 100 * stats.words_by_role["briefer"] / stats.words


def on_the_record_sentence() -> str:
    """The moderator's sentence that says the session is on the record."""
    transcript = briefing()
    lines = [
        line for line in transcript.kwic("on the record") if transcript.turns[line.turn].role == "moderator"
    ]
    line = only(lines, "moderator's sentence saying 'on the record'")
    return transcript.passage(line.turn, line.sentence)


def mislabelled_turn() -> int:
    """The turn whose label repeats the one before it (the moderator answering the moderator)."""
    quirks = [q for q in briefing().quirks() if q.kind == "repeated-speaker"]
    return only(quirks, "turn with a repeated speaker label").turn


CHECKS = [
    Check(
        "ex01.q1",
        "the questioners' names, as the data gives them, in the order they asked their questions",
        questioners_in_order,
        partial(compare_items, what="questioners", ordered=True, item_type=str, key=fold),
        hint="Keep the rows of data.load('briefing_people') whose role is 'questioner'; the column "
        "'question' (Q1, Q2, ...) gives the order. Put each row's name in a list.",
    ),
    Check(
        "ex01.q2",
        "how many questions were asked live and how many were submitted, as a dict by mode",
        questions_by_mode,
        partial(
            compare_mapping,
            keys="modes",
            compare_value=partial(compare_number, what="the number of questions", whole=True),
        ),
        hint="Count the questioners' 'mode' values: Counter(row.mode for row in questioners) gives "
        "a dict-like count such as {'live': ..., 'submitted': ...}.",
    ),
    Check(
        "ex01.q3",
        "the briefer's share of all words spoken, as a percentage (0 to 100) to one decimal place",
        briefer_word_share,
        partial(compare_number, what="the percentage", abs_tol=0.05, percent=True),
        hint="stats = briefing.stats(); divide stats.words_by_role['briefer'] by stats.words, then "
        "multiply by 100 (a share of 0.5 is 50%). round(x, 1) keeps one decimal.",
    ),
    Check(
        "ex01.q4",
        "the whole sentence in which the moderator says the session is on the record",
        on_the_record_sentence,
        partial(compare_text, what="the sentence"),
        hint="briefing.kwic('on the record') finds the place; each line has .turn and .sentence, and "
        "briefing.passage(line.turn, line.sentence) gives the whole sentence as a text.",
    ),
    Check(
        "ex01.q5",
        "the number of the turn (counting from 0) whose label MODERATOR repeats the label before it",
        mislabelled_turn,
        partial(compare_number, what="the turn number", whole=True),
        hint="briefing.quirks() lists the transcript's oddities; the one whose kind is "
        "'repeated-speaker' has a .turn. Turns are counted from 0, as in briefing.turns[0].",
    ),
]
