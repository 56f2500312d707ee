"""The regular expressions quiz authors write for text questions: checked before use, matched on a budget.

Python's ``re`` backtracks, so some patterns take time that grows exponentially with the answer:
``^(a+)+$`` against thirty a's and a "!" takes about 25 seconds, and answers may be 500 characters.
Two guards, so one answer can never hang a learner's kernel:

- ``pattern_problem(pattern)`` refuses, when a quiz is validated and again before grading, the
  shapes that backtrack badly: a repeated part that itself repeats (``(a+)+``, ``(a?){20}``), a
  repeated choice between alternatives (``(a|ab)*``) and backreferences (``\\1``, ``(?P=name)``,
  conditionals), which no regular-expression engine can match quickly. It reads the pattern with the
  standard library's own parser (``re._parser``, ``sre_parse`` before Python 3.11).
- ``search(pattern, text)`` matches with a time budget where the platform allows it: in the main
  thread, an interval timer interrupts the match (``re`` checks for signals while it backtracks) and
  ``PatternTimeout`` is raised. Elsewhere the check above is the guard.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined, unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef, unused-ignore]

MAX_PATTERN_CHARS = 200
BUDGET_SECONDS = 0.25  # a sound pattern matches a 500-character answer in microseconds

_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_BACKREFERENCES = {
    "GROUPREF",
    "GROUPREF_EXISTS",
    "GROUPREF_IGNORE",
    "GROUPREF_UNI_IGNORE",
    "GROUPREF_LOC_IGNORE",
}


class PatternTimeout(Exception):
    """A match ran out of its time budget."""


@lru_cache(maxsize=256)
def pattern_problem(pattern: str) -> str | None:
    """Why a pattern cannot be used, in words for a quiz author; None when it can."""
    if len(pattern) > MAX_PATTERN_CHARS:
        return f"is {len(pattern):,} characters long; at most {MAX_PATTERN_CHARS:,} are allowed"
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as error:
        return f"not a valid regular expression: {error}"
    except (RecursionError, OverflowError, ValueError, TypeError) as error:
        return f"not a valid regular expression: {error.__class__.__name__}"
    for name, _av, inside_repeat in _walk(parsed):
        if name in _BACKREFERENCES:
            return (
                "uses a backreference (such as \\1 or (?P=name)); these can take a very long time to "
                "match, so they are not allowed: list the accepted answers instead"
            )
        if name in _REPEATS and inside_repeat:
            return (
                "repeats a part that itself repeats (as in (a+)+ or (a?){20}); such patterns can take "
                "a very long time to match, so they are not allowed: write it without the outer repeat"
            )
        if name == "BRANCH" and inside_repeat:
            return (
                "repeats a choice between alternatives (as in (a|ab)+); such patterns can take a very "
                "long time to match, so they are not allowed: repeat a character class ([ab]+) instead"
            )
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as error:
        return f"not a valid regular expression: {error}"
    return None


def _walk(parsed: Any) -> Iterator[tuple[str, Any, bool]]:
    """Every item of a parsed pattern: its opcode's name, its argument, and whether it sits inside
    a repeat that can match more than once. An explicit stack: no recursion."""
    stack: list[tuple[Any, bool]] = [(parsed, False)]
    while stack:
        items, inside = stack.pop()
        for op, av in items:
            name = str(op)
            yield name, av, inside
            if name in _REPEATS:
                _low, high, body = av
                stack.append((body, inside or high > 1))
            elif name == "SUBPATTERN":
                stack.append((av[-1], inside))
            elif name == "BRANCH":
                stack.extend((branch, inside) for branch in av[1])
            elif name in ("ASSERT", "ASSERT_NOT"):
                stack.append((av[1], inside))
            elif name == "ATOMIC_GROUP":
                stack.append((av, inside))
            elif name == "GROUPREF_EXISTS":
                stack.extend((part, inside) for part in av[1:] if part is not None)


def search(pattern: str, text: str, flags: int = 0) -> bool:
    """Whether ``pattern`` is found in ``text``; PatternTimeout when matching takes too long.

    A pattern that ``pattern_problem`` refuses is never run (PatternTimeout at once), so even a quiz
    that skipped validation cannot hang grading.
    """
    if pattern_problem(pattern) is not None:
        raise PatternTimeout(pattern)
    compiled = re.compile(pattern, flags)
    with _budget(BUDGET_SECONDS):
        return compiled.search(text) is not None


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Interrupt the block with PatternTimeout after ``seconds``, in the main thread where there is a
    real-time interval timer; elsewhere, run it as it is. The previous handler and timer come back."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(_signum: int, _frame: Any) -> None:
        raise PatternTimeout("the match took too long")

    try:
        previous = signal.signal(signal.SIGALRM, expired)
    except ValueError:  # not the main interpreter's main thread after all
        yield
        return
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay:
            signal.setitimer(signal.ITIMER_REAL, old_delay, old_interval)
