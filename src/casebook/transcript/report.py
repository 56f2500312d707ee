"""Plain-text and JSON views of a transcript, and the ``casebook transcript`` command's behaviour.

Exit codes of the command: 0 turns were shown; 1 the file was read but holds no turns (empty, or no
speaker labels: the message says which, and ``--json`` still prints ``[]``); 2 the file could not be read
(missing, a folder, binary, too large, not text) or ``--turn`` names a turn that does not exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.numbering import position
from casebook.transcript.document import Transcript
from casebook.transcript.parser import parse
from casebook.transcript.source import TranscriptFileError, read_text
from casebook.transcript.turn_json import encode, json_list, turn_objects

EXIT_OK = 0
EXIT_NO_TURNS = 1
EXIT_UNREADABLE = 2
LINE_WIDTH = 110


@dataclass(frozen=True)
class CommandResult:
    """What the command prints (``out`` to stdout, ``err`` to stderr) and its exit code."""

    code: int
    out: str = ""
    err: str = ""


def json_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list of ``records``, one record a line, produced one record at a time (see ``json_list``)."""
    return json_list(map(encode, records))


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 3)].rstrip() + "..."


def turns_table(transcript: Transcript, turns: list[int] | None = None) -> str:
    """A table of turns: number (from 1), speaker, role, words, and the first words of the text.

    ``turns`` picks some by list position (from 0), as ``transcript.turns[i]``.
    """
    chosen = [transcript.turns[i] for i in turns] if turns is not None else transcript.turns
    speaker_width = min(28, max([len("speaker"), *(len(t.speaker) for t in chosen)]))
    head = f"{'turn':>4}  {'speaker':<{speaker_width}}  {'role':<10}  {'words':>5}  first words"
    rows = [head, "-" * len(head)]
    rest = LINE_WIDTH - (4 + 2 + speaker_width + 2 + 10 + 2 + 5 + 2)
    for turn in chosen:
        rows.append(
            f"{turn.number:>4}  {_clip(turn.speaker, speaker_width):<{speaker_width}}  {turn.role:<10}  "
            f"{turn.words:>5}  {_clip(turn.plain, rest)}"
        )
    return "\n".join(rows)


def sentences_listing(transcript: Transcript, turns: list[int] | None = None) -> str:
    """Every sentence numbered "turn.sentence", both from 1, as quiz evidence references count them.

    ``turns`` picks some by list position (from 0), as ``transcript.turns[i]``.
    """
    chosen = [transcript.turns[i] for i in turns] if turns is not None else transcript.turns
    blocks = []
    for turn in chosen:
        lines = [f"turn {turn.number}  {turn.speaker} ({turn.role})"]
        lines += [f"  {turn.number}.{n}  {sentence}" for n, sentence in enumerate(turn.sentences, start=1)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def quirks_listing(transcript: Transcript) -> str:
    """The transcript's quirks, one per line, or a line saying there are none."""
    quirks = transcript.quirks()
    if not quirks:
        return "No quirks found."
    return "\n".join(f"- [{q.kind}] {q.message}" for q in quirks)


def summary_line(transcript: Transcript, quirks_hint: bool = True) -> str:
    """One line: how many turns, speakers, questions and quirks (and how to list them, if ``quirks_hint``)."""
    stats = transcript.stats()
    quirks = len(transcript.quirks())
    return (
        f"{_count(stats.turns, 'turn')}, {_count(len(transcript.speakers()), 'speaker')}, "
        f"{_count(stats.words, 'word')}; {_count(stats.questions, 'question')} "
        f"({stats.live_questions} live, {stats.submitted_questions} submitted); "
        f"{_count(quirks, 'quirk')}" + (" (--quirks lists them)." if quirks_hint else ".")
    )


def _typed_number(value: int | str) -> object:
    """A number as typed on the command line ("12", " 3 ") as an int; anything else as it is, so that
    ``position`` names it in its message."""
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value)
    return value


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _default_path() -> Path:
    from casebook.paths import data_dir

    return data_dir() / "briefing" / "transcript.txt"


def transcript_command(
    path: str | os.PathLike[str] | None = None,
    *,
    as_json: bool = False,
    sentences: bool = False,
    turn: int | str | None = None,
    quirks: bool = False,
    write: Callable[[str], object] | None = None,
) -> CommandResult:
    """Run ``casebook transcript``: read and parse ``path`` (default: the kit's briefing) and render it.

    ``turn`` is a turn number counting from 1 (the command line passes ``--turn`` as typed); one that is
    not whole, below 1 or past the end gets one plain line and exit code 2. With ``write`` (the command
    line passes ``sys.stdout.write``), ``--json`` output is written in pieces
    through it instead of being returned in ``out``.
    """
    try:
        path = _default_path() if path is None else path
        text = read_text(path)
    except (TranscriptFileError, FileNotFoundError) as exc:
        return CommandResult(EXIT_UNREADABLE, err=str(exc))
    transcript = parse(text)
    if not transcript.turns:
        problem = (
            "is empty" if not text.strip() else "has no speaker labels (such as 'MODERATOR:' or 'QUESTION:')"
        )
        return CommandResult(
            EXIT_NO_TURNS,
            out="[]" if as_json else "",
            err=f"{path}: {problem}, so there are no turns to show.",
        )
    chosen = None
    if turn is not None:
        try:
            chosen = [position("turn", _typed_number(turn), len(transcript.turns), "this transcript has")]
        except (LookupError, ValueError) as problem:
            return CommandResult(EXIT_UNREADABLE, err=f"{path}: --turn {turn}: {problem}.")
    if as_json:
        turns = transcript.turns if chosen is None else [transcript.turns[i] for i in chosen]
        chunks = json_list(turn_objects(turns))
        if write is None:
            return CommandResult(EXIT_OK, out="".join(chunks))
        for chunk in chunks:
            write(chunk)
        write("\n")
        return CommandResult(EXIT_OK)
    parts = [sentences_listing(transcript, chosen) if sentences else turns_table(transcript, chosen)]
    if quirks:
        parts.append("Quirks:\n" + quirks_listing(transcript))
    parts.append(summary_line(transcript, quirks_hint=not quirks))
    return CommandResult(EXIT_OK, out="\n\n".join(parts))
