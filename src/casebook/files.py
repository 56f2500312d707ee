"""Reading and writing the files people hand the kit, safely.

Every file the kit reads from a learner, a teacher or a quiz author goes through ``read_bounded``:
it refuses anything that is not a regular file (a FIFO would block forever, a link to ``/dev/zero``
never ends), reads at most a stated number of bytes, and reports what is wrong as a ``Problem``
that names the file, never as a traceback. Every output the kit writes goes through
``write_atomic``, so a crash or a full disk never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from casebook.problems import Problem

#: What a hand-written file of the kit (quiz, export, transcript, table) may weigh at the most.
DEFAULT_LIMIT = 8 * 1024 * 1024

T = TypeVar("T")


class UnreadableFile(Exception):
    """A file that cannot be read as asked; ``problem`` says which file and why, in plain words."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size_words(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    if limit >= 1024:
        return f"{limit / 1024:g} KB"
    return f"{limit} bytes"


def read_bytes_bounded(path: str | os.PathLike[str], limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Raises UnreadableFile for a missing or unreadable file, a folder, a FIFO, a device or a socket
    (a link is followed, then judged by what it points at) and for a file larger than ``limit``.
    Never blocks on a FIFO: the file is opened without waiting and checked before it is read.
    """
    name = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnreadableFile(Problem(name, "no such file")) from None
    except IsADirectoryError:
        raise UnreadableFile(Problem(name, "is a folder, not a file")) from None
    except PermissionError:
        raise UnreadableFile(Problem(name, "cannot be read (permission denied)")) from None
    except OSError as error:
        raise UnreadableFile(Problem(name, f"cannot be opened ({error.strerror or error})")) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(Problem(name, f"is {_kind(mode)}, not a regular file; it was not read"))
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            try:
                chunk = os.read(descriptor, min(remaining, 1024 * 1024))
            except OSError as error:
                raise UnreadableFile(Problem(name, f"cannot be read ({error.strerror or error})")) from None
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise UnreadableFile(
                Problem(name, f"is larger than {_size_words(limit)}, the most the kit reads; it was not read")
            )
        return data
    finally:
        os.close(descriptor)


def read_text_bounded(path: str | os.PathLike[str], limit: int = DEFAULT_LIMIT) -> str:
    """The UTF-8 text of a regular file of at most ``limit`` bytes (a leading BOM is dropped).

    Raises UnreadableFile as ``read_bytes_bounded`` does, and for text that is not UTF-8 (for
    example a file saved as UTF-16 by an editor), naming the byte where decoding failed.
    """
    data = read_bytes_bounded(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            Problem(
                str(path), f"is not UTF-8 text (undecodable byte at position {error.start}); save it as UTF-8"
            )
        ) from None


def write_atomic(
    path: Path | str, content: str | bytes, *, encoding: str = "utf-8", fsync: bool = True
) -> Path:
    """Write ``content`` to ``path`` all at once: readers see the old file or the new one, never half.

    The parent folder is created when missing. Raises UnreadableFile (with a plain message naming
    the path; the ``OSError`` behind it is its ``__cause__``) when the path is a folder, or the place
    cannot be written. ``fsync=False`` skips flushing the bytes to the disk before the rename: still
    atomic (a crashed process leaves the old file whole), only a power cut could lose the last write;
    quiz progress, saved on every click, uses it because syncing costs more than the rest of a click.
    """
    target = Path(path)
    name = str(target)
    if target.is_dir():
        raise UnreadableFile(Problem(name, "is a folder, so no file can be written there"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UnreadableFile(
            Problem(str(target.parent), "is a file, so no folder can be made there")
        ) from None
    except OSError as error:
        raise UnreadableFile(
            Problem(str(target.parent), f"cannot be created ({error.strerror or error})")
        ) from None
    data = content.encode(encoding) if isinstance(content, str) else content
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise UnreadableFile(Problem(name, f"cannot be written ({error.strerror or error})")) from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            if fsync:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise UnreadableFile(Problem(name, f"cannot be written ({error.strerror or error})")) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return target


_stamped: dict[tuple[str, Path], tuple[tuple[int, int], Any]] = {}


def cached_by_file(kind: str, path: Path, read: Callable[[], T]) -> T:
    """``read()``'s result for the file at ``path``, read again only when the file changes.

    A change is a new modification time or size. ``kind`` keeps apart the values made from one
    file (its bytes, its parsed form). Raises ``OSError`` (``FileNotFoundError`` ...) when the file
    cannot be looked at; whatever ``read`` raises is not cached.
    """
    stat_result = path.stat()
    stamp = (stat_result.st_mtime_ns, stat_result.st_size)
    hit = _stamped.get((kind, path))
    if hit is None or hit[0] != stamp:
        hit = (stamp, read())
        _stamped[(kind, path)] = hit
    return hit[1]
