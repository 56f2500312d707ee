"""The checks that tie ``primary/excerpts.csv`` to the text files it lists.

A row of the index names a text file, its SHA-256 and its first words. These pure checks say, one
problem per field, where a row and its file disagree: a file outside ``primary/`` or not named after
the row's id, a digest that is not 64 hex digits or not the file's, an opening the text does not start
with; and a row's provenance: a text read in another publisher's reproduction (``provenance`` is
``copy``) must name what it copies, who published that and where, and the second copy it was checked
against, while a first-hand text names none of them. ``casebook validate`` runs them on the raw rows;
``casebook.primary`` runs them before it shows an excerpt. Standard library only, so a lesson kernel
pays nothing for them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from casebook.files import UnreadableFile, read_bytes_bounded
from casebook.problems import Problem

#: The index, relative to the data folder.
INDEX = "primary/excerpts.csv"
#: An excerpt is short: a file larger than this is refused unread.
EXCERPT_LIMIT = 64 * 1024
#: A line that marks text left out of an excerpt.
OMISSION = "[…]"

SHA256 = re.compile(r"[0-9a-f]{64}")
#: What a copy must say about itself, and how a message names each field.
COPY_FIELDS = {
    "copy_of": "the document it reproduces",
    "copy_of_publisher": "who published that document",
    "copy_of_url": "the document's official address",
    "checked_against": "the source id of the second copy it was checked against",
}


def expected_file(excerpt_id: str) -> str:
    """The one file name a row may give: ``primary/<id>.txt``."""
    return f"primary/{excerpt_id}.txt"


def row_problems(
    row: Mapping[str, str | None], number: int, folder: Path, shown: str = INDEX
) -> list[Problem]:
    """Every disagreement between one index row (cells as text) and its text file.

    ``number`` is the row's number as a spreadsheet shows it (the header is row 1); ``shown`` is how
    the index file is named in the messages.
    """
    excerpt_id = row.get("id") or ""
    file = row.get("file") or ""
    digest = row.get("sha256") or ""
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(shown, message, field=field, row=number))

    problems += provenance_problems(row, number, shown)
    if file != expected_file(excerpt_id):
        problem("file", f"'{file}' should be '{expected_file(excerpt_id)}', the text file named after the id")
        return problems
    if not SHA256.fullmatch(digest):
        problem("sha256", f"'{digest[:70]}' is not a SHA-256 digest (64 lowercase hex digits)")
    path = folder / PurePosixPath(file)
    try:
        content = read_bytes_bounded(path, EXCERPT_LIMIT)
    except UnreadableFile as error:
        problem("file", f"{error.problem.message} ({file})")
        return problems
    actual = hashlib.sha256(content).hexdigest()
    if SHA256.fullmatch(digest) and actual != digest:
        problem("sha256", f"{file} has SHA-256 {actual}: the text was changed, or the index is out of date")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        problem("file", f"{file} is not UTF-8 text (undecodable byte at position {error.start})")
        return problems
    opening = row.get("opening") or ""
    if not opening or not text.startswith(opening):
        problem("opening", f"{file} does not start with '{opening[:60]}'")
    return problems


def provenance_problems(row: Mapping[str, str | None], number: int, shown: str = INDEX) -> list[Problem]:
    """What a row fails to say about where its text was read: one problem per field.

    A ``copy`` row must fill every field of ``COPY_FIELDS``, and its ``checked_against`` must be a
    second copy, not the row's own source; a ``first-hand`` row must leave them all empty. Any other
    provenance is left to the schema's enum.
    """
    provenance = row.get("provenance") or ""
    problems = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(shown, message, field=field, row=number))

    if provenance == "copy":
        for field, what in COPY_FIELDS.items():
            if not (row.get(field) or "").strip():
                problem(field, f"empty: a row whose provenance is 'copy' must give {what}")
        checked = (row.get("checked_against") or "").strip()
        if checked and checked == (row.get("sources") or "").strip():
            problem("checked_against", f"'{checked}' is the copy the text was taken from; name a second copy")
    elif provenance == "first-hand":
        for field in COPY_FIELDS:
            if (row.get(field) or "").strip():
                problem(field, "a first-hand text copies nothing: leave it empty, or make provenance 'copy'")
    return problems
