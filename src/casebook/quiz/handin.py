"""Hand-in without files: "Export my answers" also drops the export into the class's hand-in folder.

The folder is set by ``CASEBOOK_HANDIN_DIR`` (a hub sets it for every student's server) or by the
``handin`` key of ``course.yaml``. With neither, nothing is handed in and the download stays the only
way (Binder, a laptop).

Each student has one file per quiz there, ``casebook-answers-<quiz>--<student>-<token>.json``, so
``casebook results merge`` (which reads ``casebook-answers-*.json``) finds it. ``<student>`` is the
hub's user name when there is one (``JUPYTERHUB_USER``: the login the hub checked), else the name
typed in the quiz, reduced to lower-case ASCII letters, digits, ``_`` and ``-``: a name can never
climb out of the folder or hide a file. ``<token>`` is drawn at random once per student and kept
beside their saved progress, so the same student always replaces their own file, and nobody can
guess a classmate's file name (which matters where every student's server runs as one system user,
as on Zero to JupyterHub or the local ``make hub``).

On a shared machine the folder is a drop-box, like nbgrader's exchange: owned by the teacher, with a
group only the teacher is in, mode ``3733`` (``rwx-wx-wx`` plus setgid and sticky). Students can
create files in it but not list it; the sticky bit stops one student renaming or deleting another's
file; setgid gives every handed-in file the folder's group, and the file is readable by that group
only (``0640``), so the teacher reads every file and students read none but their own.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.files import UnreadableFile, read_text_bounded, write_atomic

ENV_HANDIN = "CASEBOOK_HANDIN_DIR"
ENV_HUB_USER = "JUPYTERHUB_USER"
#: Read and write for the student who handed in, read for the folder's group (the teacher's).
FILE_MODE = 0o640
#: The drop-box: the teacher owns it; everyone may create files, nobody else may list them.
FOLDER_MODE = 0o3733
_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class HandIn:
    """What handing in did: the file written, or why it could not be (a plain sentence)."""

    path: Path | None
    problem: str | None = None


def handin_folder(env: Mapping[str, str] | None = None, root: Path | None = None) -> Path | None:
    """The configured hand-in folder: ``CASEBOOK_HANDIN_DIR``, else ``course.yaml``'s ``handin``."""
    env = os.environ if env is None else env
    override = env.get(ENV_HANDIN, "").strip()
    if override:
        return Path(override).expanduser()
    from casebook.settings import load_settings

    try:
        return load_settings(root).handin
    except (OSError, ValueError):
        return None


def safe_part(text: str, limit: int = 40) -> str:
    """``text`` as lower-case ASCII letters, digits, ``_`` and ``-`` (accents dropped), never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("-", ascii_text.casefold()).strip("-")[:limit].strip("-")
    return cleaned or "anonymous"


def student_of(export: Mapping[str, Any], env: Mapping[str, str] | None = None) -> str:
    """Who handed in: the hub's user name when running on a hub, else the name typed in the quiz."""
    env = os.environ if env is None else env
    return env.get(ENV_HUB_USER, "").strip() or str(export.get("name", "")).strip()


def handin_token(student: str) -> str:
    """This student's random token, made once and kept beside their saved progress.

    Where it cannot be kept (a read-only home), a hash of the name stands in: hand-in still works,
    only the file name becomes guessable.
    """
    from casebook.quiz.progress import progress_dir

    path = progress_dir() / "handin-token"
    with contextlib.suppress(UnreadableFile):
        token = read_text_bounded(path, limit=64).strip()
        if re.fullmatch(r"[0-9a-f]{16}", token):
            return token
    token = secrets.token_hex(8)
    try:
        write_atomic(path, token + "\n")
    except UnreadableFile:
        return hashlib.sha256(student.encode("utf-8")).hexdigest()[:16]
    return token


def handin_name(quiz_id: str, student: str, token: str) -> str:
    """The file name of one student's hand-in for one quiz, safe from anything the student typed."""
    return f"casebook-answers-{safe_part(quiz_id, 60)}--{safe_part(student)}-{safe_part(token, 32)}.json"


def hand_in(export: dict[str, Any], folder: Path, env: Mapping[str, str] | None = None) -> Path:
    """Write ``export`` into the hand-in ``folder`` atomically, replacing this student's earlier one.

    The export gains ``user`` (the hub's user name) when there is one, so the gradebook can use the
    login the hub checked rather than a typed name. Raises UnreadableFile when it cannot be written.
    """
    env = os.environ if env is None else env
    user = env.get(ENV_HUB_USER, "").strip()
    record = {**export, "user": user} if user else dict(export)
    student = student_of(record, env)
    path = folder / handin_name(str(record["quiz"]), student, handin_token(student))
    write_atomic(path, json.dumps(record, ensure_ascii=False, indent=2))
    with contextlib.suppress(OSError):
        os.chmod(path, FILE_MODE)
    return path


def hand_in_if_configured(
    export: dict[str, Any], env: Mapping[str, str] | None = None, root: Path | None = None
) -> HandIn | None:
    """Hand ``export`` in when a hand-in folder is configured; None when none is (never raises)."""
    folder = handin_folder(env, root)
    if folder is None:
        return None
    if not folder.is_dir():
        return HandIn(None, f"{folder}: the class's hand-in folder does not exist; tell your teacher")
    try:
        return HandIn(hand_in(export, folder, env))
    except UnreadableFile as error:
        return HandIn(None, str(error.problem))


def handin_html(handed: HandIn | None) -> str:
    """One line for the quiz's export status: empty unless handing in was tried and failed."""
    if handed is None or handed.path is not None:
        return ""
    from html import escape

    return f"<p>✘ Could not hand in your answers ({escape(handed.problem or 'unknown reason')}).</p>"
