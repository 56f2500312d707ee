"""Oddities of a transcript, found and reported so a reader can weigh them, never silently fixed.

Kinds (in the order they appear in the text):

- "no-labels": no speaker labels at all (nothing could be parsed into turns);
- "repeated-speaker": a turn with the same label as the one before it, so the label may be wrong or a
  reply from someone else may be missing (in the Carpenter briefing: "MODERATOR: Yes, please go ahead.",
  after the moderator asked a journalist "can you hear us?");
- "repeated-question": two questioner turns in a row (one journalist, or two?);
- "empty-turn": a label with no words after it;
- "gap": a transcriber's note that words are missing ("(inaudible)"; the notes are listed in the
  ``gap_annotations`` group of ``markers.json``);
- "missing-text": a sentence that breaks off after "at", "to", "via" or "e-mail" and a double space,
  where the website probably removed an e-mail address or link;
- "unbalanced-quotes": a turn whose curly quotation marks do not pair up;
- "trailing-line": a line after the end of the briefing that is neither boilerplate nor footer,
  usually a link to a related page;
- "undated": no date anywhere around the turns (title, header, summary), so the date must be inferred.

And the parser's own guesses (``parse`` passes them in as ``decisions``), each with its reason:

- "mid-line-label": a label in the middle of a line (after a sentence end or a time stamp), taken as a
  new speaker because the page's line breaks were probably lost;
- "name-label": a plain capitalised name ("Jane Doe:") taken as a speaker because it opens several lines;
- "page-lines": whole lines at the end of a turn that are page text (a time stamp, "Click here to
  listen", a language menu), set aside in ``Metadata.between``;
- "text-before-first-label": the line before the first label reads like speech, so the page may start
  in the middle of a turn whose label is missing;
- "page-link-cut": the last turn was cut before a "Continue reading" link; the rest is not in the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from casebook.transcript.dates import find_dates
from casebook.transcript.lexicon import phrase_pattern, shipped
from casebook.transcript.model import Metadata, Quirk, Turn

_MISSING = re.compile(r"\b(?:at|to|via|e-?mail|visit|contact)[ \t\xa0]{2,}(?=[A-Z])", re.IGNORECASE)
_FIRST_WORDS = 8


@lru_cache(maxsize=1)
def _gap_words() -> re.Pattern[str]:
    return phrase_pattern(shipped("markers.json")["gap_annotations"])


def _opening(turn: Turn) -> str:
    words = turn.plain.split()
    return " ".join(words[:_FIRST_WORDS]) + (" ..." if len(words) > _FIRST_WORDS else "")


def _turn_quirks(turns: Sequence[Turn]) -> list[Quirk]:
    quirks = []
    for i, turn in enumerate(turns):
        previous = turns[i - 1] if i else None
        n = i + 1  # the turn's number, as messages and Quirk.turn give it (from 1)
        if previous is not None and previous.speaker == turn.speaker:
            kind = "repeated-question" if turn.role == "questioner" else "repeated-speaker"
            if kind == "repeated-question":
                message = (
                    f"Turns {n - 1} and {n} are both labelled {turn.speaker}: one journalist following up, "
                    "or two different journalists?"
                )
            else:
                message = (
                    f"Turn {n} ({turn.speaker}: \u201c{_opening(turn)}\u201d) follows another {turn.speaker} "
                    "turn: the label may be wrong, or someone else's reply may be missing between them."
                )
            quirks.append(Quirk(kind, message, n, turn.label_start, turn.end))
        if not turn.text:
            quirks.append(
                Quirk(
                    "empty-turn",
                    f"Turn {n} ({turn.speaker}) has a label but no words.",
                    n,
                    turn.label_start,
                    turn.end,
                )
            )
        for note in turn.annotations:
            if _gap_words().search(note.text):
                quirks.append(
                    Quirk(
                        "gap",
                        f"Turn {n} ({turn.speaker}): \u201c{note.text}\u201d marks words the transcriber "
                        "could not make out; the sentence around it is incomplete.",
                        n,
                        note.start,
                        note.end,
                    )
                )
        for match in _MISSING.finditer(turn.text):
            word = match.group().split()[0]
            quirks.append(
                Quirk(
                    "missing-text",
                    f"Turn {n} ({turn.speaker}): \u201c{word}\u201d is followed by a gap and a new sentence: "
                    "something (an e-mail address or a link?) seems to have been removed from the page.",
                    n,
                    turn.start + match.start(),
                    turn.start + match.end(),
                )
            )
        if turn.text.count("\u201c") != turn.text.count("\u201d"):
            quirks.append(
                Quirk(
                    "unbalanced-quotes",
                    f"Turn {n} ({turn.speaker}) opens {turn.text.count(chr(0x201C))} quotation(s) but closes "
                    f"{turn.text.count(chr(0x201D))}: where a quotation ends is unclear.",
                    n,
                    turn.start,
                    turn.end,
                )
            )
    return quirks


def _page_quirks(turns: Sequence[Turn], metadata: Metadata) -> list[Quirk]:
    quirks = []
    if not turns:
        quirks.append(
            Quirk(
                "no-labels",
                "No speaker labels (such as 'MODERATOR:' or 'QUESTION:') were found, so there are no turns.",
            )
        )
    for line in metadata.related:
        quirks.append(
            Quirk(
                "trailing-line",
                f"\u201c{line}\u201d comes after the end of the briefing and is not part of it "
                "(probably a link to a related page).",
            )
        )
    around = [*metadata.release, *metadata.header, *metadata.summary]
    if turns and not any(d.kind in ("date", "day", "month", "year") for t in around for d in find_dates(t)):
        quirks.append(
            Quirk(
                "undated",
                "The page gives no date for the briefing: work it out from what is said "
                "(\u201ctoday\u201d, \u201clast week\u201d) and from other sources.",
            )
        )
    return quirks


def find_quirks(turns: Sequence[Turn], metadata: Metadata, decisions: Sequence[Quirk] = ()) -> list[Quirk]:
    """Every quirk of a transcript: turn quirks and the parser's ``decisions`` in text order, then quirks
    of the page around them."""
    in_turns = sorted(
        [*_turn_quirks(turns), *decisions], key=lambda q: (q.start if q.start is not None else -1, q.kind)
    )
    return in_turns + _page_quirks(turns, metadata)
