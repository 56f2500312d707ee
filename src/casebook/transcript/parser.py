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
from dataclasses import replace
from functools import lru_cache

from casebook.transcript.clean import describe, find_end, page_lines_before, trailing_footer_start
from casebook.transcript.document import Transcript
from casebook.transcript.labels import Label, find_labels
from casebook.transcript.lexicon import phrase_pattern, shipped
from casebook.transcript.model import Annotation, Quirk, Turn

_BRACKETED = re.compile(r"[(\[]([^()\[\]\r\n]{1,60})[)\]]")
# A line that stops in mid-sentence (a small letter, a comma or a dash) and is not a list item.
_SPEECH_END = re.compile(r"[a-z,;–—-]$")
_LIST_ITEM = re.compile(r"^\s*(?:[•▪◦●~]|[*\-–](?=\s))")
_SPEECH_WORDS = 12
_SHOWN = 60
_LISTED = 8


@lru_cache(maxsize=1)
def _annotation_words() -> re.Pattern[str]:
    return phrase_pattern(shipped("markers.json")["annotations"])


def find_annotations(text: str, start: int = 0, end: int | None = None) -> tuple[Annotation, ...]:
    """Transcribers' notes in ``text[start:end]``: brackets opening with a word from ``markers.json``."""
    stop = len(text) if end is None else end
    if text.find("(", start, stop) < 0 and text.find("[", start, stop) < 0:
        return ()
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


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3].rstrip() + "..."


def _mid_line_quirk(index: int, label: Label, text: str) -> Quirk:
    """Why a label in the middle of a line was taken as one."""
    where = text[max(0, label.start - 30) : label.start]
    return Quirk(
        "mid-line-label",
        f"Turn {index} ({label.speaker}): the label stands in the middle of a line, after "
        f"\u201c{_shown(where)}\u201d; the page's line breaks were probably lost, so it was taken as a "
        "new speaker. Check that it is one.",
        index,
        label.start,
        label.end,
    )


def _name_quirks(labels: list[Label]) -> list[Quirk]:
    """One quirk per plain name taken as a speaker ("Jane Doe:"), at its first turn, naming its turns."""
    turns: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        if label.kind == "name":
            turns.setdefault(label.speaker, []).append(index)
    quirks = []
    for speaker, indexes in turns.items():
        first = labels[indexes[0]]
        shown = ", ".join(map(str, indexes[:_LISTED])) + (", ..." if len(indexes) > _LISTED else "")
        quirks.append(
            Quirk(
                "name-label",
                f"\u201c{speaker}\u201d (turns {shown}) is neither in capitals nor a role or title, but it "
                "opens several lines with a colon, so it was taken as a speaker's name.",
                indexes[0],
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
    decisions: list[Quirk] = []
    between: list[str] = []
    for i, label in enumerate(labels):
        stop = labels[i + 1].start if i + 1 < len(labels) else body_end
        stop = max(label.end, stop)
        kept = page_lines_before(text, label.end, stop)
        if kept < stop:
            lines = [" ".join(line.split()) for line in text[kept:stop].splitlines() if line.strip()]
            between += lines
            decisions.append(
                Quirk(
                    "page-lines",
                    f"After turn {i} ({label.speaker}): "
                    + ", ".join(f"\u201c{_shown(x)}\u201d" for x in lines)
                    + " is page text (a time stamp, a link or a menu), not speech; it was set aside.",
                    i,
                    kept,
                    stop,
                )
            )
        start, end = _trim(text, label.end, kept)
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
        if not label.line_start:
            decisions.append(_mid_line_quirk(i, label, text))
    metadata = describe(text, body_start, body_end, end_mark)
    if between:
        metadata = replace(metadata, between=tuple(between))
    if labels:
        decisions += _name_quirks(labels)
        if (quirk := _preamble_quirk(text, body_start)) is not None:
            decisions.append(quirk)
        if end_mark is None and cut_inside_line(text, body_end):
            decisions.append(
                Quirk(
                    "page-link-cut",
                    f"The last turn was cut before \u201c{_shown(text[body_end:])}\u201d: a link of the page "
                    "that shows only the opening of the briefing. The rest of it is not in the file.",
                    len(turns) - 1,
                    body_end,
                    len(text),
                )
            )
    return Transcript(text, turns, metadata, decisions)


def cut_inside_line(text: str, position: int) -> bool:
    """Whether ``position`` (where the briefing ends) is in the middle of a line, after some words."""
    line_start = max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1
    return bool(text[line_start:position].strip())
