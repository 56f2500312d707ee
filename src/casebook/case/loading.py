"""What a case's explorer notebook reads: the case's transcript, metadata, claims and quiz, found from
the notebook's folder (the case folder), so the notebook itself needs no paths and no code of its own."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casebook.files import UnreadableFile, read_text_bounded

if TYPE_CHECKING:
    from casebook.transcript import Transcript

DATA = "data"


class CaseError(ValueError):
    """A file cannot become a case, or a case cannot be read; ``str()`` is one line naming the file."""


METADATA = "case.json"


def _data(folder: str | Path | None) -> Path:
    return Path(folder if folder is not None else Path.cwd()) / DATA


def load_metadata(folder: str | Path | None = None) -> dict[str, Any]:
    """The case's ``data/case.json`` (date, place, people, source), as a dict; CaseError if unreadable."""
    path = _data(folder) / METADATA
    try:
        found = json.loads(read_text_bounded(path))
    except UnreadableFile as error:
        raise CaseError(str(error.problem)) from None
    except ValueError as error:
        raise CaseError(f"{path}: is not valid JSON ({error})") from None
    if not isinstance(found, dict) or not isinstance(found.get("transcript"), dict):
        raise CaseError(f"{path}: field 'transcript' is missing: is this a case made by 'casebook case new'?")
    return found


def load_transcript(folder: str | Path | None = None) -> Transcript:
    """The case's transcript (``data/transcript.txt``), parsed. ``folder`` defaults to the current one."""
    from casebook.transcript import TranscriptFileError, parse, read_text

    try:
        return parse(read_text(_data(folder) / str(load_metadata(folder)["transcript"].get("file"))))
    except TranscriptFileError as error:
        raise CaseError(str(error)) from None


def load_claims(folder: str | Path | None = None) -> list[dict[str, str]]:
    """The rows of the case's claims worksheet (``data/claims.csv``)."""
    return list(csv.DictReader(io.StringIO(read_text_bounded(_data(folder) / "claims.csv"))))


def quiz_path(folder: str | Path | None = None) -> Path:
    """The case's starter quiz file (``data/quizzes/<name>.yaml``)."""
    return _data(folder) / "quizzes" / f"{load_metadata(folder).get('name')}.yaml"


def transcript_beside(quiz_file: str | Path) -> Transcript | None:
    """The transcript of the case a quiz file belongs to (its folder is ``data/quizzes`` of a case), or
    None when the quiz is not a case's, or its case cannot be read (then references cannot be checked).
    Evidence references of a case's quiz point into this transcript, not the kit's briefing."""
    data = Path(quiz_file).resolve().parent.parent
    if not (data / METADATA).is_file():
        return None
    try:
        return load_transcript(data.parent)
    except CaseError:
        return None
