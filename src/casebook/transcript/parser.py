"""``parse(text)``: a briefing's text into turns, with the boilerplate set aside as metadata.

Steps: find the speaker labels (``labels``); find where the briefing ends (``clean``: the first "# # #"
after the first label, or else trailing footer lines); each label's turn runs to the next label or the
end, trimmed of surrounding whitespace; transcribers' notes ("(Inaudible)") are listed per turn; all text
outside the turns is described in ``Transcript.metadata``. Any string parses: text without labels gives
a transcript with no turns, never an exception.
"""

from __future__ import annotations

import re
from functools import lru_cache

from casebook.transcript.clean import describe, find_end, trailing_footer_start
from casebook.transcript.document import Transcript
from casebook.transcript.labels import find_labels
from casebook.transcript.lexicon import phrase_pattern, shipped
from casebook.transcript.model import Annotation, Turn

_BRACKETED = re.compile(r"[(\[]([^()\[\]\r\n]{1,60})[)\]]")


@lru_cache(maxsize=1)
def _annotation_words() -> re.Pattern[str]:
    return phrase_pattern(shipped("markers.json")["annotations"])


def find_annotations(text: str, start: int = 0, end: int | None = None) -> tuple[Annotation, ...]:
    """Transcribers' notes in ``text[start:end]``: brackets opening with a word from ``markers.json``."""
    words = _annotation_words()
    found = []
    for match in _BRACKETED.finditer(text, start, len(text) if end is None else end):
        inner = match.group(1).strip(" \t\xa0")
        if words.match(inner):
            found.append(Annotation(match.group(), match.start(), match.end()))
    return tuple(found)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def parse(text: str) -> Transcript:
    """Parse a briefing transcript into a :class:`Transcript` (turns, metadata and analyses).

    Offsets in the result point into ``text`` as given: ``text[turn.start:turn.end] == turn.text``.
    """
    if not isinstance(text, str):
        kind = type(text).__name__
        raise TypeError(
            f"parse() takes the transcript's text as a string, not {kind}: "
            "decode it first, or use casebook.transcript.read_text(path)"
        )
    labels = find_labels(text)
    end_mark = None
    if labels:
        end_mark = find_end(text, labels[0].end)
        body_end = end_mark[0] if end_mark else len(text)
        labels = [label for label in labels if label.end <= body_end]
        if end_mark is None:
            body_end = trailing_footer_start(text, labels[-1].end, body_end)
        body_start = labels[0].start
    else:
        body_start = body_end = len(text)
    turns = []
    for i, label in enumerate(labels):
        stop = labels[i + 1].start if i + 1 < len(labels) else body_end
        start, end = _trim(text, label.end, max(label.end, stop))
        turns.append(
            Turn(
                index=i,
                speaker=label.speaker,
                role=label.role,
                text=text[start:end],
                start=start,
                end=end,
                label_start=label.start,
                annotations=find_annotations(text, start, end),
            )
        )
    return Transcript(text, turns, describe(text, body_start, body_end, end_mark))
