"""Short, safe descriptions of any value, for feedback sentences.

Whatever a learner passes (a huge number, a recursive list, an object whose ``repr`` raises), these
functions return a short string and never raise.
"""

from __future__ import annotations

import math
import numbers
import reprlib

_REPR = reprlib.Repr()
_REPR.maxstring = 60
_REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdict = 6
_REPR.maxlevel = 3

_STR_LIMIT = 10**4000  # Python refuses str() of ints above 4,300 digits

_TYPE_NAMES = {
    bool: "True or False (a bool)",
    int: "a whole number (int)",
    float: "a number (float)",
    str: "a text (str)",
    list: "a list",
    tuple: "a tuple",
    dict: "a dictionary (dict)",
    set: "a set",
    frozenset: "a frozenset",
    bytes: "bytes",
    type(None): "None",
    type(Ellipsis): "... (the placeholder)",
}


def type_name(value: object) -> str:
    """A plain-English name for the type of ``value`` ("a list", "a text (str)", ...)."""
    kind = type(value)
    if kind not in _TYPE_NAMES and callable(value) and not isinstance(value, type):
        return "a function (call it to get its result)"
    return kind_name(kind)


def kind_name(kind: type) -> str:
    """A plain-English name for a type: ``list`` → "a list", ``str`` → "a text (str)"."""
    if kind in _TYPE_NAMES:
        return _TYPE_NAMES[kind]
    if kind is numbers.Real or kind is numbers.Number:
        return "a number"
    name = getattr(kind, "__name__", "object")
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def kind_names(kinds: type | tuple[type, ...]) -> str:
    """Several types joined with "or": ``(int, float)`` → "a whole number (int) or a number (float)"."""
    return " or ".join(kind_name(kind) for kind in (kinds if isinstance(kinds, tuple) else (kinds,)))


def short(value: object, limit: int = 80) -> str:
    """A short representation of ``value``, cut to ``limit`` characters; never raises."""
    try:
        if isinstance(value, numbers.Real) and not isinstance(value, bool):
            text = number(value)
        else:
            text = _REPR.repr(value)
    except Exception:  # noqa: BLE001 - a learner's object may fail in any way
        text = f"<{type(value).__name__} object>"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def number(value: numbers.Real | float) -> str:
    """A number written for people: thousands separators, NaN and infinity in words, huge ints by size."""
    try:
        if isinstance(value, numbers.Integral):
            integer = int(value)
            digits = _digit_count(integer)
            if digits > 30:
                return f"a {'negative ' if integer < 0 else ''}whole number with {digits:,} digits"
            return f"{integer:,}"
        as_float = float(value)
        if math.isnan(as_float):
            return "NaN (not a number)"
        if math.isinf(as_float):
            return "minus infinity" if as_float < 0 else "infinity"
        if as_float == int(as_float) and abs(as_float) < 1e15:
            return f"{int(as_float):,}"
        if abs(as_float) >= 1e15 or abs(as_float) < 1e-4:
            return f"{as_float:,.6g}"
        text = f"{as_float:,.6f}".rstrip("0")
        # A fraction too small for six places (1496.0000001) must not read as "1,496." or "1,496".
        return f"{as_float:,.15g}" if text.endswith(".") else text
    except Exception:  # noqa: BLE001 - exotic number types
        return f"<{type(value).__name__} value>"


def count(n: int, plural: str) -> str:
    """``count(3, "words")`` → "3 words"; ``count(1, "countries")`` → "1 country"."""
    noun = plural
    if n == 1 and plural.endswith("ies"):
        noun = plural[:-3] + "y"
    elif n == 1 and plural.endswith("s") and not plural.endswith("ss"):
        noun = plural[:-1]
    return f"{n:,} {noun}"


def names(items: list[str], limit: int = 5) -> str:
    """ "A", "A and B", "A, B and C", or "A, B, C, D, E and 7 more"."""
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit:,} more"
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _digit_count(integer: int) -> int:
    magnitude = abs(integer)
    if magnitude < _STR_LIMIT:
        return len(str(magnitude))
    return int(magnitude.bit_length() * math.log10(2)) + 1  # str() refuses ints this large (about)
