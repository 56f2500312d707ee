"""Demonstration checks on the briefing transcript, computed from the file itself.

They show how a check is defined until the lesson checks arrive; the lessons' own checks use
``casebook.data`` and ``casebook.transcript`` the same way (imported inside the function).
"""

from __future__ import annotations

import hashlib
from functools import partial

from casebook.checks.compare import compare_number, compare_text
from casebook.checks.registry import Check


def transcript_bytes() -> bytes:
    """The briefing transcript exactly as shipped in ``data/briefing/transcript.txt``."""
    from casebook.paths import data_dir

    return (data_dir() / "briefing" / "transcript.txt").read_bytes()


def transcript_sha256() -> str:
    """The SHA-256 digest of the transcript file, in hexadecimal."""
    return hashlib.sha256(transcript_bytes()).hexdigest()


def transcript_word_count() -> int:
    """How many whitespace-separated words the transcript file has."""
    return len(transcript_bytes().decode("utf-8").split())


CHECKS = [
    Check(
        "demo.transcript_sha256",
        "the SHA-256 fingerprint of data/briefing/transcript.txt, in hexadecimal",
        transcript_sha256,
        partial(compare_text, what="the fingerprint"),
        hint="Read the file as bytes (path.read_bytes()), so nothing is changed on the way, then "
        "hashlib.sha256(...).hexdigest().",
    ),
    Check(
        "demo.transcript_words",
        "how many words data/briefing/transcript.txt has, splitting at whitespace",
        transcript_word_count,
        partial(compare_number, what="the word count", whole=True),
        hint="Read the file as text (UTF-8); text.split() with no argument splits at every run of spaces "
        "and line breaks, and len() counts the pieces.",
    ),
]
