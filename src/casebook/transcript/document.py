"""The :class:`Transcript`: a parsed briefing's turns and metadata, and every analysis of them.

Each analysis lives in its own module (``exchanges``, ``extract``, ``stats``, ``kwic``, ``quirks``);
this class only ties them to one parsed text, and computes each at most once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from casebook.numbering import position
from casebook.transcript import extract
from casebook.transcript.dates import FoundDate
from casebook.transcript.exchanges import build_exchanges
from casebook.transcript.hedges import KINDS
from casebook.transcript.kwic import KwicLine, KwicSentence, find_kwic, kwic_sentences
from casebook.transcript.model import (
    DateMention,
    Exchange,
    MarkerMention,
    Metadata,
    NumberMention,
    Quirk,
    QuoteMention,
    Sentence,
    Turn,
)
from casebook.transcript.quirks import find_quirks
from casebook.transcript.stats import Stats, compute_stats
from casebook.transcript.table import turns_of


class Transcript:
    """A parsed briefing. ``source`` is the original text; every offset points into it.

    ``turns`` is a sequence of :class:`Turn` (from :func:`parse`, a ``TurnTable`` that builds each Turn
    when asked for); ``decisions`` are the parser's guesses, which may be given as any iterable of
    quirks: a list or tuple is taken at once, anything else is read the first time they are asked for.
    """

    def __init__(
        self, source: str, turns: Sequence[Turn], metadata: Metadata, decisions: Iterable[Quirk] = ()
    ) -> None:
        self.source = source
        self.turns: Sequence[Turn] = turns_of(turns)
        self.metadata = metadata
        # A list or tuple is taken now; the parser's lazy decisions are read when first asked for.
        self._decisions: Iterable[Quirk] = (
            tuple(decisions) if isinstance(decisions, (list, tuple)) else decisions
        )

    @cached_property
    def decisions(self) -> tuple[Quirk, ...]:
        """The parser's guesses (see ``casebook.transcript.parser``), as quirks."""
        return tuple(self._decisions)

    def __repr__(self) -> str:
        return f"<Transcript: {len(self.turns)} turns, {len(self.speakers())} speakers>"

    def speakers(self) -> list[str]:
        """Each speaker label once, in order of first appearance."""
        return list(dict.fromkeys(turn.speaker for turn in self.turns))

    @cached_property
    def _sentences(self) -> tuple[Sentence, ...]:
        return tuple(
            Sentence(turn.number, number, text, start, end)
            for turn in self.turns
            for number, ((start, end), text) in enumerate(
                zip(turn.sentence_spans, turn.sentences, strict=True), start=1
            )
        )

    def sentences(self) -> list[Sentence]:
        """Every sentence with its turn number, sentence number (both from 1) and offsets."""
        return list(self._sentences)

    def turn(self, number: int) -> Turn:
        """Turn ``number``, counting from 1 (``turn(1)`` is the first; ``turns[0]`` in list terms).

        Raises LookupError saying which turns exist if there is none (0, negative, past the end), and
        ValueError if ``number`` is not a whole number.
        """
        return self.turns[position("turn", number, len(self.turns), "this transcript has")]

    def sentence(self, turn: int, number: int) -> Sentence:
        """Sentence ``number`` of turn ``turn``, both counting from 1; LookupError or ValueError (as for
        :meth:`turn`) saying what exists if there is none."""
        found = self.turn(turn)
        spans = found.sentence_spans
        at = position("sentence", number, len(spans), f"turn {found.number} has")
        start, end = spans[at]
        return Sentence(found.number, at + 1, found._sentence_texts[at], start, end)

    def passage(self, turn: int, sentence: int | None = None) -> str:
        """The text a quiz reference points at: sentence ``sentence`` of turn ``turn``, or the whole turn
        (whitespace-normalised); both numbers count from 1, as the tables show them."""
        if sentence is None:
            return self.turn(turn).plain
        return self.sentence(turn, sentence).text

    @cached_property
    def _exchanges(self) -> tuple[Exchange, ...]:
        return tuple(build_exchanges(self.turns))

    def exchanges(self) -> list[Exchange]:
        """The questions and their answers, live or submitted, with questioner and outlet."""
        return list(self._exchanges)

    @cached_property
    def _turn_dates(self) -> list[list[FoundDate]]:
        return extract.turn_dates(self.turns)

    @cached_property
    def _numbers(self) -> tuple[NumberMention, ...]:
        return tuple(extract.numbers(self.turns, self._turn_dates))

    def numbers(self) -> list[NumberMention]:
        """Every number said in the turns, outside dates, with its value, qualifier and sentence."""
        return list(self._numbers)

    @cached_property
    def _dates(self) -> tuple[DateMention, ...]:
        return tuple(extract.dates(self.turns, self._turn_dates))

    def dates(self) -> list[DateMention]:
        """Every date and time word in the turns ("May 24th, 2021", "August 2020", "last week")."""
        return list(self._dates)

    @cached_property
    def _quotes(self) -> tuple[QuoteMention, ...]:
        return tuple(extract.quotes(self.turns))

    def quotes(self) -> list[QuoteMention]:
        """Every quotation in the turns: in quotation marks, "quote ... end quote", "quote/unquote"."""
        return list(self._quotes)

    @cached_property
    def _hedges(self) -> tuple[MarkerMention, ...]:
        return tuple(extract.markers(self.turns, found_dates=self._turn_dates))

    def hedges(self, kinds: Sequence[str] = KINDS) -> list[MarkerMention]:
        """Hedging, attribution and distancing markers (``kinds`` picks some of the three)."""
        if isinstance(kinds, str):
            kinds = (kinds,)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown marker kind {unknown[0]!r}: choose from {', '.join(KINDS)}")
        return [m for m in self._hedges if m.kind in kinds]

    def kwic(self, word: str, width: int = 40) -> list[KwicLine]:
        """Keyword in context: every place ``word`` (or phrase; ``*`` ends a prefix) is said."""
        return find_kwic(self.turns, word, width)

    def kwic_sentences(self, word: str) -> list[KwicSentence]:
        """Each sentence in which ``word`` (or phrase; ``*`` ends a prefix) is said, whole and once."""
        return kwic_sentences(self.turns, word)

    @cached_property
    def _stats(self) -> Stats:
        return compute_stats(self.turns, self._exchanges)

    def stats(self) -> Stats:
        """Words and turns per speaker and role, words per turn, questions, and answer lengths."""
        return self._stats

    @cached_property
    def _quirks(self) -> tuple[Quirk, ...]:
        return tuple(find_quirks(self.turns, self.metadata, self.decisions))

    def quirks(self) -> list[Quirk]:
        """Oddities of this transcript, reported rather than hidden (see ``casebook.transcript.quirks``)."""
        return list(self._quirks)
