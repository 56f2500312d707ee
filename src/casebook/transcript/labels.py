"""Speaker labels: find every "NAME:" that opens a turn, and say whose role it is.

A label is one to six words and an optional bracketed note ("(via interpreter)") before a colon, and it
must start a line, or (on pages whose text was flattened into one line) follow the end of a sentence
(``.``, ``?``, ``!``, ``…``, a closing quote or bracket, then a space) or a time stamp ("2:36 p.m. EST MR
PRICE:"; the time zone is the time stamp's, not the label's). What counts as a label:

- ALL-CAPS labels, anywhere: ``MODERATOR:``, ``AMBASSADOR CARPENTER:``, ``MR PRICE:``, ``MS. NULAND:``;
- mixed-case labels that are a role word (``Moderator:``, ``Question:``) or open with a title from
  ``labels.json`` (``Ambassador Carpenter:``, ``U/S Thompson:``), anywhere;
- other capitalised names (``Jane Doe:``) only at the start of a line, and only if the same label opens
  a line at least twice (one stray "Belarus Today:" heading is not a speaker).

Inside a label a full stop is allowed only after an abbreviation or initial ("MS.", "U.S."), so
"THANK YOU. MODERATOR:" is the label "MODERATOR". Words in ``not_labels`` ("NOTE:", "HTTPS:") never are.
The role comes from ``labels.json``: moderator, operator, questioner or other by role word; any other
label (a named or titled person) is a briefer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from casebook.transcript.lexicon import Lexicon, fold, shipped
from casebook.transcript.segment import ABBREVIATIONS

MAX_WORDS = 6
_WINDOW = 120
_COLON = re.compile(r":")
_TOKEN = re.compile(r"[^\s\xa0]+")
_CACHE_SIZE = 4096
_Value = TypeVar("_Value")
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’./&-]*")
_NUMBER_WORD = re.compile(r"\d{1,2}")
_TRAILING_NOTE = re.compile(r"\s*\([^()\r\n]{1,40}\)$")
_SENTENCE_CLOSERS = frozenset('.?!…”")]')
# A time stamp such as "2:36 p.m. EST" (or "(1:05 p.m. EDT)") at the end of the text before a label, on
# pages whose line breaks were lost: the label may follow it directly.
_TIME_BEFORE = re.compile(
    r"(?:^|[\s(])\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:,?\s*(?:[A-Z]{1,3}T|UTC))?\)?[ \t\xa0]+$", re.I
)
_TIME_ZONE = re.compile(r"(?:[A-Z]{1,3}T|UTC)")
_HORIZONTAL_SPACE = frozenset(" \t\xa0\u2002\u2003\u2009\u202f")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label: ``start`` is its first character, ``end`` is just after its colon."""

    start: int
    end: int
    speaker: str
    role: str
    line_start: bool
    kind: str = "sure"


def normalize_label(text: str) -> str:
    """A label as the kit stores it: upper case, whitespace collapsed, no colon."""
    return " ".join(text.replace(":", " ").split()).upper()


def _role_key(speaker: str) -> str:
    key = _TRAILING_NOTE.sub("", speaker)
    key = re.sub(r"^THE\s+", "", key)
    key = re.sub(r"\s+(\d+|ONE|TWO|THREE|FOUR|FIVE)$", "", key)
    return fold(key)


def _boundary(text: str, pos: int) -> str | None:
    """Where ``pos`` stands: "line" (starts a line), "sentence" (after a sentence end and a space),
    "time" (after a time stamp and a space, such as "2:36 p.m. EST ") or None."""
    i = pos
    floor = max(0, pos - _WINDOW)  # a label never follows more than a window of spaces
    while i > floor and text[i - 1] in _HORIZONTAL_SPACE:
        i -= 1
    if i > 0 and text[i - 1] in _HORIZONTAL_SPACE:
        return None
    if i == 0 or text[i - 1] in "\r\n":
        return "line"
    if i < pos and _TIME_BEFORE.search(text, max(0, i - 24), pos):
        return "time"
    if i < pos and text[i - 1] in _SENTENCE_CLOSERS:
        return "sentence"
    return None


def _abbreviated(word: str) -> bool:
    core = word.rstrip(".")
    if len(core) == 1 and core.isalpha():
        return True
    if "." in core and all(part.isalpha() for part in core.split(".") if part):
        return True
    return core.lower() in ABBREVIATIONS


@lru_cache(maxsize=1)
def _shipped_rules() -> _Rules:
    return _Rules(shipped("labels.json"))


