"""Numbers in a stretch of text, with their value when it can be read.

Kinds: "count" ("1,486", "38", "three", "2.5 million"), "range" ("from eight to 20", "between 3 and
5", "10-12"), "percent" ("40 percent", "3.5%"), "money" ("$5 million"), "ordinal" ("1422nd") and
"approximate" ("hundreds of thousands", "thousands", "dozens": no value). A qualifier just before the
number ("at least", "more than", from ``markers.json``) is kept beside it.

Not numbers here: digits inside a word or code ("Direkt36", "MiG-29"), times ("10:30"), the word "one"
on its own (far more often a pronoun: "no one", "one day"), and anything a caller marks as taken (the
kit passes the dates, so "2021" and "24th" in "May 24th, 2021" are dates, not numbers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from casebook.transcript.lexicon import phrase_alternatives, shipped
from casebook.transcript.spans import without_overlaps

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9, "trillion": 10**12}

_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
_UNIT = "|".join(sorted((u for u in _UNITS if u != "one"), key=len, reverse=True))
_TEN = "|".join(_TENS)
_WORDS = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}|one))?|{_UNIT}|(?:a|one)(?=\s+{_SCALE}))(?:\s+{_SCALE})*"
_NUMBER = rf"(?:(?:{_NUMERAL})(?:\s+{_SCALE})?|{_WORDS})"
_LEFT = r"(?<![\w.,:/$€£-])"
_RIGHT = r"(?![\w]|[.,:/]\d)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("range", rf"\b(?:from|between)\s+(?P<a>{_NUMBER})\s+(?:to|and)\s+(?P<b>{_NUMBER}){_RIGHT}"),
        ("range", rf"{_LEFT}(?P<a>{_NUMBER})\s+to\s+(?P<b>{_NUMBER}){_RIGHT}"),
        ("range", rf"{_LEFT}(?P<a>{_NUMERAL})\s*[-–]\s*(?P<b>{_NUMERAL}){_RIGHT}"),
        ("percent", rf"{_LEFT}(?P<a>{_NUMBER})\s*(?:%|\bper\s*cent\b|\bpercent\b)"),
        ("money", rf"(?<![\w.,])[$€£]\s?(?P<a>(?:{_NUMERAL})(?:\s+{_SCALE})?){_RIGHT}"),
        ("money", rf"{_LEFT}(?P<a>{_NUMBER})\s+(?:dollars|euros|pounds)\b"),
        ("ordinal", rf"{_LEFT}(?P<a>\d+)(?:st|nd|rd|th)\b"),
        (
            "approximate",
            r"\b(?:(?:hundreds|thousands|millions|billions|dozens)(?:\s+(?:and\s+|of\s+)(?:thousands|millions|billions))?"
            r"|tens\s+of\s+(?:thousands|millions|billions))\b",
        ),
        ("count", rf"{_LEFT}(?P<a>{_NUMBER}){_RIGHT}"),
    )
)


@dataclass(frozen=True)
class FoundNumber:
    """A number found at ``text[start:end]``."""

    start: int
    end: int
    kind: str
    value: float | None = None
    upper: float | None = None
    qualifier: str | None = None


def value_of(words: str) -> float | None:
    """The value of a number written in digits or words ("1,486", "2.5 million", "twenty-five")."""
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s-]+", words.lower().replace(",", "")):
        if not token or token == "and":
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
        elif token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "a":
            current += 1
        elif token in _SCALES:
            current = (current or 1) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@lru_cache(maxsize=1)
def _qualifier() -> re.Pattern[str]:
    alternatives = phrase_alternatives(shipped("markers.json")["number_qualifiers"])
    return re.compile(r"(?<![\w'’-])(?P<q>" + alternatives + r")\s+$", re.IGNORECASE)


def find_numbers(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[FoundNumber]:
    """Every number in ``text`` outside the ``taken`` spans, in order, without overlaps."""
    found: list[FoundNumber] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            value = value_of(groups["a"]) if groups.get("a") else None
            upper = value_of(groups["b"]) if groups.get("b") else None
            found.append(FoundNumber(match.start(), match.end(), kind, value, upper))
    kept = []
    for number in without_overlaps(found, taken):
        before = _qualifier().search(text, max(0, number.start - 30), number.start)
        qualifier = " ".join(before.group("q").lower().split()) if before else None
        kept.append(FoundNumber(number.start, number.end, number.kind, number.value, number.upper, qualifier))
    return kept
