"""Each turn of a transcript as one JSON object (``casebook transcript --json``), read from the columns.

The objects are exactly what ``json.dumps(turn.to_dict(), ensure_ascii=False)`` gives, but for the turns
of a :class:`~casebook.transcript.table.TurnTable` no :class:`Turn` and no dict is built per turn: the
numbers and the text come from the table's offset columns, and a speaker's name and role (the same for
many turns) are encoded once. A page of a million "A:" lines is then written at a few microseconds a
turn. A turn the table already keeps (a long one) is written from that Turn, with what it has cached.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from functools import lru_cache
from json.encoder import encode_basestring  # what encode() does with a string, in C

from casebook.transcript.model import Turn, count_turn_words, split_turn_sentences
from casebook.transcript.table import KEPT, TurnTable

_ENCODER = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False), built once
_SPEAKERS_CACHED = 4096


def encode(value: object) -> str:
    """``value`` as compact JSON text, non-ASCII characters kept as they are."""
    return _ENCODER.encode(value)


def json_list(items: Iterable[str]) -> Iterator[str]:
    """A JSON list of already encoded ``items``, one a line, produced one item at a time: a transcript of
    a million turns is written without holding all of its JSON at once."""
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + item
        first = False
    yield "[]" if first else "\n]"


def turn_objects(turns: Sequence[Turn]) -> Iterator[str]:
    """Each turn of ``turns`` as the JSON text of its ``to_dict()``, in order."""
    if isinstance(turns, TurnTable):
        return _table_objects(turns)
    return (encode(turn.to_dict()) for turn in turns)


def _table_objects(table: TurnTable) -> Iterator[str]:
    """The JSON text of each turn of ``table``, from its columns (see the module docstring)."""
    text, starts, ends, labels = table.text, table.starts, table.ends, table.labels
    role_of = labels.rules.role

    @lru_cache(maxsize=_SPEAKERS_CACHED)
    def speaker_fields(speaker: str) -> str:
        return f'"speaker": {encode(speaker)}, "role": {encode(role_of(speaker))}'

    for index in range(len(table)):
        start, end = starts[index], ends[index]
        kept = table.kept(index) if end - start >= KEPT else None
        if kept is not None:
            yield encode(kept.to_dict())
            continue
        words = text[start:end]
        notes = table.notes(start, end)
        sentences = split_turn_sentences(words)
        yield (
            f'{{"index": {index}, "number": {index + 1}, {speaker_fields(labels.speaker(index))}, '
            f'"text": {encode_basestring(words)}, '
            f'"start": {start}, "end": {end}, "words": {count_turn_words(words, notes)}, '
            f'"annotations": {encode([asdict(note) for note in notes]) if notes else "[]"}, '
            f'"sentences": {encode(list(sentences)) if sentences else "[]"}}}'
        )
