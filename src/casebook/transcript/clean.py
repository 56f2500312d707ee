"""Website boilerplate: where the briefing ends, and what the text around the turns is.

Everything before the first speaker label is the preamble: the ".gov" banner, "For Immediate Release"
headers, summary bullets and other header lines (title, date, byline), sorted by ``boilerplate.json``.
The briefing ends at the first end mark ("# # #") after the first label; everything after it is footer:
known footer and navigation lines, and other lines (usually links to related pages). Without an end mark,
trailing lines made only of footer phrases are footer, and so is a "Continue reading ..." link on the last
line of the text (``cut_marks``). Nothing is thrown away: all of it is metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from casebook.transcript.lexicon import Lexicon, fold, phrase_pattern, shipped
from casebook.transcript.model import Metadata

_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"\s*[•▪◦●]\s*")
_LIST_ITEM = re.compile(r"^\s*(?:[•▪◦●]|[*\-–](?=\s))\s*")
# Characters around a footer phrase that do not change what the line is ("Read More»", "Show More ∨").
_DECORATION = " \t\xa0.:|»«›‹∨∧>…"


_TIME_LINE = re.compile(
    r"\(?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?,?\s*(?:[A-Z]{1,3}T|UTC)?\)?", re.IGNORECASE
)
_MENU_SEPARATORS = re.compile(r"\s*[|/•·]\s*")
_FIRST_WORD = re.compile(r"\S")
_PAGE_LINE_MAX = 200  # a longer line is never a page line


@dataclass(frozen=True)
class _Patterns:
    end_mark: re.Pattern[str]
    cut_mark: re.Pattern[str] | None
    banner: re.Pattern[str]
    footer_in_line: re.Pattern[str]
    whole_line: dict[str, frozenset[str]]
    languages: frozenset[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words: Lexicon = shipped("boilerplate.json")
    marks = []
    for phrase in words["end_marks"]:
        chars = [re.escape(ch) for ch in phrase if not ch.isspace()]
        marks.append(r"\s*".join(chars))
    multiword_footer = [p for p in words["footer"] + words["banner"] if len(p.split()) > 1]
    cuts = words.get("cut_marks", ())
    return _Patterns(
        end_mark=re.compile(r"(?<!\S)(?:" + "|".join(marks) + r")(?!\S)"),
        cut_mark=re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, cuts)) + r")\b") if cuts else None,
        banner=phrase_pattern(words["banner"]),
        footer_in_line=phrase_pattern(multiword_footer),
        whole_line={
            group: frozenset(fold(p) for p in words[group]) for group in ("banner", "release", "footer")
        },
        languages=frozenset(fold(p) for p in words.get("languages", ())),
    )


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _strip(pattern: re.Pattern[str], line: str) -> tuple[list[str], str]:
    """The phrases of ``pattern`` found in ``line`` (as printed), and what is left of the line."""
    found = [m.group() for m in pattern.finditer(line)]
    return found, " ".join(pattern.sub(" ", line).split())


def find_end(text: str, after: int) -> tuple[int, int] | None:
    """The (start, end) of the first end mark ("# # #") at or after offset ``after``, if any."""
    match = _patterns().end_mark.search(text, after)
    return (match.start(), match.end()) if match else None


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text, start, end) if not m.group().isspace()]


def trailing_footer_start(text: str, start: int, end: int) -> int:
    """Where trailing footer lines (whole lines of footer or banner phrases) begin in ``text[start:end]``.

    Only whole lines count: the words on a speaker label's own line ("MODERATOR: X") are the turn's.
    """
    whole = _patterns().whole_line
    known = whole["footer"] | whole["banner"]
    cut = end
    lines = _lines(text, start, end)
    while lines:
        line_start, line_end = lines[-1]
        if line_start > 0 and text[line_start - 1] not in "\r\n":
            break
        if fold(text[line_start:line_end].strip(_DECORATION)) not in known:
            break
        cut = line_start
        lines.pop()
    return _cut_mark_start(text, lines[-1], cut) if lines else cut


def _cut_mark_start(text: str, line: tuple[int, int], cut: int) -> int:
    """Where a "Continue reading ..." link on the last line of the turns starts (or ``cut``, if none)."""
    pattern = _patterns().cut_mark
    if pattern is None:
        return cut
    match = pattern.search(text, line[0], line[1])
    return match.start() if match and match.start() > line[0] else cut


def is_page_line(line: str) -> bool:
    """Whether a whole line is page text, never speech: a time stamp ("1:12 p.m. EST"), a language menu
    ("English | Español"), or a banner, release or footer phrase ("Click here to listen", "View Video")."""
    patterns = _patterns()
    core = line.strip(_DECORATION)
    if not core:
        return False
    if _TIME_LINE.fullmatch(core):
        return True
    key = fold(core)
    whole = patterns.whole_line
    if key in whole["banner"] or key in whole["release"] or key in whole["footer"]:
        return True
    parts = [fold(part) for part in _MENU_SEPARATORS.split(core) if part.strip()]
    if len(parts) == 1:
        parts = key.split()
    return len(parts) >= 2 and all(part in patterns.languages for part in parts)


def page_lines_before(text: str, start: int, end: int) -> int:
    """Where whole page lines (see :func:`is_page_line`) at the end of ``text[start:end]`` begin.

    The first line of the region (a label's own line, or the turn's first words) is never a page line,
    so a turn keeps its words: "QUESTION: X" stays a turn even though "X" is a footer word. Only the
    lines at the end are looked at, from the last one back, so the cost does not grow with the turn.
    """
    first = _FIRST_WORD.search(text, start, end)
    if first is None:
        return end
    first_line_end = _line_break(text, first.start(), end)
    if first_line_end < 0:
        return end
    cut = pos = end
    while pos > first_line_end:
        line_start = max(text.rfind("\n", first_line_end, pos), text.rfind("\r", first_line_end, pos)) + 1
        line = text[line_start:pos] if pos - line_start <= _PAGE_LINE_MAX else "long line"
        if line.strip():
            if not is_page_line(line):
                break
            cut = line_start
        pos = line_start - 1
    return cut


def _line_break(text: str, start: int, end: int) -> int:
    """The first line break in ``text[start:end]``, or -1."""
    found = [i for i in (text.find("\n", start, end), text.find("\r", start, end)) if i >= 0]
    return min(found) if found else -1


def _sort_preamble_line(line: str, parts: dict[str, list[str]]) -> None:
    whole = _patterns().whole_line
    key = fold(line.strip(" \t\xa0.:|"))
    for group in ("banner", "release"):
        if key in whole[group]:
            parts[group].append(line)
            return
    if _LIST_ITEM.match(line):
        parts["summary"] += [item for item in _BULLET.split(_LIST_ITEM.sub("", line)) if _has_words(item)]
        return
    head, *bullets = _BULLET.split(line)
    parts["summary"] += [item for item in bullets if _has_words(item)]
    found, rest = _strip(_patterns().banner, head)
    parts["banner"] += found
    if _has_words(rest):
        parts["header"].append(rest)


def describe(text: str, body_start: int, body_end: int, end_mark: tuple[int, int] | None) -> Metadata:
    """The metadata around the turns: ``text[:body_start]`` is the preamble, the rest after the end."""
    parts: dict[str, list[str]] = {"banner": [], "release": [], "summary": [], "header": []}
    for line_start, line_end in _lines(text, 0, body_start):
        _sort_preamble_line(" ".join(text[line_start:line_end].split()), parts)
    footer: list[str] = []
    related: list[str] = []
    whole = _patterns().whole_line
    known = whole["footer"] | whole["banner"]
    tail_start = end_mark[1] if end_mark else body_end
    for line_start, line_end in _lines(text, tail_start, len(text)):
        line = " ".join(text[line_start:line_end].split())
        if fold(line.strip(_DECORATION)) in known:
            footer.append(line)
            continue
        found, rest = _strip(_patterns().footer_in_line, line)
        footer += found
        if _has_words(rest):
            related.append(rest)
    return Metadata(
        banner=tuple(parts["banner"]),
        release=tuple(parts["release"]),
        summary=tuple(parts["summary"]),
        header=tuple(parts["header"]),
        end_mark=" ".join(text[end_mark[0] : end_mark[1]].split()) if end_mark else None,
        footer=tuple(footer),
        related=tuple(related),
    )
