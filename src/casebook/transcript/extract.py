"""Mentions across a transcript's turns: numbers, dates, quotations and markers, each with its place.

The finders (``numbers``, ``dates``, ``quotes``, ``hedges``) work on one string; this module runs them on
every turn and turns their local offsets into :class:`~casebook.transcript.model.Mention` objects that
carry the turn number and the sentence number (both counted from 1), offsets into the original text and
the sentence as context.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from casebook.transcript.dates import FoundDate, find_dates
from casebook.transcript.hedges import KINDS, find_markers
from casebook.transcript.model import DateMention, MarkerMention, NumberMention, QuoteMention, Turn
from casebook.transcript.numbers import find_numbers
from casebook.transcript.quotes import find_quotes
from casebook.transcript.segment import normalize


class _Place:
    """Finds the sentence a turn offset falls in."""

    def __init__(self, turn: Turn) -> None:
        self.turn = turn
        self.spans = turn.sentence_spans
        self.starts = [start - turn.start for start, _ in self.spans]
        self.texts: dict[int, str] = {}  # each sentence normalised once, however many mentions it holds

    def sentence(self, local: int) -> tuple[int, str]:
        """The number (from 1) and text of the sentence holding turn offset ``local``."""
        if not self.spans:
            return 1, ""
        index = max(0, bisect_right(self.starts, local) - 1)
        if index not in self.texts:
            start, end = self.spans[index]
            self.texts[index] = normalize(self.turn.text[start - self.turn.start : end - self.turn.start])
        return index + 1, self.texts[index]


def _text(turn: Turn, start: int, end: int) -> str:
    return normalize(turn.text[start:end])


def turn_dates(turns: Sequence[Turn]) -> list[list[FoundDate]]:
    """The dates of each turn (offsets within the turn): numbers and markers skip them, so find them once."""
    return [find_dates(turn.text) for turn in turns]


def dates(turns: Sequence[Turn], found_dates: Sequence[list[FoundDate]] | None = None) -> list[DateMention]:
    """Every date and time word in the turns (kinds as in ``casebook.transcript.dates``)."""
    found_dates = turn_dates(turns) if found_dates is None else found_dates
    found = []
    for turn, turn_found in zip(turns, found_dates, strict=True):
        place = _Place(turn)
        for d in turn_found:
            sentence, context = place.sentence(d.start)
            found.append(
                DateMention(
                    _text(turn, d.start, d.end), d.kind, turn.number, sentence, turn.start + d.start,
                    turn.start + d.end, context, d.year, d.month, d.day,
                )
            )  # fmt: skip
    return found


def numbers(
    turns: Sequence[Turn], found_dates: Sequence[list[FoundDate]] | None = None
) -> list[NumberMention]:
    """Every number in the turns that is not part of a date (kinds as in ``casebook.transcript.numbers``)."""
    found_dates = turn_dates(turns) if found_dates is None else found_dates
    found = []
    for turn, turn_found in zip(turns, found_dates, strict=True):
        place = _Place(turn)
        taken = [(d.start, d.end) for d in turn_found]
        for n in find_numbers(turn.text, taken):
            sentence, context = place.sentence(n.start)
            found.append(
                NumberMention(
                    _text(turn, n.start, n.end), n.kind, turn.number, sentence, turn.start + n.start,
                    turn.start + n.end, context, n.value, n.upper, n.qualifier,
                )
            )  # fmt: skip
    return found


def quotes(turns: Sequence[Turn]) -> list[QuoteMention]:
    """Every quotation in the turns (kinds as in ``casebook.transcript.quotes``)."""
    found = []
    for turn in turns:
        place = _Place(turn)
        for q in find_quotes(turn.text):
            sentence, context = place.sentence(q.start)
            found.append(
                QuoteMention(
                    _text(turn, q.start, q.end), q.kind, turn.number, sentence, turn.start + q.start,
                    turn.start + q.end, context,
                )
            )  # fmt: skip
    return found


def markers(
    turns: Sequence[Turn],
    kinds: Sequence[str] = KINDS,
    found_dates: Sequence[list[FoundDate]] | None = None,
) -> list[MarkerMention]:
    """Every hedging, attribution or distancing marker of the given ``kinds`` in the turns."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown marker kind {unknown[0]!r}: choose from {', '.join(KINDS)}")
    found_dates = turn_dates(turns) if found_dates is None else found_dates
    found = []
    for turn, turn_found in zip(turns, found_dates, strict=True):
        place = _Place(turn)
        skip = [(d.start, d.end) for d in turn_found if d.kind != "relative"]
        for m in find_markers(turn.text, skip):
            if m.kind not in kinds:
                continue
            sentence, context = place.sentence(m.start)
            found.append(
                MarkerMention(
                    _text(turn, m.start, m.end), m.kind, turn.number, sentence, turn.start + m.start,
                    turn.start + m.end, context, m.marker,
                )
            )  # fmt: skip
    return found
