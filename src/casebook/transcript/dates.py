"""Dates and time words in a stretch of text.

Kinds: "date" (day, month and year: "May 24th, 2021", "11 May 2023", "5/11/2023"), "day" (day and
month: "June 11th"), "month" ("August 2020", "in May"), "year" ("in 2021"), "decade" ("the 1990s"),
"weekday" ("Thursday") and "relative" (words whose date depends on when the briefing was held: "today",
"last week", "earlier this week", from ``markers.json``). Where matches overlap, the one that starts
first wins, then the longest. A bare month name counts only after a word such as "in" or "since", so the
verb "may" and "May I ask" are never dates; a four-digit number from 1800 to 2099 is read as a year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from casebook.transcript.lexicon import phrase_pattern, shipped

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_MONTH = (
    r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_END = r"(?![\w])"

# (kind, pattern, what the text must contain for the pattern to be worth trying)
_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}{_END}(?:,?\s+{_YEAR}{_END})?"), "month digit"),
    (
        "day",
        re.compile(rf"(?<![\w.,])\b{_DAY}\s+(?:of\s+)?{_MONTH}{_END}(?:,?\s+{_YEAR}{_END})?"),
        "month digit",
    ),
    ("month", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}{_END}"), "month digit"),
    (
        "month",
        re.compile(
            rf"\b(?:[Ii]n|[Bb]y|[Oo]f|[Ss]ince|[Uu]ntil|[Dd]uring|[Ee]arly|[Mm]id|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)"
            rf"[\s-]+(?P<span>{_MONTH}){_END}(?!\s+\d)"
        ),
        "month",
    ),
    (
        "date",
        re.compile(
            r"(?<![\w/.])(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d)(?![\w/])"
        ),
        "digit",
    ),
    (
        "date",
        re.compile(
            r"(?<![\w/.-])(?P<year>(?:18|19|20)\d\d)-(?P<month>1[0-2]|0[1-9])-(?P<day>3[01]|[12]\d|0[1-9])(?![\w-])"
        ),
        "digit",
    ),
    ("decade", re.compile(r"(?<![\w$€£.,/-])(?P<year>1[89]\d0|20\d0)['’]?s\b"), "digit"),
    ("weekday", re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"), "day"),
    ("year", re.compile(rf"(?<![\w$€£.,/:-]){_YEAR}(?![\w%/-]|[.,:]\d|\s*(?:percent|per cent)\b)"), "digit"),
)
# Cheap searches that rule whole groups of patterns out for a text.
_HINTS = {
    "month": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "digit": re.compile(r"\d"),
    "day": re.compile(r"day"),
}


@dataclass(frozen=True)
class FoundDate:
    """A date found at ``text[start:end]``."""

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None


@lru_cache(maxsize=1)
def _relative() -> re.Pattern[str]:
    return phrase_pattern(shipped("markers.json")["relative_dates"])


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _read(kind: str, match: re.Match[str]) -> FoundDate | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = groups.get("month")
    month_number = (int(month) if month.isdigit() else _month_number(month)) if month else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and month_number is not None:
        if day > calendar.monthrange(year or 2000, month_number)[1]:
            return None  # "June 31": not a date
        if kind == "day" and year is not None:
            kind = "date"
    start, end = match.span("span") if groups.get("span") else match.span()
    return FoundDate(start, end, kind, year, month_number, day)


def find_dates(text: str) -> list[FoundDate]:
    """Every date and time word in ``text``, in order, without overlaps (see the module docstring)."""
    found: list[FoundDate] = []
    present = {hint for hint, pattern in _HINTS.items() if pattern.search(text)}
    for kind, pattern, needs in _PATTERNS:
        if not present.issuperset(needs.split()):
            continue
        for match in pattern.finditer(text):
            date = _read(kind, match)
            if date is not None:
                found.append(date)
    found += [FoundDate(m.start(), m.end(), "relative") for m in _relative().finditer(text)]
    return _without_overlaps(found)


def _without_overlaps(found: list[FoundDate]) -> list[FoundDate]:
    kept: list[FoundDate] = []
    for date in sorted(found, key=lambda d: (d.start, -(d.end - d.start))):
        if not kept or date.start >= kept[-1].end:
            kept.append(date)
    return kept
