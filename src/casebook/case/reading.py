"""Reading the file a teacher hands ``casebook case new``: a briefing saved as text, or one plain line
saying what is missing (never a traceback, never a half-written folder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from casebook.case.loading import CaseError
from casebook.files import UnreadableFile, read_bytes_bounded
from casebook.transcript import Transcript, TranscriptFileError, parse
from casebook.transcript.source import decode

#: The most a briefing saved as text may weigh: the longest State Department transcripts are ~200 KB.
MAX_BYTES = 8 * 1024 * 1024
#: A case needs at least this many sentences, to make a quiz of evidence questions.
MIN_SENTENCES = 2


@dataclass(frozen=True)
class Briefing:
    """A briefing read for a new case: its bytes as given, its text and its parse."""

    path: Path
    data: bytes
    transcript: Transcript


def read_briefing(path: str | Path) -> Briefing:
    """The briefing in ``path``; raises CaseError (one line naming the file) if it is not one."""
    file = Path(path)
    try:
        data = read_bytes_bounded(file, MAX_BYTES)
    except UnreadableFile as error:
        message = error.problem.message
        if message.startswith("is larger than"):
            message = (
                f"is larger than {MAX_BYTES // 2**20} MB: a briefing saved as text is far smaller "
                "(is it the right file?); nothing was written"
            )
        raise CaseError(f"{file}: {message}") from None
    try:
        text = decode(data, file)
    except TranscriptFileError as error:
        raise CaseError(f"{error}; nothing was written") from None
    if not text.strip():
        raise CaseError(f"{file}: is empty, so there is no briefing in it; nothing was written")
    transcript = parse(text)
    if not transcript.turns:
        raise CaseError(
            f"{file}: has no speaker labels (such as 'MODERATOR:' or 'QUESTION:'), so it is not a briefing "
            "transcript the kit can read; nothing was written"
        )
    if len(transcript.sentences()) < MIN_SENTENCES:
        raise CaseError(
            f"{file}: has only {len(transcript.sentences())} sentence in its turns, too few for a case "
            "(a quiz needs two); nothing was written"
        )
    return Briefing(file, data, transcript)
