"""Turn and sentence numbers as people read and type them: counting from 1.

Every number a person sees or gives (``Transcript.turn(1)``, "Turn 1, sentence 1" in a quiz, the
``casebook transcript`` table, a quirk's message) counts from 1; only list positions inside the engine
(``transcript.turns[i]``) count from 0. :func:`position` turns a number into a list position, or says in
one plain line why there is none.
"""

from __future__ import annotations

import operator


def whole_number(value: object, what: str) -> int:
    """``value`` as an int, or ValueError saying that ``what`` numbers are whole numbers from 1."""
    if not isinstance(value, bool):
        try:
            return operator.index(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise ValueError(f"{what} numbers are whole numbers counting from 1 (such as 1 or 12), not {value!r}")


def missing(what: str, number: int, count: int, owner: str) -> str | None:
    """Why there is no ``what`` ``number`` among the ``count`` that ``owner`` has (numbered 1 to count),
    or None if there is one."""
    if 1 <= number <= count:
        return None
    plural = f"{what}s"
    if count == 1:
        has = f"1 {what} ({what} 1)"
    else:
        has = f"{count} {plural} (1-{count})" if count else f"no {plural}"
    below = f"{plural} count from 1; " if number < 1 else ""
    return f"there is no {what} {number}: {below}{owner} {has}"


def position(what: str, number: object, count: int, owner: str) -> int:
    """The list position (from 0) of ``what`` number ``number`` (from 1) among ``count``.

    ``owner`` names who has them, for the message ("this transcript has", "turn 2 has"). A number that
    is not whole raises ValueError; 0, a negative number or one past the end raises LookupError, e.g.
    "there is no turn 0: turns count from 1; this transcript has 20 turns (1-20)".
    """
    whole = whole_number(number, what)
    problem = missing(what, whole, count, owner)
    if problem is not None:
        raise LookupError(problem)
    return whole - 1
