"""Reading a transcript file as text, with a clear message for anything that is not one.

A transcript saved from a web page may be UTF-8 (with or without a byte-order mark), UTF-16 with a
byte-order mark (Windows "Unicode"), or Windows-1252. Line endings are kept as they are: ``parse``
handles ``\\r\\n`` and ``\\r``. Binary files (PDF, Word, images), files too large to be a transcript, and
files that cannot be read raise :class:`TranscriptFileError`, whose message names the file.
"""

from __future__ import annotations

import codecs
import os

MAX_BYTES = 200 * 1024 * 1024
_SNIFF = 64 * 1024


class TranscriptFileError(ValueError):
    """A transcript file that cannot be read as text; ``str()`` is a message naming the file."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\x0b\x1b")
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes, path: str | os.PathLike[str] = "<text>") -> str:
    """``data`` decoded as a transcript's text; raises TranscriptFileError if it is not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise TranscriptFileError(path, "starts like UTF-16 text but is not valid UTF-16") from None
    if _looks_binary(data[:_SNIFF]):
        raise TranscriptFileError(
            path,
            "is a binary file (a PDF, a Word document or an image?), not text: "
            "save the briefing page as plain text (.txt) and try again",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise TranscriptFileError(
            path, "is neither UTF-8 nor Windows-1252 text: save it again as UTF-8 and try again"
        ) from None


def _size(limit: int) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit:,} bytes"


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> str:
    """The text of a transcript file; raises TranscriptFileError with a clear message if unreadable.

    The file is read through :func:`casebook.files.read_bytes_bounded`: a FIFO, a device (a link to
    ``/dev/zero``), a socket or a folder is refused without blocking, and at most ``max_bytes`` are read.
    An empty file gives ``""`` (parsing it gives an honest empty transcript).
    """
    from casebook.files import UnreadableFile, read_bytes_bounded

    try:
        data = read_bytes_bounded(path, max_bytes)
    except UnreadableFile as error:
        problem = error.problem.message
        if problem.startswith("is larger than"):
            problem = f"is more than the {_size(max_bytes)} a transcript could be: is it the right file?"
        raise TranscriptFileError(path, problem) from None
    return decode(data, path)
