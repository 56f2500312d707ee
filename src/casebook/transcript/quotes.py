"""Quoted words in a stretch of text.

Kinds:
- "spoken": a speaker reads a quotation aloud: ``quote, "shall exclude ...," end quote`` (also
  "unquote" and "close quote" as the end);
- "quote-unquote": ``quote/unquote, "socially useful work"``: the marked words after it (or, with no
  quotation marks, the next word);
- "marks": words between quotation marks: curly double, straight double, or curly single quotes.

Quotation marks inside a spoken or quote-unquote quotation are not listed again. The reported span is
the quoted words only, without the marks, surrounding spaces, or a trailing comma inside the marks.
A quotation mark that never closes is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from casebook.transcript.spans import Spans

MAX_QUOTE = 3000

# A spoken quotation: "quote" opens it, the nearest "end quote" (or "close quote") within MAX_QUOTE
# characters closes it, or failing that the nearest "unquote". The closing words are found once, in one
# pass, and each opening looks its closing up by bisection: text full of the word "quote" stays linear.
_OPENING = re.compile(r"(?<![\w-])quote\b[\s,:]*", re.IGNORECASE)
_END_QUOTE = re.compile(r"\b(?:end|close)[\s-]*quote\b", re.IGNORECASE)
_UNQUOTE = re.compile(r"(?<![\w/-])unquote\b", re.IGNORECASE)
_QUOTE_UNQUOTE = re.compile(r"\bquote[\s/,-]*unquote\b[\s,:]*", re.IGNORECASE)
_MARKS = (
    re.compile(f"“([^“”]{{1,{MAX_QUOTE}}})”"),
    re.compile(f'"([^"]{{1,{MAX_QUOTE}}})"'),
    re.compile(r"(?<!\w)‘([^‘’\n]{1,500}?)’(?!\w)"),
)
_STRIP = ' \t\r\n\xa0“”"‘’,;:'
_NEXT_WORD = re.compile(r"[^\s,.;:?!]+")


@dataclass(frozen=True)
class FoundQuote:
    """Quoted words at ``text[start:end]``."""

    start: int
    end: int
    kind: str


def _inner(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return (start, end) if start < end else None


def _marked(text: str) -> list[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of every quotation in quotation marks."""
    found = []
    for pattern in _MARKS:
        for match in pattern.finditer(text):
            inner = _inner(text, match.start(1), match.end(1))
            if inner:
                found.append((match.start(), match.end(), *inner))
    found.sort()
    kept: list[tuple[int, int, int, int]] = []
    for quote in found:
        if not kept or quote[0] >= kept[-1][1]:
            kept.append(quote)
    return kept


def _closings(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    """The (starts, ends) of every closing phrase of one kind, in order."""
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return [start for start, _ in spans], [end for _, end in spans]


def _closing(
    closings: list[tuple[list[int], list[int]]], word_end: int, words_start: int
) -> tuple[int, int] | None:
    """The closing phrase of a quotation whose "quote" ends at ``word_end`` and whose words start at
    ``words_start``: the nearest "end quote" within MAX_QUOTE characters, else the nearest "unquote"."""
    for starts, ends in closings:
        i = bisect_left(starts, word_end + 1)
        if i < len(starts) and starts[i] - words_start <= MAX_QUOTE:
            return starts[i], ends[i]
    return None


def find_quotes(text: str) -> list[FoundQuote]:
    """Every quotation in ``text``, in order, without overlaps (see the module docstring)."""
    marked = _marked(text)
    marked_at = {quote[0]: quote for quote in marked}
    claimed: list[tuple[int, int, FoundQuote]] = []  # (outer start, outer end, quotation)
    for match in _QUOTE_UNQUOTE.finditer(text):
        following = marked_at.get(match.end())
        if following:
            quote = FoundQuote(following[2], following[3], "quote-unquote")
            claimed.append((match.start(), following[1], quote))
        elif word := _NEXT_WORD.match(text, match.end()):
            claimed.append((match.start(), word.end(), FoundQuote(word.start(), word.end(), "quote-unquote")))
    quote_unquote = Spans((start, end) for start, end, _ in claimed)
    closings = [_closings(_END_QUOTE, text), _closings(_UNQUOTE, text)]
    pos = 0
    for opening in _OPENING.finditer(text):
        if opening.start() < pos:
            continue
        if _QUOTE_UNQUOTE.match(text, opening.start()) or quote_unquote.covers(opening.start()):
            continue  # "quote/unquote" is not the start of a spoken quotation
        closing = _closing(closings, opening.start() + len("quote"), opening.end())
        if closing is None:
            continue
        inner = _inner(text, opening.end(), closing[0])
        if inner:
            claimed.append((opening.start(), closing[1], FoundQuote(inner[0], inner[1], "spoken")))
        pos = closing[1]
    taken = Spans((start, end) for start, end, _ in claimed)
    for outer_start, outer_end, start, end in marked:
        if not taken.overlaps(outer_start, outer_end):
            claimed.append((outer_start, outer_end, FoundQuote(start, end, "marks")))
    return [quote for _, _, quote in sorted(claimed, key=lambda c: c[0])]
