"""Checks for the exercises of lesson 03, the Moscow Mechanism (``solutions/03_moscow_mechanism``).

Course content, not engine: each expected value is computed from ``data/osce/invocations.csv`` or the
parsed transcript when the check runs, so a corrected file updates the check. Each parameter of a
question is written once, below, and the question and its hint are built from it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from numbers import Real
from typing import Any

from casebook.checks import Check
from casebook.checks.kinds import counts, items, whole
from casebook.checks.material import briefing, table

TABLE = "invocations"  # every known use of the Moscow Mechanism
TARGET = "Belarus"  # the state the exercise asks about


def invocations_by_target() -> dict[str, int]:
    """How many invocations each target has, for the rows whose target is known."""
    return dict(Counter(row.target for row in table(TABLE) if row.target))


def _on_target() -> list[Any]:
    rows = [row for row in table(TABLE) if row.target == TARGET]
    return sorted(rows, key=lambda row: row.invoked or date(row.year, 1, 1))


def target_years() -> list[int]:
    """The years of the invocations on the target, earliest first."""
    return [row.year for row in _on_target()]


def invoking_states_change() -> int:
    """The number of invoking states in the latest invocation on the target minus that in the one before."""
    rows = [row for row in _on_target() if row.invoking_states is not None]
    if len(rows) < 2:
        raise LookupError(f"fewer than two invocations on {TARGET} give a number of invoking states")
    return rows[-1].invoking_states - rows[-2].invoking_states


def invocations_by_route() -> dict[str, int]:
    """How many invocations took each route, for the rows whose route is given."""
    return dict(Counter(row.route for row in table(TABLE) if row.route))


def numbers_in_answers() -> list[float]:
    """The values of the numbers the briefer says in his answers to questions, where a value was read."""
    transcript = briefing()
    answers = {turn for exchange in transcript.exchanges() for turn in exchange.answer_turns}
    return [n.value for n in transcript.numbers() if n.turn in answers and n.value is not None]


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex03.q1",
        "how many invocations each target state has, as a dict by target, leaving out unknown targets",
        invocations_by_target,
        counts("targets", "the number of invocations"),
        f"Count row.target over the rows of data.load('{TABLE}'), skipping the rows whose target is "
        "None (not known).",
    ),
    Check(
        "ex03.q2",
        f"the years in which the mechanism was invoked on {TARGET}, earliest first",
        target_years,
        items("years", int, ordered=True),
        f"Keep the rows whose .target is exactly '{TARGET}' and list their .year; the table is "
        "already in date order. A year is a whole number, not a text.",
    ),
    Check(
        "ex03.q3",
        f"how many more states invoked the mechanism on {TARGET} the last time than the time before",
        invoking_states_change,
        whole("the change in the number of states"),
        f"Take .invoking_states of the last two rows on {TARGET} and subtract the earlier one from "
        "the later one: a rise is a positive number.",
    ),
    Check(
        "ex03.q4",
        "how many invocations took each route, as a dict by route, leaving out rows with no route",
        invocations_by_route,
        counts("routes", "the number of invocations"),
        "Count row.route over the rows whose route is not None. Write each route as the data "
        "writes it (print the rows' routes to see them).",
    ),
    Check(
        "ex03.q5",
        "the value of every number the ambassador says in his answers to questions (opening remarks "
        "left out), where the toolkit could read a value",
        numbers_in_answers,
        items("numbers", Real),
        "The answers are in the turns each exchange of briefing.exchanges() lists as .answer_turns. "
        "Keep the .value of each number in briefing.numbers() said in one of those turns, leaving "
        "out the values that are None.",
    ),
]
