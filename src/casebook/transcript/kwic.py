"""Keyword in context: each place a word or phrase is said, with the words either side.

Matching ignores case and spacing and takes whole words; a word ending in ``*`` matches any word it
begins ("repress*" finds "repression" and "repressed"). An empty or blank search finds nothing.

``find_kwic`` gives each match with a few words either side; ``kwic_sentences`` gives each sentence
that holds a match, whole, once, for a lesson that reads what was said (shown with ``tables.table``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from casebook.transcript.model import Turn
from casebook.transcript.segment import normalize

MAX_WIDTH = 500


@dataclass(frozen=True)
class KwicLine:
    """One match: the words before (``left``), the match, the words after (``right``), and its place
    (``turn`` and ``sentence`` are numbers counting from 1, as ``Transcript.passage`` takes them)."""

    turn: int
    sentence: int
    speaker: str
    left: str
    match: str
    right: str
    start: int
    end: int
    width: int = 40

    def __str__(self) -> str:
        return f"{self.left:>{self.width}} [{self.match}] {self.right}"


@dataclass(frozen=True)
class KwicSentence:
    """A sentence in which the word is said: its place (as ``KwicLine`` gives it: numbers from 1), speaker
    and text."""

    turn: int
    sentence: int
    speaker: str
    text: str


def _pattern(word: str) -> re.Pattern[str]:
    parts = []
    for token in word.split():
        prefix = token.endswith("*")
        core = re.escape(token.rstrip("*"))
        parts.append(core + (r"[\w'’-]*" if prefix else ""))
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def find_kwic(turns: Sequence[Turn], word: str, width: int = 40) -> list[KwicLine]:
    """Every match of ``word`` in the turns, with ``width`` characters of context either side."""
    if isinstance(width, bool) or not isinstance(width, int) or not 0 <= width <= MAX_WIDTH:
        raise ValueError(f"width must be a whole number from 0 to {MAX_WIDTH} characters, not {width!r}")
    if not isinstance(word, str) or not word.replace("*", "").strip():
        return []
    pattern = _pattern(word)
    lines = []
    for turn in turns:
        starts = [start - turn.start for start, _ in turn.sentence_spans]
        for match in pattern.finditer(turn.text):
            left = normalize(turn.text[max(0, match.start() - 3 * width) : match.start()])
            right = normalize(turn.text[match.end() : match.end() + 3 * width])
            lines.append(
                KwicLine(
                    turn=turn.number,
                    sentence=max(1, bisect_right(starts, match.start())),
                    speaker=turn.speaker,
                    left=left[-width:] if width else "",
                    match=normalize(match.group()),
                    right=right[:width],
                    start=turn.start + match.start(),
                    end=turn.start + match.end(),
                    width=width,
                )
            )
    return lines


def kwic_sentences(turns: Sequence[Turn], word: str) -> list[KwicSentence]:
    """Each sentence of the turns in which ``word`` is said (matched as ``find_kwic`` does), in order.

    A sentence that says the word twice is listed once; its text is whitespace-normalised, as
    ``Transcript.passage`` gives it.
    """
    by_number = {turn.number: turn for turn in turns}
    places = dict.fromkeys((line.turn, line.sentence) for line in find_kwic(turns, word, width=0))
    return [
        KwicSentence(turn, sentence, by_number[turn].speaker, by_number[turn].sentences[sentence - 1])
        for turn, sentence in places
    ]
