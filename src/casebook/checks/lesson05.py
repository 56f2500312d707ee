"""Checks for the exercises of lesson 05, counting political prisoners
(``solutions/05_counting_prisoners``).

Every expected value is computed from ``data/belarus/political_prisoners.csv``, the briefing's
metadata or the parsed transcript when the check runs, so a corrected file updates the check.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from casebook.checks.compare import compare_date, compare_items, compare_number, compare_text
from casebook.checks.material import briefing, only, table
from casebook.checks.registry import Check

THRESHOLD = 1000  # the exercise asks when Viasna's count first went above this
CONFLICT_GROUP = "end-2023"  # the conflict group the exercise asks about


def _viasna() -> list:
    """Viasna's dated counts, earliest first."""
    rows = [row for row in table("political_prisoners") if row.figure_by == "viasna" and row.as_of]
    return sorted(rows, key=lambda row: row.as_of)


def _briefing_figure() -> int:
    rows = [row for row in table("political_prisoners") if row.figure_by == "briefing"]
    return only(rows, "figure given by the briefing").count


def highest_count() -> int:
    """The highest count Viasna published."""
    return max(row.count for row in _viasna())


def first_above_threshold() -> date:
    """The date of Viasna's first count above 1,000."""
    above = [row.as_of for row in _viasna() if row.count > THRESHOLD]
    if not above:
        raise LookupError(f"no Viasna count above {THRESHOLD:,}")
    return above[0]


def gap_before_briefing() -> int:
    """Viasna's last count before the briefing's date minus the briefing's own figure."""
    from casebook import data

    day = data.briefing_metadata().date
    before = [row for row in _viasna() if row.as_of < day]
    if not before:
        raise LookupError(f"no Viasna count dated before the briefing ({day.isoformat()})")
    return before[-1].count - _briefing_figure()


def conflicting_figures() -> list[int]:
    """The counts of the rows in the conflict group "end-2023"."""
    rows = [row.count for row in table("political_prisoners") if row.conflict_group == CONFLICT_GROUP]
    if not rows:
        raise LookupError(f"no rows in the conflict group {CONFLICT_GROUP!r}")
    return rows


def change_from_peak() -> float:
    """The change from Viasna's highest count to its latest one, as a percentage of the highest."""
    peak, latest = highest_count(), _viasna()[-1].count
    return 100 * (latest - peak) / peak


def figure_sentence() -> str:
    """The sentence in which the briefing gives its number of political prisoners."""
    figure = _briefing_figure()
    mentions = [n for n in briefing().numbers() if n.value == figure]
    return only(mentions, f"mention of {figure:,} in the transcript").context


CHECKS = [
    Check(
        "ex05.q1",
        "the highest count of political prisoners that Viasna published",
        highest_count,
        partial(compare_number, what="the highest count", whole=True),
        hint="Keep the rows whose .figure_by is 'viasna' (the briefing's own figure is not Viasna's), "
        "then max(row.count for row in those rows).",
    ),
    Check(
        "ex05.q2",
        f"the date of Viasna's first count above {THRESHOLD:,}",
        first_above_threshold,
        partial(compare_date, what="the date"),
        hint="Go through Viasna's rows in date order (sorted by .as_of) and stop at the first whose "
        ".count is more than 1000; give its .as_of (a date, or the text 'YYYY-MM-DD').",
    ),
    Check(
        "ex05.q3",
        "how many more people Viasna counted on its last date before the briefing than the "
        "briefing's own figure",
        gap_before_briefing,
        partial(compare_number, what="the difference", whole=True),
        hint="data.briefing_metadata().date is the briefing's (inferred) date. Take Viasna's last "
        "count dated before it, and subtract the briefing's figure (the row whose .figure_by is "
        "'briefing'). Viasna's count minus the briefing's: more is positive.",
    ),
    Check(
        "ex05.q4",
        f"the counts of the rows that share the conflict group '{CONFLICT_GROUP}'",
        conflicting_figures,
        partial(compare_items, what="counts", item_type=int),
        hint=f"Keep the rows whose .conflict_group is '{CONFLICT_GROUP}' and list their .count, "
        "all of them, as whole numbers.",
    ),
    Check(
        "ex05.q5",
        "the change from Viasna's highest count to its latest, as a percentage of the highest, to "
        "one decimal place",
        change_from_peak,
        partial(compare_number, what="the percentage change", abs_tol=0.05, percent=True),
        hint="(latest - highest) / highest * 100, where latest is the count with the latest .as_of. A "
        "fall gives a negative number.",
    ),
    Check(
        "ex05.q6",
        "the whole sentence in which the ambassador gives the number of political prisoners",
        figure_sentence,
        partial(compare_text, what="the sentence"),
        hint="briefing.numbers() lists every number said, each with its .value and its whole "
        "sentence as .context; find the one whose value is the briefing's figure.",
    ),
]
