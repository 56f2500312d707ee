"""The turns of one parse as columns of offsets into the one text; each :class:`Turn` is built on access.

A Turn object costs about 400 bytes (its ``__dict__``, its offsets as int objects, its strings), so a
page of a million 3-byte turns ("A:" lines) held as objects costs ~130 bytes per byte of input. Here a
turn is its label's row in a :class:`~casebook.transcript.labels.LabelTable` (two offsets and a byte
of flags) plus two offsets for its trimmed text: about 17 bytes. Transcribers' notes are one pair of
offsets each, shared by all turns in one sorted column. :class:`TurnTable` is a read-only sequence of
Turns, as the list it replaces was: ``len``, indexing (a slice gives a list), iteration, ``==``.

A turn of at least ``KEPT`` characters is built once and kept (``table[3] is table[3]``), so what it
caches (its sentences, its word count) serves every analysis, as when turns were a list; keeping it
costs at most about 400 bytes per ``KEPT`` characters of input beyond its own text. A shorter turn is
built anew on each access (equal, not identical, to the last one): a page of 3-byte turns then holds
no Turn at all, and its sentences are cheap to find again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import overload

from casebook.transcript.labels import LabelTable, offset_array
from casebook.transcript.model import Annotation, Turn

KEPT = 256


class TurnTable(Sequence[Turn]):
    """A transcript's turns, stored as offsets into ``labels.text`` (see the module docstring)."""

    def __init__(self, labels: LabelTable, stops: Sequence[int]) -> None:
        """Turns for each label of ``labels``, each empty at its ``stops`` offset until :meth:`set_span`."""
        self.labels = labels
        self.text = labels.text
        self.starts = offset_array(self.text)
        self.starts.extend(stops)
        self.ends = self.starts[:]
        self.note_starts = offset_array(self.text)
        self.note_ends = offset_array(self.text)
        self._kept: dict[int, Turn] = {}

    def set_span(self, index: int, start: int, end: int) -> None:
        """Turn ``index``'s text is ``text[start:end]``."""
        self.starts[index] = start
        self.ends[index] = end

    def add_note(self, start: int, end: int) -> None:
        """A transcriber's note at ``text[start:end]``, after every note added before it."""
        self.note_starts.append(start)
        self.note_ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Turn: ...

    @overload
    def __getitem__(self, index: slice) -> list[Turn]: ...

    def __getitem__(self, index: int | slice) -> Turn | list[Turn]:
        if isinstance(index, slice):
            return [self._turn(i) for i in range(*index.indices(len(self)))]
        count = len(self)
        position = index.__index__()
        if position < 0:
            position += count
        if not 0 <= position < count:
            raise IndexError("turn index out of range")
        return self._turn(position)

    def __iter__(self) -> Iterator[Turn]:
        for i in range(len(self)):
            yield self._turn(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (TurnTable, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking and compared by value, as a list

    def __repr__(self) -> str:
        return repr(list(self))

    def speaker(self, index: int) -> str:
        """Turn ``index``'s speaker, without building the Turn."""
        return self.labels.speaker(index)

    def kept(self, index: int) -> Turn | None:
        """Turn ``index`` if the table keeps it (a long turn already asked for), else None."""
        return self._kept.get(index)

    def _turn(self, index: int) -> Turn:
        if self.ends[index] - self.starts[index] < KEPT:
            return self._build(index)
        turn = self._kept.get(index)
        if turn is None:
            turn = self._kept[index] = self._build(index)
        return turn

    def _build(self, index: int) -> Turn:
        labels, text = self.labels, self.text
        start, end = self.starts[index], self.ends[index]
        speaker = labels.speaker(index)
        return Turn(
            index=index,
            speaker=speaker,
            role=labels.rules.role(speaker),
            text=text[start:end],
            start=start,
            end=end,
            label_start=labels.starts[index],
            annotations=self.notes(start, end),
        )

    def notes(self, start: int, end: int) -> tuple[Annotation, ...]:
        """The transcribers' notes that start in ``text[start:end]``, in order."""
        if not self.note_starts:
            return ()
        first = bisect_left(self.note_starts, start)
        notes = []
        for i in range(first, len(self.note_starts)):
            note_start = self.note_starts[i]
            if note_start >= end:
                break
            note_end = self.note_ends[i]
            notes.append(Annotation(self.text[note_start:note_end], note_start, note_end))
        return tuple(notes)


def turns_of(turns: Sequence[Turn]) -> Sequence[Turn]:
    """``turns`` as a Transcript keeps them: a :class:`TurnTable` as it is, anything else as a list."""
    return turns if isinstance(turns, TurnTable) else list(turns)
