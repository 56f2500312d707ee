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
from array import array
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice, repeat
from typing import TypeVar

from casebook.transcript.lexicon import Lexicon, fold, shipped
from casebook.transcript.segment import ABBREVIATIONS

MAX_WORDS = 6
_WINDOW = 120
_COLON = re.compile(r":")
_DENSE = 16  # more than one colon in this many characters: find them with _WORD_COLON
# A colon after a word on its line: a character that is not a space or a colon, then at most a window of
# spaces that are not line breaks (a label's words are on its colon's line, within the window). The
# first branch is the common case, a single word that starts a line ("A:", "MODERATOR:"), its colon not
# before "/" or a digit 0-9: the word is its first group, or its second if a character that is not
# ASCII follows the colon (Python checks that it is not a digit of another script).
_HSPACE = " \t\xa0\u2002\u2003\u2009\u202f"  # the spaces a label may follow on its line
_CLOSERS = '.?!…”")]'
# The second branch is a single word after a sentence's end, as on pages whose line breaks were lost
# ("x. AB: y. AB:"): the token before it (``prev``, whole: it follows a space, a colon or the start)
# ends with a sentence closer, then up to a window of spaces, then the word and its colon, before
# neither "/", a digit nor a non-ASCII character. Its first group is set when a colon (and at most one
# space) stands just before ``prev``: that colon starts the label's window. Python decides it with a few
# checks (:func:`_single_state`); the third branch, any other word before a colon, goes through
# :func:`_label_at`.
_WORD_COLON = re.compile(
    rf"(?<![^\r\n])(?:([^\s:]{{1,{_WINDOW}}})(?=:(?![^\x00-\x7f]))|([^\s:]{{1,{_WINDOW}}})):(?![/\d])"
    rf"|(?=[^\s:])(?<![^\s:])((?<=: )|(?<=:))?+([^\s:]{{0,{_WINDOW - 2}}}[{re.escape(_CLOSERS)}])"
    rf"[{_HSPACE}]{{1,{_WINDOW}}}([^\s:]{{1,{_WINDOW}}}):(?![/\d])(?![^\x00-\x7f])"
    rf"|[^\s:][^\S\r\n]{{0,{_WINDOW - 1}}}:"
)
_NAME_FLAGS = re.compile(b"[\x02\x03]")
_IS_NAME = bytes(1 if flags & 2 else 0 for flags in range(256))  # flags to 1 for a name, else 0
_TOKEN = re.compile(r"[^\s\xa0]+")
_CACHE_SIZE = 4096
_Value = TypeVar("_Value")
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’./&-]*")
_NUMBER_WORD = re.compile(r"\d{1,2}")
_TRAILING_NOTE = re.compile(r"\s*\([^()\r\n]{1,40}\)$")
_SENTENCE_CLOSERS = frozenset(_CLOSERS)
# A time stamp such as "2:36 p.m. EST" (or "(1:05 p.m. EDT)") at the end of the text before a label, on
# pages whose line breaks were lost: the label may follow it directly.
_TIME_BEFORE = re.compile(
    r"(?:^|[\s(])\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:,?\s*(?:[A-Z]{1,3}T|UTC))?\)?[ \t\xa0]+$", re.I
)
_TIME_ZONE = re.compile(r"(?:[A-Z]{1,3}T|UTC)")
_HORIZONTAL_SPACE = frozenset(_HSPACE)


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


_LINE_START = 1
_NAME = 2


def offset_array(text: str) -> array[int]:
    """An empty array of offsets into ``text``: 4 bytes each when the text allows, else 8."""
    return array("i" if len(text) < 2**31 else "q")


