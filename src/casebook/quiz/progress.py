"""Saved progress: every answer a learner gives, kept per user so it survives kernel restarts.

One JSON file per quiz, in ``$CASEBOOK_PROGRESS_DIR`` if set, else in the Jupyter data directory
(``jupyter --data-dir``) under ``casebook/progress/``; in the browser-only course (JupyterLite), in
``casebook-progress/`` on the site's drive, which the browser keeps (see :func:`progress_dir`).
The file looks like::

    {"format": "casebook-progress", "version": 1, "quiz": "00_start_here", "name": "Ada",
     "answers": {"q1": {"answer": 2, "status": "correct", "score": 1.0, "attempts": 1,
                        "revealed": false, "hints": 0, "updated": "2026-05-11T10:00:00+00:00"}}}

Every change is a read-modify-write under a lock (``fcntl.flock`` on a side file, where the platform
has it), written to a temporary file and moved into place with ``os.replace``, so two kernels saving
at once lose nothing and a crash never leaves half a file. A file that cannot be read as progress is
moved aside (``<quiz>.json.corrupt-<time>``) with a one-line warning, and the quiz starts afresh:
invalid JSON, a wrong shape, text that is not UTF-8 (binary, or UTF-16 from an editor), a file over
``MAX_PROGRESS_BYTES``, or something that is not a regular file at all.

Nothing here raises while reading: a lock that cannot be taken (a read-only folder, a lock path that
is a folder) gives one warning, and reading goes on without it (writes are atomic, so an unlocked read
never sees half a file). Saving without the lock still happens where the folder can be written; where
it cannot, the save raises ``OSError`` and the quiz tells the learner. Text is written as UTF-8 with
any lone surrogate replaced by U+FFFD, so no stored or typed string can make every later save fail.

A practice quiz split off an older quiz names it in ``moved_from``; :meth:`ProgressStore.take_moved`
copies, once per old quiz, the answers saved there for the questions the new quiz now holds (never over
an answer already saved under the new quiz), and notes in the new file (``"taken_from"``) that it did.

There is no fsync (``files.write_atomic(..., fsync=False)``): a kernel that dies mid-save leaves the
old file whole (the rename is atomic), and syncing would cost more than everything else a click does
(only a power cut could lose the last save).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from casebook.files import UnreadableFile, read_text_bounded, write_atomic
from casebook.quiz.normalise import LONE_SURROGATE, clean_text

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; writes stay atomic
    fcntl = None  # type: ignore[assignment]
if fcntl is not None and not hasattr(fcntl, "flock"):  # Pyodide (JupyterLite): fcntl without flock
    fcntl = None  # type: ignore[assignment]

ENV_PROGRESS = "CASEBOOK_PROGRESS_DIR"
# JupyterLite's Pyodide kernel mounts the site's files here; what is written under it is stored in the
# browser (IndexedDB) and survives a page reload and a kernel restart.
LITE_DRIVE = Path("/drive")
FORMAT = "casebook-progress"
MAX_PROGRESS_BYTES = 32 * 1024 * 1024  # far above a whole quiz of 20,000-character reflections
MAX_NAME_CHARS = 200


def progress_dir() -> Path:
    """Where progress files live: ``$CASEBOOK_PROGRESS_DIR``, else ``<Jupyter data dir>/casebook/progress``.

    (The Jupyter data dir is what ``jupyter --data-dir`` prints.) In JupyterLite (Python compiled to
    WebAssembly, ``sys.platform == "emscripten"``) the kernel's own files vanish with the page, so
    progress goes to ``casebook-progress/`` on the drive JupyterLite mounts, which the browser keeps.
    """
    override = os.environ.get(ENV_PROGRESS)
    if override:
        return Path(override).expanduser()
    if sys.platform == "emscripten" and LITE_DRIVE.is_dir():
        return LITE_DRIVE / "casebook-progress"
    from jupyter_core.paths import jupyter_data_dir

    return Path(jupyter_data_dir()) / "casebook" / "progress"


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class ProgressStore:
    """The saved answers of one quiz for the current user."""

    def __init__(
        self, quiz_id: str, directory: Path | None = None, warn: Callable[[str], None] | None = None
    ):
        self.quiz_id = quiz_id
        self.directory = Path(directory) if directory is not None else progress_dir()
        self.path = self.directory / f"{quiz_id}.json"
        self._warn = warn or _warn_on_stderr
        self.warnings: list[str] = []
        self._lock_warned = False

    # -- reading -------------------------------------------------------------------------------------

    def load(self) -> dict[str, Any]:
        """The saved progress (an empty one if there is none). Never raises for a bad file."""
        with self._locked():
            return self._read()

    # -- writing -------------------------------------------------------------------------------------

    def save_answer(self, question_id: str, record: dict[str, Any]) -> None:
        """Store one question's record (answer, status, score, attempts ...), keeping every other one.

        Raises OSError when the progress folder cannot be written."""
        stamped = {**record, "updated": now()}

        def change(data: dict[str, Any]) -> None:
            data["answers"][question_id] = stamped

        self._update(change)

    def save_name(self, name: str) -> None:
        """Remember the learner's name for exports."""

        cleaned = clean_text(name, MAX_NAME_CHARS).strip()

        def change(data: dict[str, Any]) -> None:
            data["name"] = cleaned

        self._update(change)

    def clear(self, keep: Collection[str] = ()) -> None:
        """Forget every answer of this quiz but those of the question ids in ``keep`` (committed
        verdict predictions); the learner's name is kept."""

        def change(data: dict[str, Any]) -> None:
            data["answers"] = {qid: record for qid, record in data["answers"].items() if qid in keep}

        self._update(change)

    def take_moved(self, moved_from: Iterable[str], question_ids: Collection[str]) -> list[str]:
        """Copy into this quiz the answers saved under the quizzes in ``moved_from`` (the ids its
        questions were asked under before) for the questions in ``question_ids``; return their ids.

        Each old quiz is taken from once (recorded in this file's ``"taken_from"``), so answers the
        learner resets later do not come back. An answer already saved here is never overwritten, and
        the old file is only read: its answers stay where they are. A corrupt old file is moved aside
        with one warning naming it (``<quiz>.json.corrupt-<time>``), as for this quiz's own file. Never
        raises: a folder that cannot be written gives one warning."""
        copied: list[str] = []
        for old_id in dict.fromkeys(moved_from):
            if old_id == self.quiz_id or old_id in self._taken_from():
                continue
            old = ProgressStore(old_id, self.directory, warn=self._report)
            if not os.path.lexists(old.path):
                continue  # nothing was saved there: nothing to take (yet)
            saved = old.load()
            batch: list[str] = []
            change = functools.partial(_take_answers, old_id, saved, question_ids, batch)
            try:
                self._update(change)
            except OSError as error:
                self._report(
                    f"answers saved under {old.path} could not be copied into {self.path} "
                    f"({error.strerror or error}); they are still in {old.path.name}"
                )
                break
            copied += batch
        return copied

    def _taken_from(self) -> dict[str, Any]:
        taken = self.load().get("taken_from")
        return taken if isinstance(taken, dict) else {}

    # -- internals -----------------------------------------------------------------------------------

    def _empty(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": 1, "quiz": self.quiz_id, "name": "", "answers": {}}

    def _update(self, change: Callable[[dict[str, Any]], None]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._locked():
            data = self._read()
            change(data)
            self._write(data)

    def _read(self) -> dict[str, Any]:
        try:
            text = read_text_bounded(self.path, MAX_PROGRESS_BYTES)
        except UnreadableFile as error:
            if not os.path.lexists(self.path):
                return self._empty()
            self._move_aside(f"the file {error.problem.message.split(';')[0]}")
            return self._empty()
        problem = None
        try:
            data = json.loads(text)
            problem = _shape_problem(data)
            if problem is None:
                data = _without_lone_surrogates(data)
        except (ValueError, RecursionError) as exc:
            problem = f"not valid JSON ({exc.__class__.__name__})"
        if problem is None:
            return data
        self._move_aside(problem)
        return self._empty()

    def _move_aside(self, problem: str) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError:
            self._report(f"saved answers in {self.path} are unreadable ({problem}); starting afresh")
            return
        self._report(f"saved answers in {self.path} were unreadable ({problem}); moved to {aside.name}")

    def _report(self, message: str) -> None:
        self.warnings.append(message)
        self._warn(message)

    def _write(self, data: dict[str, Any]) -> None:
        text = LONE_SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False, indent=1))
        try:
            write_atomic(self.path, text, fsync=False)  # no fsync: see the module's docstring
        except UnreadableFile as error:
            # The quiz tells the learner the system's own reason ("Permission denied").
            raise error.__cause__ if isinstance(error.__cause__, OSError) else OSError(str(error)) from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None or not self.directory.is_dir():
            yield
            return
        lock_path = self.directory / f".{self.quiz_id}.lock"
        try:
            lock = open(lock_path, "a+")  # noqa: SIM115 - closed below, after the lock is released
        except OSError as error:
            self._lock_failed(lock_path, error)
            yield
            return
        with lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)

    def _lock_failed(self, lock_path: Path, error: OSError) -> None:
        """Say once why there is no lock, and what it means for saving."""
        if self._lock_warned:
            return
        self._lock_warned = True
        reason = error.strerror or str(error)
        if not self._can_write():
            self._report(
                f"answers cannot be saved here: the folder {self.directory} is read-only ({reason}); "
                "your answers last only while this notebook stays open"
            )
        else:
            self._report(f"the lock file {lock_path} cannot be used ({reason}); answers are saved without it")

    def _can_write(self) -> bool:
        """Whether a file can be made in the progress folder (tried, not guessed from permissions)."""
        try:
            handle, temp = tempfile.mkstemp(prefix=f".{self.quiz_id}.", suffix=".probe", dir=self.directory)
        except OSError:
            return False
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return True


