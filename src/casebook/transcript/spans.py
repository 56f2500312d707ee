"""A set of (start, end) spans that answers "does this span overlap any of them?" in logarithmic time.

The finders skip what another finder already claimed (numbers skip dates, quotation marks skip spoken
quotations). Checking every claimed span each time would make a long turn quadratic; this does not.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Protocol, TypeVar


class Located(Protocol):
    """Anything found at ``text[start:end]``."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Found = TypeVar("Found", bound=Located)


class Spans:
    """Half-open spans ``[start, end)``, in any order, possibly overlapping each other."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._max_ends = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares at least one position with any span."""
        last = bisect_left(self._starts, end) - 1  # the spans that start before ``end``
        return last >= 0 and self._max_ends[last] > start

    def covers(self, position: int) -> bool:
        """Whether ``position`` lies inside any span."""
        return self.overlaps(position, position + 1)


def without_overlaps(found: Iterable[Found], skip: Iterable[tuple[int, int]] = ()) -> list[Found]:
    """What a finder keeps of its matches: in text order, each outside the ``skip`` spans and overlapping
    none kept before it; of matches that start together, the longest wins."""
    kept: list[Found] = []
    skipped = Spans(skip)
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and item.start < kept[-1].end:
            continue
        if skipped.overlaps(item.start, item.end):
            continue
        kept.append(item)
    return kept
