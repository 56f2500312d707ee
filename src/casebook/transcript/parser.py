"""``parse(text)``: a briefing's text into turns, with the boilerplate set aside as metadata.

Steps: find the speaker labels (``labels``); find where the briefing ends (``clean``: the first "# # #"
after the first label, or else trailing footer lines); each label's turn runs to the next label or the
end, trimmed of surrounding whitespace and of whole page lines at its end (a time stamp, "Click here to
listen", a language menu: ``Metadata.between``); transcribers' notes ("(Inaudible)") are listed per turn;
all text outside the turns is described in ``Transcript.metadata``. Any string parses: text without
labels gives a transcript with no turns, never an exception.

Where the parser has to guess, it says so: the guesses (a label in the middle of a line, a plain name
taken as a speaker because it opens several lines, page lines set aside between turns, a page that
seems to start in the middle of a turn, a "Continue reading" link cut off the last turn) are quirks of
the transcript (``decisions``), listed by ``casebook transcript FILE --quirks`` with the reason.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import compress, repeat
from operator import methodcaller

from casebook.transcript.clean import describe, find_end, page_lines_before, trailing_footer_start
from casebook.transcript.document import Transcript
from casebook.transcript.labels import Label, LabelTable, offset_array, scan_labels
from casebook.transcript.lexicon import phrase_pattern, shipped
from casebook.transcript.model import Annotation, Quirk
from casebook.transcript.table import TurnTable

_BRACKETED = re.compile(r"[(\[]([^()\[\]\r\n]{1,60})[)\]]")
# A line that stops in mid-sentence (a small letter, a comma or a dash) and is not a list item.
_SPEECH_END = re.compile(r"[a-z,;–—-]$")
_LIST_ITEM = re.compile(r"^\s*(?:[•▪◦●~]|[*\-–](?=\s))")
# A turn's words (group 1), trimmed, when they stand on one line; group 2 is set when more lines follow.
_ONE_LINE = re.compile(r"\s*(\S(?:[^\r\n]*\S)?)(?:\s*\Z|())")
_WORDS_START, _WORDS_END, _MORE_LINES = (
    methodcaller("start", 1),
    methodcaller("end", 1),
    methodcaller("start", 2),
)
_BRACKET = re.compile(r"[(\[]")
_CHUNK = 4096  # turns trimmed at a time: their Match objects are held together
_SPEECH_WORDS = 12
_SHOWN = 60
_LISTED = 8


@lru_cache(maxsize=1)
def _annotation_words() -> re.Pattern[str]:
    return phrase_pattern(shipped("markers.json")["annotations"])


def annotation_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """The (start, end) of each transcriber's note in ``text[start:end]`` (see :func:`find_annotations`)."""
    stop = len(text) if end is None else end
    if text.find("(", start, stop) < 0 and text.find("[", start, stop) < 0:
        return
    words = _annotation_words()
    for match in _BRACKETED.finditer(text, start, stop):
        if words.match(match.group(1).strip(" \t\xa0")):
            yield match.start(), match.end()


def find_annotations(text: str, start: int = 0, end: int | None = None) -> tuple[Annotation, ...]:
    """Transcribers' notes in ``text[start:end]``: brackets opening with a word from ``markers.json``."""
    return tuple(Annotation(text[s:e], s, e) for s, e in annotation_spans(text, start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3].rstrip() + "..."


def _mid_line_quirk(index: int, label: Label, text: str) -> Quirk:
    """Why a label in the middle of a line was taken as one (``index``: the turn's position, from 0)."""
    where = text[max(0, label.start - 30) : label.start]
    return Quirk(
        "mid-line-label",
        f"Turn {index + 1} ({label.speaker}): the label stands in the middle of a line, after "
        f"\u201c{_shown(where)}\u201d; the page's line breaks were probably lost, so it was taken as a "
        "new speaker. Check that it is one.",
        index + 1,
        label.start,
        label.end,
    )


def _name_quirks(labels: LabelTable) -> list[Quirk]:
    """One quirk per plain name taken as a speaker ("Jane Doe:"), at its first turn, naming its turns."""
    turns: dict[str, list[int]] = {}  # the first _LISTED + 1 turns of each name: enough to show them
    for index in range(len(labels)):
        if labels.is_name(index):
            listed = turns.setdefault(labels.speaker(index), [])
            if len(listed) <= _LISTED:
                listed.append(index)
    quirks = []
    for speaker, indexes in turns.items():
        first = labels[indexes[0]]
        shown = ", ".join(str(index + 1) for index in indexes[:_LISTED]) + (
            ", ..." if len(indexes) > _LISTED else ""
        )
        quirks.append(
            Quirk(
                "name-label",
                f"\u201c{speaker}\u201d (turns {shown}) is neither in capitals nor a role or title, but it "
                "opens several lines with a colon, so it was taken as a speaker's name.",
                indexes[0] + 1,
                first.start,
                first.end,
            )
        )
    return quirks


def _preamble_quirk(text: str, body_start: int) -> Quirk | None:
    """A page that seems to start in the middle of a turn: the line before the first label is long and
    stops in mid-sentence, as speech cut off by the page's start would."""
    before = text[:body_start].rstrip()
    last = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :].strip()
    if len(last.split()) < _SPEECH_WORDS or not _SPEECH_END.search(last) or _LIST_ITEM.match(last):
        return None
    return Quirk(
        "text-before-first-label",
        f"The line before the first label (\u201c{_shown(last)}\u201d) stops in mid-sentence: the page may "
        "start in the middle of a turn whose label is missing. It was kept as header text, not as a turn.",
        None,
        before.rfind(last),
        body_start,
    )


