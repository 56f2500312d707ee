"""Evidence options point into the briefing transcript; this module turns a reference into its text.

It is written against the transcript toolkit's contract (``casebook.transcript``)::

    t = load_briefing()        # the parsed data/briefing/transcript.txt
    t.turns[i].text            # the text of the turn at list position i (turn number i + 1)
    t.turns[i].speaker         # e.g. "AMBASSADOR CARPENTER"
    t.turns[i].sentences       # that turn's sentences, in order

A reference's numbers count from 1 (``ref: {turn: 2, sentence: 4}`` is ``t.turns[1].sentences[3]``).

Every function takes the transcript as a parameter, so tests can pass a small stand-in. Without one,
``default_transcript()`` loads the briefing (imported only then). If the toolkit or the transcript
cannot be loaded, references are shown by their place ("turn 9, sentence 4") instead of their text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from casebook.case.loading import transcript_beside
from casebook.numbering import missing
from casebook.quiz.model import PassageRef

# The default for every ``transcript`` parameter: the briefing, loaded when first needed. Typed Any
# so that it fits every ``TranscriptLike | None`` parameter; it is only ever compared by identity.
BRIEFING: Any = object()


class TurnLike(Protocol):
    """What the quiz engine reads of one turn: its text and its sentences (a ``speaker`` if it has one)."""

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> Sequence[object]: ...


class TranscriptLike(Protocol):
    """What the quiz engine reads of a transcript: its turns, in a list (turn number 1 at position 0).

    ``casebook.transcript.Transcript`` is one; a test's small stand-in is another.
    """

    @property
    def turns(self) -> Sequence[TurnLike]: ...


class TranscriptUnavailable(RuntimeError):
    """The briefing transcript could not be loaded; the message says why."""


def default_transcript() -> TranscriptLike:
    """The parsed briefing (``transcript.load_briefing``: parsed once per version of the file);
    TranscriptUnavailable if it cannot be loaded."""
    try:
        from casebook.transcript import load_briefing
    except ImportError as exc:
        raise TranscriptUnavailable(f"the transcript toolkit is not installed ({exc})") from None
    try:
        return load_briefing()
    except Exception as exc:  # a missing or unreadable transcript file, reported in words
        raise TranscriptUnavailable(f"the briefing transcript could not be loaded ({exc})") from None


def transcript_for(
    quiz_file: Path | None, transcript: TranscriptLike | None = BRIEFING
) -> TranscriptLike | None:
    """The transcript a quiz's evidence points into: ``transcript`` when one is given, else the
    case's own for a quiz made by ``casebook case new`` (in a case's ``data/quizzes``), else the
    briefing."""
    if transcript is not BRIEFING or quiz_file is None:
        return transcript
    return transcript_beside(quiz_file) or BRIEFING


def loaded_or_none(transcript: TranscriptLike | None) -> TranscriptLike | None:
    """``transcript`` itself, or for ``BRIEFING`` the loaded briefing (None if it cannot be loaded)."""
    if transcript is not BRIEFING:
        return transcript
    try:
        return default_transcript()
    except TranscriptUnavailable:
        return None


def ref_problem(ref: PassageRef, transcript: TranscriptLike) -> str | None:
    """Why a reference does not resolve in this transcript, or None if it does (numbers from 1)."""
    turns = transcript.turns
    problem = missing("turn", ref.turn, len(turns), "the transcript has")
    if problem is None and ref.sentence is not None:
        count = len(turns[ref.turn - 1].sentences)
        problem = missing("sentence", ref.sentence, count, f"turn {ref.turn} has")
    return problem


@dataclass(frozen=True)
class Passage:
    """A resolved reference: where it is, who spoke, and the words (None if they cannot be shown)."""

    ref: PassageRef
    speaker: str | None
    text: str | None

    def label(self) -> str:
        """Where the passage is and who said it: "Turn 9 (AMBASSADOR CARPENTER), sentence 4"."""
        where = f"Turn {self.ref.turn}"
        if self.speaker:
            where += f" ({self.speaker})"
        if self.ref.sentence is not None:
            where += f", sentence {self.ref.sentence}"
        return where

    def display(self) -> str:
        """The passage as one line of plain text for an option label."""
        if self.text is None:
            return f"{self.label()}: the transcript could not be loaded, so only its place is shown."
        return f"{self.label()}: {self.text}"


def resolve(ref: PassageRef, transcript: TranscriptLike | None = BRIEFING) -> Passage:
    """The passage a reference points to. Never raises: an unresolvable one has ``text=None``."""
    if transcript is BRIEFING:
        try:
            transcript = default_transcript()
        except TranscriptUnavailable:
            transcript = None
    if transcript is None or ref_problem(ref, transcript) is not None:
        return Passage(ref, None, None)
    turn = transcript.turns[ref.turn - 1]
    text = turn.text if ref.sentence is None else turn.sentences[ref.sentence - 1]
    return Passage(ref, getattr(turn, "speaker", None), " ".join(str(text).split()))