class LabelTable:
    """The labels of one text as columns, not objects: two offsets and one byte of flags per label.

    A page of a million one-letter labels ("A:" lines) then holds about 9 bytes per label, not a
    :class:`Label` of about 130. The speaker is not stored: it is the text before the colon, normalised
    when asked for (``_Rules.speaker`` hands out one string per distinct label), and its role follows
    from it. ``table[i]`` builds the :class:`Label`.
    """

    def __init__(self, text: str, rules: _Rules) -> None:
        self.text = text
        self.rules = rules
        self.starts = offset_array(text)
        self.ends = offset_array(text)  # just after the colon
        self.flags = bytearray()

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> Label:
        speaker = self.speaker(index)
        flags = self.flags[index]
        return Label(
            self.starts[index],
            self.ends[index],
            speaker,
            self.rules.role(speaker),
            bool(flags & _LINE_START),
            "name" if flags & _NAME else "sure",
        )

    def speaker(self, index: int) -> str:
        """The speaker of label ``index`` as the kit stores it (see :func:`normalize_label`)."""
        return self.rules.speaker(self.text[self.starts[index] : self.ends[index] - 1])

    def line_start(self, index: int) -> bool:
        """Whether label ``index`` starts a line."""
        return bool(self.flags[index] & _LINE_START)

    def is_name(self, index: int) -> bool:
        """Whether label ``index`` is a plain name ("Jane Doe:") rather than a sure label."""
        return bool(self.flags[index] & _NAME)

    def append(self, start: int, end: int, kind: str, line_start: bool) -> None:
        """Add a label: ``start`` its first character, ``end`` just after its colon."""
        self.starts.append(start)
        self.ends.append(end)
        self.flags.append((_LINE_START if line_start else 0) | (_NAME if kind == "name" else 0))

    def truncate(self, count: int) -> None:
        """Keep only the first ``count`` labels."""
        del self.starts[count:], self.ends[count:], self.flags[count:]


def scan_labels(text: str, lexicon: Lexicon | None = None, *, dense: bool | None = None) -> LabelTable:
    """Every speaker label in ``text``, in order and without overlaps, as a :class:`LabelTable`.

    ``dense`` picks how colons are found (None: by how many there are); the labels are the same.
    Where colons are many (a page of "A:" lines, or of " : : :"), a regex finds only the colons that can
    end a label, and the single words that start a line, so Python steps only on those; elsewhere (real
    briefings, a colon every few hundred characters) plain colons are faster to find, each looked at in
    Python.
    """
    rules = _Rules(lexicon) if lexicon is not None else _shipped_rules()
    table = LabelTable(text, rules)
    if dense is None:
        dense = text.count(":") * _DENSE > len(text)
    if dense:
        _scan_dense(text, rules, table)
    else:
        for match in _COLON.finditer(text):
            _label_at(text, match.start(), rules, table)
    if _NAME_FLAGS.search(table.flags):
        _drop_single_names(table)
    return table


def _scan_dense(text: str, rules: _Rules, table: LabelTable) -> None:
    """:func:`scan_labels` by ``_WORD_COLON``: a single word at a line start is settled here, by its
    text alone (the only candidate, and it starts a line), and so is a single word after a sentence's
    end (:func:`_single_state`); any other colon by :func:`_label_at`.

    The matches come a chunk at a time. A chunk of single words at line starts only (a page of "A:"
    lines) is added in C (``map``, ``compress``), with one Python step per distinct word, none per
    label; any other chunk goes match by match (:func:`_scan_matches`).
    """
    seen: dict[str, int] = {}
    singles: dict[str, int] = {}
    matches = _WORD_COLON.finditer(text)
    while chunk := list(islice(matches, _CHUNK)):
        words = list(map(re.Match.group, chunk, repeat(1)))
        if None in words:
            _scan_matches(text, chunk, rules, table, seen, singles)
            continue
        flags_of = {word: _line_word_flags(word, rules, seen) for word in set(words)}
        if len(flags_of) == 1:  # one word throughout ("A:" lines): all labels, or none
            flags = next(iter(flags_of.values()))
            if flags:
                table.starts.extend(map(re.Match.start, chunk))
                table.ends.extend(map(re.Match.end, chunk))
                table.flags.extend(bytes((flags,)) * len(chunk))
            continue
        kept = bytes(map(flags_of.__getitem__, words))
        table.starts.extend(compress(map(re.Match.start, chunk), kept))
        table.ends.extend(compress(map(re.Match.end, chunk), kept))
        table.flags.extend(compress(kept, kept))


_CHUNK = 4096  # matches of _WORD_COLON looked at together


def _line_word_flags(word: str, rules: _Rules, seen: dict[str, int]) -> int:
    """The flags of a single word at a line start before a colon: 0 if it is no label (``seen`` keeps
    the answers, bounded)."""
    flags = seen.get(word)
    if flags is None:
        kind = rules.kind(word)
        flags = 0 if kind is None else _LINE_START | _NAME if kind == "name" else _LINE_START
        _remember(seen, word, flags)
    return flags


