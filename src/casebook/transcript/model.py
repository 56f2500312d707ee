"""The transcript's parts as plain, frozen dataclasses: turns, sentences, mentions, exchanges, quirks.

Every offset (``start``, ``end``) points into the ORIGINAL text given to :func:`parse`, so
``original[x.start:x.end]`` is the thing itself (for turns, exactly ``turn.text``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cached_property
from typing import Any, Literal, TypeVar

from casebook.transcript.segment import normalize, sentence_spans, word_count

Role = Literal["moderator", "briefer", "questioner", "operator", "other"]
ROLES: tuple[str, ...] = ("moderator", "briefer", "questioner", "operator", "other")
_Value = TypeVar("_Value")


@dataclass(frozen=True)
class Annotation:
    """A transcriber's note inside a turn, such as "(Inaudible)" or "(Laughter.)"; it stays in the text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Turn:
    """One speaker's uninterrupted turn.

    ``speaker`` is the label as printed, upper-cased, whitespace collapsed ("AMBASSADOR CARPENTER");
    ``text`` is exactly ``original[start:end]`` (line breaks and no-break spaces included; use
    :attr:`plain` for display); ``label_start`` is where the label itself begins.

    ``number`` is the turn's number as people read and type it, counting from 1 (tables, quirks, quiz
    references, ``Transcript.turn(number)``). ``index`` is its position in ``transcript.turns``
    (from 0): the engine keeps it because the turn table, the exchanges and ``--json`` address turns by
    list position.
    """

    index: int
    speaker: str
    role: str
    text: str
    start: int
    end: int
    label_start: int
    annotations: tuple[Annotation, ...] = ()

    @property
    def number(self) -> int:
        """The turn's number counting from 1, as every table and message shows it (``index + 1``)."""
        return self.index + 1

    @cached_property
    def sentence_spans(self) -> tuple[tuple[int, int], ...]:
        """Each sentence's (start, end) offsets into the original text."""
        if not self.text:
            return ()
        return tuple((self.start + s, self.start + e) for s, e in sentence_spans(self.text))

    @cached_property
    def _sentence_texts(self) -> tuple[str, ...]:
        return self._split_sentences()

    @property
    def sentences(self) -> list[str]:
        """This turn's sentences in order, whitespace-normalised (see ``segment`` for the rules)."""
        return list(self._sentence_texts)

    @property
    def plain(self) -> str:
        """The text with every run of whitespace made one space."""
        return normalize(self.text)

    @cached_property
    def words(self) -> int:
        """How many words the turn has, not counting transcribers' notes such as "(Inaudible)"."""
        return self._count_words()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: index (from 0), number (from 1), speaker, role, text, start, end, words,
        annotations, sentences."""
        return {
            "index": self.index,
            "number": self.number,
            "speaker": self.speaker,
            "role": self.role,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "words": self._uncached("words", self._count_words),
            "annotations": [asdict(a) for a in self.annotations],
            "sentences": list(self._uncached("_sentence_texts", self._split_sentences)),
        }

    def _uncached(self, name: str, compute: Callable[[], _Value]) -> _Value:
        """A cached property's value if already cached, else computed without caching it: writing a
        million turns as JSON (one record at a time) then holds no sentences of the turns already written."""
        cached = self.__dict__.get(name)
        return cached if cached is not None else compute()

    def _split_sentences(self) -> tuple[str, ...]:
        return split_turn_sentences(self.text)

    def _count_words(self) -> int:
        return count_turn_words(self.text, self.annotations)


def split_turn_sentences(text: str) -> tuple[str, ...]:
    """A turn's sentences, whitespace-normalised, from its ``text`` (what ``Turn.sentences`` lists)."""
    if not text:
        return ()
    return tuple(normalize(text[s:e]) for s, e in sentence_spans(text))


def count_turn_words(text: str, annotations: tuple[Annotation, ...]) -> int:
    """A turn's words, its transcribers' notes left out (what ``Turn.words`` counts)."""
    if not text:
        return 0
    return word_count(text) - sum(word_count(a.text) for a in annotations)


@dataclass(frozen=True)
class Sentence:
    """One sentence, addressed as (turn, number): the numbers quiz evidence uses, both counted from 1."""

    turn: int
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """Something found in the text: ``kind`` says what, ``context`` is the sentence it sits in.

    ``turn`` and ``sentence`` are numbers counting from 1, as ``Transcript.passage(turn, sentence)``
    takes them.
    """

    text: str
    kind: str
    turn: int
    sentence: int
    start: int
    end: int
    context: str


@dataclass(frozen=True)
class NumberMention(Mention):
    """A number. ``value`` (and ``upper`` for ranges) when it can be read; ``qualifier`` like "at least"."""

    value: float | None = None
    upper: float | None = None
    qualifier: str | None = None


@dataclass(frozen=True)
class DateMention(Mention):
    """A date or time expression; whichever of year, month and day the words give."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class QuoteMention(Mention):
    """Quoted words. ``text`` is what is inside the quotation; start/end cover the inside only."""


@dataclass(frozen=True)
class MarkerMention(Mention):
    """A hedging, attribution or distancing marker; ``marker`` is the phrase from ``markers.json``."""

    marker: str = ""


@dataclass(frozen=True)
class Exchange:
    """One question and its answer(s).

    ``mode`` is "live" (a questioner's own turn) or "submitted" (read out by the moderator, whose turn is
    then the question). The turns (``question_turns``, ``answer_turns``, ``moderator_turns``,
    ``announced_in``) are turn numbers counting from 1, as ``Transcript.turn`` takes them; ``index`` is
    the exchange's position in ``exchanges()`` (from 0). ``questioner`` and ``outlet`` come from the
    moderator's announcement, as printed, or are None. ``question`` is the question's words: for
    submitted questions, the quoted words. ``answer_words`` counts the answer turns' words as
    ``Turn.words`` does (notes left out); ``question_words`` counts the question's words the same way.
    """

    index: int
    mode: str
    questioner: str | None
    outlet: str | None
    question_turns: tuple[int, ...]
    answer_turns: tuple[int, ...]
    moderator_turns: tuple[int, ...]
    announced_in: int | None
    question: str
    answer: str
    answer_words: int = 0

    @property
    def question_words(self) -> int:
        """How many words the question has, counted as the toolkit counts every text (``segment.word_count``:
        "1,486" and "don't" are one word each, a lone dash is none)."""
        return word_count(self.question)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)


@dataclass(frozen=True)
class Quirk:
    """Something odd in the transcript, reported rather than hidden; ``turn`` is its turn number (from 1),
    None outside the turns."""

    kind: str
    message: str
    turn: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Metadata:
    """What was set aside as not part of the briefing, kept for the reader.

    ``banner``: the ".gov" banner; ``release``: "For Immediate Release"-style headers; ``summary``: the
    bullets above the first turn; ``header``: other lines above it (title, date, byline); ``end_mark``:
    the "# # #" line if any; ``footer``: known footer and navigation lines; ``related``: other lines after
    the end (usually links to related pages); ``between``: page lines found between two turns (a time
    stamp, "Click here to listen", a language menu), set aside rather than left in a turn.
    """

    banner: tuple[str, ...] = ()
    release: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    end_mark: str | None = None
    footer: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    between: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return asdict(self)
