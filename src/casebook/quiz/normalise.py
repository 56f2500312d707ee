"""Turning what a learner typed into something comparable: folded text and parsed numbers.

Pure functions, shared by grading and by the quiz-file checks (so an accepted answer that folds to
nothing is caught when the file is validated, not when a learner types it).
"""

from __future__ import annotations

import math
import re
import unicodedata

MAX_NUMBER_CHARS = 60
_SPACES = re.compile(r"\s+")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def fold_text(text: str) -> str:
    """Fold case and accents, turn punctuation and symbols into spaces, and collapse spaces.

    "  Helsinki  Final-Act! " and "helsinki final act" fold alike; "Hervé" folds to "herve".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":  # combining accent marks
            continue
        kept.append(" " if category[0] in "PSCZ" else char)
    return _SPACES.sub(" ", "".join(kept).casefold()).strip()


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
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def word_count(text: str) -> int:
    """How many words a text has (runs of letters or digits)."""
    return len(re.findall(r"\w+", text))
