"""Read a State Department briefing as a primary source: turns, exchanges, sentences, numbers, hedges.

    from casebook.transcript import parse, load_briefing
    t = load_briefing()              # the kit's briefing (data/briefing/transcript.txt, hash-checked)
    t = parse(text)                  # any briefing's text
    t.turns                          # Turn: index (from 0), number (from 1), speaker, role, text, ...
    t.turn(4).sentences              # turn 4's sentences (t.turns[3]): people's numbers count from 1
    t.passage(4, 2), t.sentence(4, 2)  # turn 4, sentence 2, as quiz evidence and the tables count them
    t.exchanges()                    # questions and answers, live or submitted, questioner and outlet
    t.numbers(), t.dates(), t.quotes(), t.hedges()
    t.kwic("accountab*"), t.stats(), t.quirks(), t.metadata

Modules, one job each: ``labels`` (speaker labels and roles), ``clean`` (boilerplate), ``parser``
(``parse``), ``segment`` (sentences and words), ``numbers``, ``dates``, ``quotes`` and ``hedges`` (finders
on one string), ``extract`` (finders across turns), ``exchanges``, ``stats``, ``kwic``, ``quirks``,
``document`` (the Transcript), ``model`` (dataclasses), ``source`` (reading files), ``report`` (the
command's text and JSON), ``lexicon`` (the word lists in ``labels.json``, ``markers.json`` and
``boilerplate.json``).
"""

from __future__ import annotations

from pathlib import Path

from casebook.files import cached_by_file
from casebook.paths import data_dir
from casebook.transcript.document import Transcript
from casebook.transcript.kwic import KwicLine, KwicSentence
from casebook.transcript.model import (
    Annotation,
    DateMention,
    Exchange,
    MarkerMention,
    Mention,
    Metadata,
    NumberMention,
    Quirk,
    QuoteMention,
    Sentence,
    Turn,
)
from casebook.transcript.parser import parse
from casebook.transcript.source import TranscriptFileError, read_text
from casebook.transcript.stats import SpeakerStats, Stats

BRIEFING = ("briefing", "transcript.txt")

__all__ = [
    "Annotation",
    "DateMention",
    "Exchange",
    "KwicLine",
    "KwicSentence",
    "MarkerMention",
    "Mention",
    "Metadata",
    "NumberMention",
    "Quirk",
    "QuoteMention",
    "Sentence",
    "SpeakerStats",
    "Stats",
    "Transcript",
    "TranscriptFileError",
    "Turn",
    "briefing_path",
    "load_briefing",
    "parse",
    "read_text",
]


def briefing_path() -> Path:
    """Where the kit's briefing transcript is: ``data/briefing/transcript.txt`` in the data folder."""
    return data_dir().joinpath(*BRIEFING)


def load_briefing() -> Transcript:
    """The kit's briefing (the Carpenter briefing on the OSCE Moscow Mechanism report), parsed.

    It is read through ``casebook.data.transcript_text()``, which checks the file against the sha256
    recorded in ``datapackage.json``: a lesson never analyses an edited copy as if it were the
    published text (DataError says how to restore it). ``parse(read_text(path))`` reads any other file.

    The one briefing cache of the kit: parsed once per version of ``data/briefing/transcript.txt``
    (a new modification time or size is read and parsed again), so quizzes, checks and lessons that
    ask for it many times share one parse, and a corrected transcript is picked up at the next call.
    """
    from casebook import data  # the data package imports nothing of the transcript toolkit

    path = briefing_path()
    try:
        return cached_by_file("parsed briefing", path, lambda: parse(data.transcript_text()))
    except OSError:
        return parse(data.transcript_text())  # says, in words, why the file cannot be read
