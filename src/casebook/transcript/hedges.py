"""Hedging, attribution and distancing markers, from the word lists in ``markers.json``.

- "attribution": the claim is credited to a source ("according to", "reportedly", "the report notes");
- "hedge": the claim is softened ("appears", "may", "we believe", "I think");
- "distancing": the speaker holds a phrase at arm's length ("so-called", "quote/unquote").

Phrases match as whole words, ignoring case and spacing; where two overlap, the one that starts first
wins, then the longest ("anecdotal reporting suggests" is one marker, not three). Callers pass spans to
skip (the kit passes the dates, so "May" in "May 24th" is not the verb "may").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from casebook.transcript.lexicon import Lexicon, fold, phrase_pattern, shipped
from casebook.transcript.spans import without_overlaps

KINDS: tuple[str, ...] = ("attribution", "hedge", "distancing")


@dataclass(frozen=True)
class FoundMarker:
    """A marker at ``text[start:end]``; ``marker`` is the phrase as written in the word list."""

    start: int
    end: int
    kind: str
    marker: str


class MarkerList:
    """The compiled word lists of one markers file."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.patterns = {kind: phrase_pattern(lexicon[kind]) for kind in KINDS}
        self.phrases = {kind: {fold(p): p for p in lexicon[kind]} for kind in KINDS}

    def find(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[FoundMarker]:
        """Every marker in ``text`` outside the ``skip`` spans, in order, without overlaps."""
        found = []
        for kind, pattern in self.patterns.items():
            for match in pattern.finditer(text):
                phrase = self.phrases[kind].get(fold(match.group()), match.group())
                found.append(FoundMarker(match.start(), match.end(), kind, phrase))
        return without_overlaps(found, skip)


@lru_cache(maxsize=1)
def shipped_markers() -> MarkerList:
    """The marker lists shipped with the package."""
    return MarkerList(shipped("markers.json"))


def find_markers(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[FoundMarker]:
    """Every hedging, attribution or distancing marker in ``text`` (see the module docstring)."""
    return shipped_markers().find(text, skip)