def _scan_matches(
    text: str,
    chunk: list[re.Match[str]],
    rules: _Rules,
    table: LabelTable,
    seen: dict[str, int],
    singles: dict[str, int],
) -> None:
    """:func:`_scan_dense` on ``chunk``, match by match."""
    kind_of = rules.kind
    add_start, add_end, add_flags = table.starts.append, table.ends.append, table.flags.append
    for match in chunk:
        word, word_before_other, lead, prev, single = match.groups()
        if word_before_other is not None:
            if text[match.end()].isdigit():
                continue  # a colon before a digit ("10:30"), in a script other than 0-9
            word = word_before_other
        if word is None:
            colon = match.end() - 1
            if single is not None:
                state = singles.get(single)
                if state is None:
                    state = _remember(singles, single, _single_state(single, kind_of))
                # No longer label can be valid if prev opens the window after a colon (then no boundary
                # stands before it) or cannot be a label's word (a closer no label word has, or a full
                # stop after no abbreviation); else _label_at decides.
                if state != _GENERAL and (
                    lead is not None or prev[-1] != "." or not _abbreviated_cached(prev)
                ):
                    if state == _SURE:
                        add_start(colon - len(single))
                        add_end(colon + 1)
                        add_flags(0)
                    continue
            _label_at(text, colon, rules, table)
            continue
        flags = _line_word_flags(word, rules, seen)
        if flags:
            start = match.start()
            add_start(start)
            add_end(start + len(word) + 1)
            add_flags(flags)


_GENERAL, _NONE, _SURE = 0, 1, 2


def _single_state(word: str, kind_of: Callable[[str], str | None]) -> int:
    """What a single word after a sentence's end (``prev`` ending with a closer, then spaces) is, when no
    longer label ending at its colon can be valid: a label anywhere (``_SURE``) if its kind is "sure"
    (what :func:`_candidates` finds for it), else none (``_NONE``). ``_GENERAL``, for :func:`_label_at`:
    a word that may be a time stamp's zone ("2:36 p.m. EST PRICE:"), and one ending with a bracket (a
    trailing note may take in the words before it). (A ``prev`` cut by the window changes nothing: a
    token cut so has no boundary before it.)"""
    if word[-1] == ")" or _TIME_ZONE.fullmatch(word):
        return _GENERAL
    return _SURE if kind_of(word) == "sure" else _NONE


@lru_cache(maxsize=_CACHE_SIZE)
def _abbreviated_cached(word: str) -> bool:
    return _abbreviated(word)


def _label_at(text: str, colon: int, rules: _Rules, table: LabelTable) -> None:
    """Add the label that ends at the colon at ``colon``, if there is one."""
    following = text[colon + 1 : colon + 2]
    if following == "/" or following.isdigit():
        return  # "https://", "10:30"
    # A label holds no colon, so the words to look at start after the previous colon (and after the
    # line break, within a window): each stretch of text is looked at once, however many colons.
    lo = colon - _WINDOW if colon > _WINDOW else 0
    lo = max(lo, text.rfind(":", lo, colon) + 1)
    newline = max(text.rfind("\n", lo, colon), text.rfind("\r", lo, colon))
    window_start = newline + 1 if newline >= 0 else lo
    tokens = [m.start() for m in _TOKEN.finditer(text, window_start, colon)][-(MAX_WORDS + 3) :]
    best = _candidates(text, colon, tokens, rules)
    if best is not None:
        table.append(best[0], colon + 1, best[2], best[3])


def _drop_single_names(table: LabelTable) -> None:
    """Drop the plain names that open only one line, in place (no second table at the peak).

    Labels never overlap: a label starts after the colon before it, so it starts after the end of any
    label before it; only the names said once go.
    """
    text, speaker = table.text, table.rules.speaker
    # The text before each name's colon, counted in C (map, compress and Counter, no Python step each).
    is_name = table.flags.translate(_IS_NAME)
    ends = map((-1).__add__, compress(table.ends, is_name))
    raw = Counter(map(text.__getitem__, map(slice, compress(table.starts, is_name), ends)))
    names: Counter[str] = Counter()
    for candidate, times in raw.items():
        names[speaker(candidate)] += times
    if all(times >= 2 for times in names.values()):
        return
    kept = 0
    for i in range(len(table)):
        if table.is_name(i) and names[table.speaker(i)] < 2:
            continue
        if kept != i:
            table.starts[kept], table.ends[kept], table.flags[kept] = (
                table.starts[i], table.ends[i], table.flags[i],
            )  # fmt: skip
        kept += 1
    table.truncate(kept)


def find_labels(text: str, lexicon: Lexicon | None = None) -> list[Label]:
    """Every speaker label in ``text``, in order and without overlaps (see the module docstring)."""
    table = scan_labels(text, lexicon)
    return [table[i] for i in range(len(table))]
