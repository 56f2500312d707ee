"""Dates that the sources give only to the month or the year, read and written at that precision.

The datasets store such dates as ISO text (``1993``, ``1992-07``, ``1975-08-01``), or as a full date
with a ``*_precision`` column (``day``, ``month`` or ``year``) beside it. A month or a year alone stands
for its first day, so every date sorts and plots.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PRECISIONS = ("day", "month", "year")


def as_date(value: Any) -> dt.date:
    """A ``date`` from a date object or ISO text: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    Raises ``ValueError`` naming the value when it is none of these.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1 and len(parts[0]) == 4:
            return dt.date(numbers[0], 1, 1)
        if len(numbers) == 2 and len(parts[0]) == 4:
            return dt.date(numbers[0], numbers[1], 1)
        if len(numbers) == 3 and len(parts[0]) == 4:
            return dt.date(*numbers)
    except ValueError:
        pass
    raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")


def precision_of(value: Any, precision: Any = None) -> str:
    """The precision of a date: the one given if any, else read from the ISO text's length."""
    given = str(precision or "").strip().lower()
    if given in PRECISIONS:
        return given
    text = str(value).strip()
    if isinstance(value, str) and len(text) == 4:
        return "year"
    if isinstance(value, str) and len(text) == 7:
        return "month"
    return "day"


def readable(value: Any, precision: Any = None) -> str:
    """The date as a reader writes it, no more precise than its source gives it.

    For example ``1 Aug 1975``, ``Jul 1992`` or ``1993``.
    """
    day = as_date(value)
    level = precision_of(value, precision)
    if level == "year":
        return str(day.year)
    if level == "month":
        return day.strftime("%b %Y")
    return f"{day.day} {day.strftime('%b %Y')}"
