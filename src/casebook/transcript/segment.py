"""Sentences and words: deterministic rules, so that (turn, sentence) numbers stay stable.

Quiz evidence points at a sentence by its turn and sentence number, so splitting must never depend on
anything but the turn's own text. The rules, in order:

1. A line break ends a sentence, unless the next line starts with a lower-case letter (a wrapped line).
2. Otherwise a sentence ends after ``.``, ``?``, ``!`` or ``…`` (with any closing quotes or brackets right
   after them) when whitespace follows and the next text starts with a capital letter, a digit, an opening
   quote or an opening bracket, or the text ends.
3. A full stop does not end a sentence after a known abbreviation (``Mr.``, ``Dr.``, ``St.``, ``No.``...),
   after a single initial (``Michael R. Carpenter``), or after a dotted abbreviation (``U.S.``, ``a.m.``).
   So "the U.S. They" stays one sentence: rare in briefings, and safer than splitting "U.S. Ambassador".

Sentence text is whitespace-normalised (every run of spaces, no-break spaces and line breaks becomes one
space); offsets point into the turn text, so ``normalize(text[start:end])`` is the sentence.
"""

from __future__ import annotations

import re

from casebook.text import word_count as word_count
from casebook.text import words as words

# Lower case, without the full stop: "mr" stands for "Mr." and "MR.".
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "sr", "jr", "gen", "lt", "col", "capt", "sgt", "adm", "gov",
        "sen", "rep", "amb", "hon", "rev", "fr", "pres", "sec", "dept", "no", "nos", "vol", "vols", "vs",
        "approx", "inc", "ltd", "co", "corp", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "art", "arts", "para", "paras", "fig", "figs", "p", "pp", "ca",
        "cf", "al", "op", "ed", "eds", "est", "cmdr", "maj", "messrs", "mmes",
    }
)  # fmt: skip

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Only from the first mark of a run ("?!", "..."), so a long run of dots is read once, not once per dot.
_SENTENCE_END = re.compile(r"(?<![.?!…])[.?!…]+[\"”’)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")
_NON_SPACE = re.compile(r"\S")
_OPENERS = "“\"‘'([¿¡"


def normalize(text: str) -> str:
    """``text`` with every run of whitespace (no-break spaces and line breaks too) made one space."""
    return _SPACE.sub(" ", text).strip()


def _next_char(text: str, pos: int, end: int) -> str:
    """The first non-space character of ``text[pos:end]``, or "" (without copying the text)."""
    match = _NON_SPACE.search(text, pos, end)
    return match.group() if match else ""


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation rather than a sentence."""
    start = dot
    while start > 0 and dot - start < 40 and not text[start - 1].isspace():
        start -= 1
    token = text[start:dot].lstrip("“\"‘'([")
    if not token:
        return False
    if len(token) == 1 and token.isalpha():
        return True  # an initial: "Michael R. Carpenter"
    if "." in token and all(part.isalpha() for part in token.split(".") if part):
        return True  # "U.S", "a.m", "e.g"
    return token.lower() in ABBREVIATIONS


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENERS


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` between line breaks that end a sentence (rule 1)."""
    spans = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        if _next_char(text, match.end(), len(text)).islower():
            continue  # a wrapped line: the sentence goes on
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each sentence of ``text``, in order, following the module's rules."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraph_spans(text):
        start = para_start
        for match in _SENTENCE_END.finditer(text, para_start, para_end):
            marks = match.group()
            if (
                marks.startswith(".")
                and marks.rstrip('"”’)]') == "."
                and _is_abbreviation(text, match.start())
            ):
                continue
            following = _next_char(text, match.end(), para_end)
            if following and not _starts_sentence(following):
                continue
            span = _trim(text, start, match.end())
            if span:
                spans.append(span)
            start = match.end()
        span = _trim(text, start, para_end)
        if span:
            spans.append(span)
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, whitespace-normalised, in order."""
    return [normalize(text[start:end]) for start, end in sentence_spans(text)]
