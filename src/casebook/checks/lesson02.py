"""Checks for the exercises of lesson 02, the OSCE and the human dimension
(``solutions/02_osce_human_dimension``).

Every expected value is computed from ``data/timeline.csv``, ``data/briefing/claims.csv`` or the parsed
transcript when the check runs, so a corrected file updates the check.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from casebook.checks.compare import compare_mapping, compare_number, compare_text
from casebook.checks.material import briefing, only, table
from casebook.checks.registry import Check

HELSINKI_EVENT = "t01"  # the timeline row of the Helsinki Final Act, as the exercise names it
MOSCOW_EVENT = "t05"  # the timeline row of the Moscow Document, as the exercise names it


def _event_year(event_id: str) -> int:
    return only([e for e in table("timeline") if e.id == event_id], f"timeline event {event_id}").date.year


def years_helsinki_to_moscow() -> int:
    """Years from the Helsinki Final Act (timeline t01) to the Moscow Document (timeline t05)."""
    return _event_year(MOSCOW_EVENT) - _event_year(HELSINKI_EVENT)


def events_by_track() -> dict[str, int]:
    """How many timeline events each track ("osce", "belarus") holds."""
    return dict(Counter(e.track for e in table("timeline")))


def _briefer_sentence(word: str) -> str:
    transcript = briefing()
    lines = [line for line in transcript.kwic(word) if transcript.turns[line.turn].role == "briefer"]
    line = only(lines, f"briefer's sentence with {word!r}")
    return transcript.passage(line.turn, line.sentence)


def expel_sentence() -> str:
    """The ambassador's sentence with the word "expel"."""
    return _briefer_sentence("expel")


def explicit_sentence() -> str:
    """The ambassador's sentence with the word "explicit"."""
    return _briefer_sentence("explicit")


def helsinki_verdict() -> str:
    """The verdict (V, U or B) of the one claim in ``claims`` that mentions the Helsinki Final Act."""
    rows = [c for c in table("claims") if "helsinki" in c.claim.lower()]
    return only(rows, "claim about the Helsinki Final Act").verdict


CHECKS = [
    Check(
        "ex02.q1",
        "how many years passed from the Helsinki Final Act (timeline t01) to the Moscow Document "
        "(timeline t05), counting by calendar year",
        years_helsinki_to_moscow,
        partial(compare_number, what="the number of years", whole=True),
        hint="Find the two rows of data.load('timeline') by their id; each row's .date is a "
        "datetime.date, and .date.year is its year. Subtract the earlier year from the later one.",
    ),
    Check(
        "ex02.q2",
        "how many timeline events each track holds, as a dict by track",
        events_by_track,
        partial(
            compare_mapping,
            keys="tracks",
            compare_value=partial(compare_number, what="the number of events", whole=True),
        ),
        hint="Every row of data.load('timeline') has a .track ('osce' or 'belarus'); "
        "Counter(row.track for row in timeline) counts them.",
    ),
    Check(
        "ex02.q3",
        "the whole sentence in which the ambassador says there is no mechanism to expel a state",
        expel_sentence,
        partial(compare_text, what="the sentence"),
        hint="briefing.kwic('expel') finds the word; briefing.passage(line.turn, line.sentence) gives "
        "the whole sentence it is in, as a text.",
    ),
    Check(
        "ex02.q4",
        "the whole sentence in which the ambassador speaks of the 'explicit' recognition of human rights",
        explicit_sentence,
        partial(compare_text, what="the sentence"),
        hint="Search with briefing.kwic('explicit'), then take briefing.passage(line.turn, line.sentence).",
    ),
    Check(
        "ex02.q5",
        "the verdict (V, U or B) the kit's claims table gives the claim about the Helsinki Final Act",
        helsinki_verdict,
        partial(compare_text, what="the verdict"),
        hint="Keep the rows of data.load('claims') whose .claim mentions 'Helsinki'; there is one. "
        "Its .verdict is a single capital letter, as a text.",
    ),
]
