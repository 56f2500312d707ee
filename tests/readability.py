"""Flesch-Kincaid grade of lesson prose, for the lesson tests (plain English near grade 9-10).

Markdown is reduced to sentences of prose: code, tables, links' targets, headings and list markers are
dropped. Syllables are counted with the usual vowel-group heuristic, good enough to compare texts.
"""

from __future__ import annotations

import re

_CODE_BLOCK = re.compile(r"```.*?```", re.S)
_INLINE_CODE = re.compile(r"`[^`]*`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def prose(markdown: str) -> str:
    """The running prose of a Markdown text, without code, tables, headings or markup.

    Paragraphs are joined into one line each; each list item counts as its own sentence.
    """
    text = _CODE_BLOCK.sub(" ", markdown)
    text = _INLINE_CODE.sub("code", text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\b(U\.S|U\.N|e\.g|i\.e|Dr|Mr|Ms|No)\.", lambda m: m.group(1).replace(".", ""), text)
    units: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            unit = " ".join(current).strip()
            if unit and unit[-1] not in ".!?":
                unit += "."
            units.append(unit)
            current.clear()

    for line in text.splitlines():
        stripped = line.strip().lstrip(">").strip()
        if not stripped or stripped.startswith(("#", "|")):
            flush()
            continue
        item = re.match(r"^([-*+]|\d+\.)\s+(.*)", stripped)
        if item:
            flush()
            stripped = item.group(2)
        current.append(stripped)
    flush()
    return " ".join(units).replace("*", "")


def syllables(word: str) -> int:
    """Estimated syllables in an English word."""
    word = word.lower().strip("'’-")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def fk_grade(text: str) -> float:
    """Flesch-Kincaid grade level of plain text."""
    sentences = [s for s in re.split(r"[.!?]+(?:\s|$)", text) if _WORD.search(s)]
    words = _WORD.findall(text)
    if not words or not sentences:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syl / len(words) - 15.59
