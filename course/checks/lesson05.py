"""Checks for the exercises of lesson 05, counting political prisoners
(``solutions/05_counting_prisoners``).

Course content, not engine: each expected value is computed from
``data/belarus/political_prisoners.csv``, the briefing's metadata or the parsed transcript when the
check runs, so a corrected file updates the check. Each parameter of a question is written once,
below, and the question and its hint are built from it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from casebook import data
from casebook.checks import Check
from casebook.checks.kinds import day, items, percentage, sentence, whole
from casebook.checks.material import briefing, only, table

TABLE = "political_prisoners"  # every published count, by whom and as of when
COUNTER = "viasna"  # the .figure_by of the Viasna Human Rights Centre's counts
BRIEFING = "briefing"  # the .figure_by of the briefing's own figure
THRESHOLD = 1000  # the exercise asks when Viasna's count first went above this
CONFLICT_GROUP = "end-2023"  # the conflict group the exercise asks about


def _counts() -> list[Any]:
    """Viasna's dated counts, earliest first."""
    rows = [row for row in table(TABLE) if row.figure_by == COUNTER and row.as_of]
    return sorted(rows, key=lambda row: row.as_of)


def _briefing_figure() -> int:
    return only(
        [row for row in table(TABLE) if row.figure_by == BRIEFING], "figure given by the briefing"
    ).count


def highest_count() -> int:
    """The highest count Viasna published."""
    return max(row.count for row in _counts())


def first_above_threshold() -> date:
    """The date of Viasna's first count above the threshold."""
    above = [row.as_of for row in _counts() if row.count > THRESHOLD]
    if not above:
        raise LookupError(f"no {COUNTER} count above {THRESHOLD:,}")
    return above[0]


def gap_before_briefing() -> int:
    """Viasna's last count before the briefing's date minus the briefing's own figure."""
    when = data.briefing_metadata().date
    before = [row for row in _counts() if row.as_of < when]
    if not before:
        raise LookupError(f"no {COUNTER} count dated before the briefing ({when.isoformat()})")
    return before[-1].count - _briefing_figure()


def conflicting_figures() -> list[int]:
    """The counts of the rows in the conflict group asked about."""
    rows = [row.count for row in table(TABLE) if row.conflict_group == CONFLICT_GROUP]
    if not rows:
        raise LookupError(f"no rows in the conflict group {CONFLICT_GROUP!r}")
    return rows


def change_from_peak() -> float:
    """The change from Viasna's highest count to its latest one, as a percentage of the highest."""
    peak, latest = highest_count(), _counts()[-1].count
    return 100 * (latest - peak) / peak


def figure_sentence() -> str:
    """The sentence in which the briefing gives its number of political prisoners."""
    figure = _briefing_figure()
    mentions = [n for n in briefing().numbers() if n.value == figure]
    return only(mentions, f"mention of {figure:,} in the transcript").context


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex05.q1",
        "the highest count of political prisoners that Viasna published",
        highest_count,
        whole("the highest count"),
        f"Keep the rows whose .figure_by is '{COUNTER}' (the briefing's own figure is not Viasna's), "
        "then take the largest .count.",
    ),
    Check(
        "ex05.q2",
        f"the date of Viasna's first count above {THRESHOLD:,}",
        first_above_threshold,
        day(),
        f"Go through Viasna's rows in date order (sorted by .as_of) and stop at the first whose "
        f".count is more than {THRESHOLD}; give its .as_of (a date, or the text 'YYYY-MM-DD').",
    ),
    Check(
        "ex05.q3",
        "how many more people Viasna counted on its last date before the briefing than the "
        "briefing's own figure",
        gap_before_briefing,
        whole("the difference"),
        "data.briefing_metadata().date is the briefing's (inferred) date. Take Viasna's last count "
        f"dated before it, and subtract the briefing's figure (the row whose .figure_by is "
        f"'{BRIEFING}'). Viasna's count minus the briefing's: more is positive.",
    ),
    Check(
        "ex05.q4",
        f"the counts of the rows that share the conflict group '{CONFLICT_GROUP}'",
        conflicting_figures,
        items("counts", int),
        f"Keep the rows whose .conflict_group is '{CONFLICT_GROUP}' and list their .count, all of "
        "them, as whole numbers.",
    ),
    Check(
        "ex05.q5",
        "the change from Viasna's highest count to its latest, as a percentage of the highest, to "
        "one decimal place",
        change_from_peak,
        percentage("the percentage change"),
        "The change is the latest count minus the highest, divided by the highest, times 100; the "
        "latest count is the one with the latest .as_of. A fall gives a negative number.",
    ),
    Check(
        "ex05.q6",
        "the whole sentence in which the ambassador gives the number of political prisoners",
        figure_sentence,
        sentence(),
        "briefing.numbers() lists every number said, each with its .value and its whole sentence "
        "as .context; find the one whose value is the briefing's figure.",
    ),
]