def _page_lines_quirk(index: int, speaker: str, lines: list[str], kept: int, stop: int) -> Quirk:
    """Why whole lines at the end of a turn were set aside as page text (``index``: its position, from 0)."""
    return Quirk(
        "page-lines",
        f"After turn {index + 1} ({speaker}): "
        + ", ".join(f"\u201c{_shown(x)}\u201d" for x in lines)
        + " is page text (a time stamp, a link or a menu), not speech; it was set aside.",
        index + 1,
        kept,
        stop,
    )


def _page_lines(text: str, start: int, stop: int) -> list[str]:
    return [" ".join(line.split()) for line in text[start:stop].splitlines() if line.strip()]


class _Decisions:
    """The parser's guesses, as quirks, built when first read: a page of a million labels in the middle
    of lines keeps one flag per turn (in its label table) until then, not a million messages."""

    def __init__(self, turns: TurnTable, cuts: array[int], tail: list[Quirk]) -> None:
        self.turns = turns
        self.cuts = cuts  # (turn, kept, stop) for each turn whose last lines are page lines
        self.tail = tail

    def __iter__(self) -> Iterator[Quirk]:
        labels, text, cuts = self.turns.labels, self.turns.text, self.cuts
        next_cut = 0
        for i in range(len(labels)):
            if next_cut < len(cuts) and cuts[next_cut] == i:
                kept, stop = cuts[next_cut + 1], cuts[next_cut + 2]
                yield _page_lines_quirk(i, labels.speaker(i), _page_lines(text, kept, stop), kept, stop)
                next_cut += 3
            if not labels.line_start(i):
                yield _mid_line_quirk(i, labels[i], text)
        if len(labels):
            yield from _name_quirks(labels)
        yield from self.tail


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
    labels = scan_labels(text)
    end_mark = None
    if len(labels):
        end_mark = find_end(text, labels.ends[0])
        body_end = end_mark[0] if end_mark else len(text)
        labels.truncate(bisect_right(labels.ends, body_end))  # the labels ending by body_end
        if end_mark is None:
            body_end = trailing_footer_start(text, labels.ends[-1], body_end)
        body_start = labels.starts[0]
    else:
        body_start = body_end = len(text)
    count = len(labels)
    # Each turn runs from its label to the next label (the last to the body's end). A turn with no word
    # after its label is empty where that stop is: every turn starts so. The others are trimmed by a
    # regex, in C (``_one_line_spans``); only those with words on more than one line (page lines may end
    # them) are looked at in Python, so a page of bare labels, or of one-line turns, costs no step each.
    stops = labels.starts[1:]
    if count:
        stops.append(max(labels.ends[-1], body_end))
    turns = TurnTable(labels, stops)
    cuts = offset_array(text)
    between: list[str] = []
    label_ends = labels.ends
    for i in _one_line_spans(text, turns, label_ends, stops):
        label_end, stop = label_ends[i], stops[i]
        kept = page_lines_before(text, label_end, stop)
        if kept < stop:
            between += _page_lines(text, kept, stop)
            cuts.extend((i, kept, stop))
        turns.set_span(i, *_trim(text, label_end, kept))
    _add_notes(text, turns, body_start, body_end)
    metadata = describe(text, body_start, body_end, end_mark)
    if between:
        metadata = replace(metadata, between=tuple(between))
    tail: list[Quirk] = []
    if count:
        if (quirk := _preamble_quirk(text, body_start)) is not None:
            tail.append(quirk)
        if end_mark is None and cut_inside_line(text, body_end):
            tail.append(
                Quirk(
                    "page-link-cut",
                    f"The last turn was cut before \u201c{_shown(text[body_end:])}\u201d: a link of the page "
                    "that shows only the opening of the briefing. The rest of it is not in the file.",
                    count,  # the last turn's number (from 1)
                    body_end,
                    len(text),
                )
            )
    return Transcript(text, turns, metadata, _Decisions(turns, cuts, tail))


def _one_line_spans(text: str, turns: TurnTable, label_ends: array[int], stops: array[int]) -> Iterator[int]:
    """Trim each turn with words to them (``_ONE_LINE``: None for a turn without any) in ``turns``, a
    chunk at a time, all in C (``map``, ``compress``: no Python step per turn); yield, in order, the
    turns whose words run over more than one line: their last lines may be page lines, for the caller
    to set aside and trim."""
    starts, ends = turns.starts, turns.ends
    for base in range(0, len(stops), _CHUNK):
        top = base + _CHUNK
        found = list(map(_ONE_LINE.match, repeat(text), label_ends[base:top], stops[base:top]))
        with_words = list(compress(range(base, top), found))
        matches = list(filter(None, found))
        deque(map(starts.__setitem__, with_words, map(_WORDS_START, matches)), 0)
        deque(map(ends.__setitem__, with_words, map(_WORDS_END, matches)), 0)
        yield from compress(with_words, map((-1).__ne__, map(_MORE_LINES, matches)))


def _add_notes(text: str, turns: TurnTable, body_start: int, body_end: int) -> None:
    """Add the transcribers' notes of each turn, in order: only turns with a bracket are looked at,
    found by searching for the brackets (a page without any costs one search)."""
    starts, ends = turns.starts, turns.ends
    pos = body_start
    while (bracket := _BRACKET.search(text, pos, body_end)) is not None:
        i = bisect_right(starts, bracket.start()) - 1
        if i >= 0 and bracket.start() < ends[i]:
            for note in annotation_spans(text, starts[i], ends[i]):
                turns.add_note(*note)
            pos = ends[i]
        else:
            pos = starts[i + 1] if i + 1 < len(starts) else body_end


def cut_inside_line(text: str, position: int) -> bool:
    """Whether ``position`` (where the briefing ends) is in the middle of a line, after some words."""
    line_start = max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1
    return bool(text[line_start:position].strip())
