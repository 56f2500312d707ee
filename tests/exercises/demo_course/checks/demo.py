"""A second, tiny course's checks, for the engine's tests: computed from the transcript file itself.

The tests point ``CASEBOOK_COURSE`` (or a ``Registry(folder=...)``) at this folder, which shows that
the engine reads any course's definitions and holds none of its own.
"""

from __future__ import annotations

import hashlib

from casebook.checks import Check
from casebook.checks.kinds import text, whole
from casebook.paths import data_dir

FILE = ("briefing", "transcript.txt")  # the file both checks are about


def transcript_bytes() -> bytes:
    """The briefing transcript exactly as the data folder holds it."""
    return data_dir().joinpath(*FILE).read_bytes()


def transcript_sha256() -> str:
    """The SHA-256 digest of the transcript file, in hexadecimal."""
    return hashlib.sha256(transcript_bytes()).hexdigest()


def transcript_word_count() -> int:
    """How many whitespace-separated words the transcript file has."""
    return len(transcript_bytes().decode("utf-8").split())


CHECKS = [
    Check(
        "demo.transcript_sha256",
        f"the SHA-256 fingerprint of data/{'/'.join(FILE)}, in hexadecimal",
        transcript_sha256,
        text("the fingerprint"),
        "Read the file as bytes, so nothing is changed on the way, then take hashlib.sha256's hexdigest.",
    ),
    Check(
        "demo.transcript_words",
        f"how many words data/{'/'.join(FILE)} has, splitting at whitespace",
        transcript_word_count,
        whole("the word count"),
        "Read the file as text (UTF-8); split() with no argument splits at every run of spaces and "
        "line breaks.",
    ),
]
