"""Text that someone else wrote (a learner's name, a question id in a handed-in file), made safe to show.

Two uses, two functions:

- ``clean(text)`` for files the kit writes (CSV tables): a lone surrogate, which no UTF-8 file can
  hold, becomes U+FFFD, and control characters other than tab and line breaks are replaced too, so
  the text can always be written and means what it shows;
- ``for_terminal(text)`` for one line printed to a teacher's terminal: every control character
  (ANSI escape sequences start with one), line break and bidirectional override is shown as a
  visible escape such as ``\\x1b``, so no text can recolour, move, hide or reorder what the
  terminal shows; very long text is cut short;
- ``one_line(problem)``: a ``Problem`` whose file, field and message (which may quote an author's
  or a learner's text) are escaped the same way, uncut, so every problem the kit reports prints as
  one harmless line.

Pure functions.
"""

from __future__ import annotations

import dataclasses
import re
import sys

from casebook.problems import Problem

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_IN_FILES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Everything a terminal acts on instead of showing: C0 and C1 controls (ESC starts ANSI sequences,
# CR and BS overwrite), DEL, and the bidirectional marks and overrides that reorder a line.
_UNSAFE_ON_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_SHORTHAND = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: The most characters of one piece of untrusted text shown in a terminal message.
TERMINAL_LIMIT = 120


def clean(text: str) -> str:
    """``text`` with lone surrogates and control characters (but not tab and line breaks) as U+FFFD."""
    return _CONTROL_IN_FILES.sub(REPLACEMENT, _SURROGATE.sub(REPLACEMENT, text))


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORTHAND:
        return _SHORTHAND[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, limit: int = TERMINAL_LIMIT) -> str:
    """``text`` as one harmless line: controls, breaks and bidi marks escaped, cut to ``limit`` chars."""
    text = _SURROGATE.sub(REPLACEMENT, text)
    if len(text) > limit:
        text = text[:limit] + "…"
    return _UNSAFE_ON_TERMINAL.sub(_visible, text)


def one_line(problem: Problem) -> Problem:
    """``problem`` with controls, line breaks and bidi marks in its file, field and message escaped."""

    def visible(text: str) -> str:
        return for_terminal(text, sys.maxsize)

    escaped = dataclasses.replace(
        problem,
        file=visible(problem.file),
        message=visible(problem.message),
        field=None if problem.field is None else visible(problem.field),
    )
    return problem if escaped == problem else escaped
