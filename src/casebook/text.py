"""Small text helpers every part of the kit shares: folding, words, what a value is, short forms, plurals.

- ``fold``: the one text folding for comparing what people type (quiz answers, glossary search):
  accents, case, punctuation and symbols gone, spaces collapsed.
- ``words`` / ``word_count``: the one word count (the transcript toolkit's, reflections' minimum
  words, lesson 06's questions): "1,486", "U.S" and "don't" are one word each, a lone dash is none.

Pure functions on strings, with no imports beyond the standard library, so any module (the data
loaders in a learner's kernel included) can use them for free.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

WORD = re.compile(r"[^\W_]+(?:[’'.,\-][^\W_]+)*")
_SPACES = re.compile(r"\s+")


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, keeping "1,486", "U.S" and "don't" whole."""
    return WORD.findall(text)


def word_count(text: str) -> int:
    """How many words :func:`words` finds in ``text``."""
    return sum(1 for _ in WORD.finditer(text))


def fold(text: str) -> str:
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


# The words for a value's kind, as an author of a YAML file reads them, or as JSON names things.
_KIND_WORDS: dict[str, dict[str, str]] = {
    "yaml": {"none": "empty", "int": "a whole number", "float": "a number", "dict": "a mapping"},
    "json": {"none": "null", "int": "a number", "float": "a number", "dict": "an object"},
}


def kind(value: Any, words: Literal["yaml", "json"] = "yaml") -> str:
    """What a value is, in words: "text", "a list", "true/false", "a whole number" (``json``: "a number")."""
    names = _KIND_WORDS[words]
    if value is None:
        return names["none"]
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return names["int"]
    if isinstance(value, float):
        return names["float"]
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return names["dict"]
    return type(value).__name__


def shorten(text: str, limit: int = 40, ellipsis: str = "…") -> str:
    """``text`` cut to at most ``limit`` characters, ending with ``ellipsis`` when it was cut."""
    return text if len(text) <= limit else text[: limit - len(ellipsis)] + ellipsis


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """ "1 problem", "3 problems", "1,486 words": the count with the noun in the right number."""
    return f"{count:,} {noun if count == 1 else (plural_form or noun + 's')}"
