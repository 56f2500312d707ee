"""Turning what a learner typed into something comparable: folded text and parsed numbers.

Pure functions, shared by grading and by the quiz-file checks (so an accepted answer that folds to
nothing is caught when the file is validated, not when a learner types it).
"""

from __future__ import annotations

import math
import re
import unicodedata

from casebook.text import fold as fold_text
from casebook.text import shorten
from casebook.text import word_count as word_count

MAX_NUMBER_CHARS = 60
MAX_ANSWER_CHARS = 20_000  # the longest text kept from the browser (a reflection)
MAX_ANSWER_ITEMS = 1_000  # the longest list kept from the browser (options ticked, items ordered)
_SPACES = re.compile(r"\s+")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls, less tab and line feed
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def clean_text(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """Text from outside (what a browser sends) made safe to keep, show and save.

    Lone surrogates (which a browser can send, and which UTF-8 cannot hold) become U+FFFD; line
    breaks become "\\n"; other control characters are dropped; the text is put in NFC (so "é" typed
    as e + accent equals "é"); at most ``limit`` characters are kept.
    """
    text = text[: limit * 2]  # bound the work before anything else
    text = LONE_SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return text[:limit]


def clean_answer(value: object) -> object:
    """A learner's answer (a JSON value) with its text cleaned by ``clean_text``, lists bounded."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_text(v) if isinstance(v, str) else v for v in value[:MAX_ANSWER_ITEMS]]
    if isinstance(value, dict):  # a verdict: {"verdict": code, "reason": text}; other keys dropped
        return {
            key: clean_text(v) if isinstance(v, str) else v
            for key, v in value.items()
            if key in ("verdict", "reason")
        }
    return value


def comparison_key(text: str) -> str:
    """The folded text without any spaces: "co-operation", "co operation", "Cooperation" compare equal."""
    return fold_text(text).replace(" ", "")


class NotANumber(ValueError):
    """Raised by ``parse_number`` with a message for the learner."""


def parse_number(value: object, unit: str | None = None) -> float:
    """A finite number from a learner's input, or NotANumber saying what is wrong.

    Accepts ints and floats (not booleans) and text such as "1486", "1,486", "1 486", "3,5" (a decimal
    comma), "1.2e3", "-4", with the question's unit optionally typed after the number.
    """
    if isinstance(value, bool):
        raise NotANumber("That is not a number.")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        number = _parse_text(value, unit)
    else:
        raise NotANumber("That is not a number.")
    if not math.isfinite(number):
        raise NotANumber("Please type an ordinary number (not infinity or NaN).")
    return number


def _parse_text(text: str, unit: str | None) -> float:
    cleaned = text.strip()
    if not cleaned:
        raise NotANumber("Type a number first.")
    if len(cleaned) > MAX_NUMBER_CHARS:
        raise NotANumber("That is too long to be a number.")
    if unit and cleaned.casefold().endswith(unit.casefold()):
        cleaned = cleaned[: -len(unit)].strip()
    cleaned = cleaned.rstrip("%").strip() if unit in ("%", "percent") else cleaned
    cleaned = _SPACES.sub("", cleaned).replace("\u2212", "-").replace("_", "")
    if _GROUPED.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    if cleaned.casefold() in ("nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "-infinity"):
        raise NotANumber("Please type an ordinary number (not infinity or NaN).")
    try:
        return float(cleaned)
    except ValueError:
        raise NotANumber(f"“{_short(text)}” is not a number. Type digits, such as 42 or 3.5.") from None


def _short(text: str, limit: int = 40) -> str:
    return shorten(text.strip(), limit)