class _Rules:
    """The word lists a label is checked against, folded once; each answer is remembered (a briefing says
    "QUESTION:" hundreds of times), up to a bounded number of distinct labels."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._kinds: dict[str, str | None] = {}
        self._roles: dict[str, str] = {}
        self._speakers: dict[str, str] = {}
        self.role_words = {
            fold(p) for role in ("moderator", "operator", "questioner", "other") for p in lexicon[role]
        }
        self.titles = {fold(p) for p in lexicon["titles"]}
        self.not_labels = {fold(p) for p in lexicon["not_labels"]}
        self.roles = {
            role: {fold(p) for p in lexicon[role]}
            for role in ("moderator", "operator", "questioner", "other")
        }

    def speaker(self, candidate: str) -> str:
        """``normalize_label(candidate)``, one string object per distinct label."""
        found = self._speakers.get(candidate)
        if found is None:
            found = _remember(self._speakers, candidate, normalize_label(candidate))
        return found

    def role(self, speaker: str) -> str:
        """The role of a speaker label: moderator, operator, questioner, other, or else briefer."""
        found = self._roles.get(speaker)
        if found is None:
            found = _remember(self._roles, speaker, self._role(speaker))
        return found

    def kind(self, candidate: str) -> str | None:
        """How ``candidate`` may be a label: "sure" (anywhere), "name" (a plain name) or None (never)."""
        if candidate in self._kinds:
            return self._kinds[candidate]
        return _remember(self._kinds, candidate, self._kind(candidate))

    def _role(self, speaker: str) -> str:
        key = _role_key(speaker)
        for role, keys in self.roles.items():
            if key in keys:
                return role
        return "briefer"

    def _kind(self, candidate: str) -> str | None:
        core = _TRAILING_NOTE.sub("", candidate)
        words = core.split()
        if not 1 <= len(words) <= MAX_WORDS:
            return None
        for i, word in enumerate(words):
            last = i == len(words) - 1
            if not (_LABEL_WORD.fullmatch(word) or (last and i > 0 and _NUMBER_WORD.fullmatch(word))):
                return None
            if word.endswith(".") and not _abbreviated(word):
                return None
        key = fold(core)
        if key in self.not_labels:
            return None
        letters = [ch for ch in core if ch.isalpha()]
        if key in self.role_words and words[0][0].isupper():
            return "sure"
        if len(letters) >= 2 and all(ch.isupper() for ch in letters):
            return "sure"
        if not all(w[0].isupper() or w[0].isdigit() or fold(w) in self.titles for w in words):
            return None
        if fold(words[0]) in self.titles and len(words) > 1:
            return "sure"
        return "name" if len(words) <= 4 else None


def _remember(cache: dict[str, _Value], key: str, value: _Value) -> _Value:
    """Store ``value`` under ``key`` (emptying a full cache first, so memory stays bounded)."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value
    return value


def _candidates(text: str, colon: int, tokens: list[int], rules: _Rules) -> tuple[int, str, str, bool] | None:
    """The longest valid label ending at the colon at ``colon``: (start, label text, kind, line start).

    ``tokens`` are the starts of the last words before the colon on its line, in order.
    """
    best = None
    for count in range(1, len(tokens) + 1):
        start = tokens[-count]
        where = _boundary(text, start)
        if where is None:
            continue
        candidate = text[start:colon]
        if where == "time" and _TIME_ZONE.fullmatch(candidate.split()[0]):
            continue  # "2:36 p.m. EST MR PRICE:": "EST" belongs to the time stamp
        kind = rules.kind(candidate)
        if kind == "sure" or (kind == "name" and where == "line"):
            best = (start, candidate, kind, where == "line")
    return best


def find_labels(text: str, lexicon: Lexicon | None = None) -> list[Label]:
    """Every speaker label in ``text``, in order and without overlaps (see the module docstring)."""
    rules = _Rules(lexicon) if lexicon is not None else _shipped_rules()
    # Each candidate becomes its Label at once (no intermediate tuple per label): on a page of a million
    # one-letter labels the list of labels is what memory holds, once.
    found: list[Label] = []
    previous = -1
    for match in _COLON.finditer(text):
        colon = match.start()
        # A label holds no colon, so the words to look at start after the previous colon (and after the
        # line break, within a window): each stretch of text is looked at once, however many colons.
        lo = max(0, colon - _WINDOW, previous + 1)
        previous = colon
        following = text[colon + 1 : colon + 2]
        if following == "/" or following.isdigit():
            continue  # "https://", "10:30"
        newline = max(text.rfind("\n", lo, colon), text.rfind("\r", lo, colon))
        window_start = newline + 1 if newline >= 0 else lo
        tokens = [m.start() for m in _TOKEN.finditer(text, window_start, colon)][-(MAX_WORDS + 3) :]
        best = _candidates(text, colon, tokens, rules)
        if best is None:
            continue
        start, candidate, kind, line_start = best
        speaker = rules.speaker(candidate)
        found.append(Label(start, colon + 1, speaker, rules.role(speaker), line_start, kind))
    names = Counter(label.speaker for label in found if label.kind == "name")
    labels: list[Label] = []
    for label in found:
        if label.kind == "name" and names[label.speaker] < 2:
            continue
        if labels and label.start < labels[-1].end:
            continue
        labels.append(label)
    return labels
