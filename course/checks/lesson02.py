"""Checks for the exercises of lesson 02, the OSCE and the human dimension
(``solutions/02_osce_human_dimension``).

Course content, not engine: each expected value is computed from ``data/timeline.csv``,
``data/briefing/claims.csv`` or the parsed transcript when the check runs, so a corrected file updates
the check. Each parameter of a question is written once, below, and the question and its hint are
built from it.
"""

from __future__ import annotations

from collections import Counter

from casebook.checks import Check
from casebook.checks.kinds import counts, sentence, text, whole
from casebook.checks.material import briefing, only, table

HELSINKI_EVENT = "t01"  # the timeline row of the Helsinki Final Act, as the exercise names it
MOSCOW_EVENT = "t05"  # the timeline row of the Moscow Document, as the exercise names it
EXPEL = "expel"  # the word of the ambassador's sentence on expelling a state
EXPLICIT = "explicit"  # the word of his sentence on the recognition of human rights
ACT = "Helsinki Final Act"  # the founding text the first question and the claim asked about name


def _event_year(event_id: str) -> int:
    return only([e for e in table("timeline") if e.id == event_id], f"timeline event {event_id}").date.year


def years_helsinki_to_moscow() -> int:
    """Years from the Helsinki Final Act to the Moscow Document, by calendar year."""
    return _event_year(MOSCOW_EVENT) - _event_year(HELSINKI_EVENT)


def events_by_track() -> dict[str, int]:
    """How many timeline events each track ("osce", "belarus") holds."""
    return dict(Counter(e.track for e in table("timeline")))


def _briefer_sentence(word: str) -> str:
    transcript = briefing()
    lines = [line for line in transcript.kwic(word) if transcript.turn(line.turn).role == "briefer"]
    line = only(lines, f"briefer's sentence with {word!r}")
    return transcript.passage(line.turn, line.sentence)


def claim_verdict() -> str:
    """The verdict (V, U or B) of the one claim in ``claims`` that mentions the Helsinki Final Act."""
    rows = [c for c in table("claims") if ACT.lower() in c.claim.lower()]
    return only(rows, f"claim about the {ACT}").verdict


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex02.q1",
        f"how many years passed from the {ACT} (timeline {HELSINKI_EVENT}) to the Moscow Document "
        f"(timeline {MOSCOW_EVENT}), counting by calendar year",
        years_helsinki_to_moscow,
        whole("the number of years"),
        "Find the two rows of data.load('timeline') by their id; each row's .date is a "
        "datetime.date, and .date.year is its year. Subtract the earlier year from the later one.",
    ),
    Check(
        "ex02.q2",
        "how many timeline events each track holds, as a dict by track",
        events_by_track,
        counts("tracks", "the number of events"),
        "Every row of data.load('timeline') has a .track; collections.Counter counts them into a "
        "dict-like object.",
    ),
    Check(
        "ex02.q3",
        "the whole sentence in which the ambassador says there is no mechanism to expel a state",
        lambda: _briefer_sentence(EXPEL),
        sentence(),
        f"briefing.kwic('{EXPEL}') finds the word; briefing.passage(turn, sentence) gives the whole "
        "sentence it is in, as a text.",
    ),
    Check(
        "ex02.q4",
        f"the whole sentence in which the ambassador speaks of the '{EXPLICIT}' recognition of human rights",
        lambda: _briefer_sentence(EXPLICIT),
        sentence(),
        f"Search with briefing.kwic('{EXPLICIT}'), then take the whole sentence with briefing.passage.",
    ),
    Check(
        "ex02.q5",
        f"the verdict (V, U or B) the kit's claims table gives the claim about the {ACT}",
        claim_verdict,
        text("the verdict"),
        f"Keep the rows of data.load('claims') whose .claim mentions the {ACT}; there is one. "
        "Its .verdict is a single capital letter, as a text.",
    ),
]