def _take_answers(
    old_id: str,
    saved: dict[str, Any],
    question_ids: Collection[str],
    taken_ids: list[str],
    data: dict[str, Any],
) -> None:
    """Copy into ``data`` the answers in ``saved`` (old quiz ``old_id``) of ``question_ids`` that it lacks,
    and the name if it has none, listing the ids in ``taken_ids``; nothing if it took from there before."""
    taken = data.get("taken_from")
    taken = taken if isinstance(taken, dict) else {}
    if old_id in taken:
        return  # another kernel took them meanwhile
    data["taken_from"] = {**taken, old_id: now()}
    for qid in question_ids:
        if qid in saved["answers"] and qid not in data["answers"]:
            data["answers"][qid] = saved["answers"][qid]
            taken_ids.append(qid)
    if not data.get("name") and saved.get("name"):
        data["name"] = saved["name"]


def _shape_problem(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "not a JSON object"
    if data.get("format") != FORMAT:
        return f"'format' is not '{FORMAT}'"
    if not isinstance(data.get("answers"), dict):
        return "'answers' is not an object"
    if not all(isinstance(record, dict) for record in data["answers"].values()):
        return "an answer record is not an object"
    if not isinstance(data.get("name", ""), str):
        data["name"] = ""
    return None


def _without_lone_surrogates(data: dict[str, Any]) -> dict[str, Any]:
    """The stored progress with any lone surrogate (a JSON "\\ud800" escape) replaced by U+FFFD, so it
    can be shown in a browser and saved as UTF-8 again."""
    text = json.dumps(data, ensure_ascii=False)
    if not LONE_SURROGATE.search(text):
        return data
    return json.loads(LONE_SURROGATE.sub("\ufffd", text))


def _warn_on_stderr(message: str) -> None:
    print(f"casebook: {message}", file=sys.stderr)
