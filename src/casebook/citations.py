"""Citations in lesson prose: the source ids authors write and the numbers students read.

An author cites sources by id, in brackets: ``[S2, S7]`` or ``[uk-belarus-2023]``. ``casebook
references`` turns each such bracket into the numbered form a student reads, ``[[1](url), 2]``: each
number is the source's place in the lesson's numbered Sources list, linked to the source's own address
when it has one (rendered as "[1, 2]"). The lesson keeps the numbers' ids in order in its Sources cell
metadata, so a number always maps back to an id and every citation is still checked against
``data/sources.csv``. Everything here is pure: texts and ids in, texts and ids out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from casebook.data.records import Source

# A bracket not followed by "(" (that would be a link) and holding one or more comma- or
# semicolon-separated tokens. A token looks like an id if it is an S-number or kebab-case with a hyphen;
# other tokens ("[sic]", "[OSCE]") are ordinary text unless the dataset knows them as ids.
_KEY_BRACKET = r"\[([^\[\]]{1,300})\](?!\()"
_ID_SHAPE = re.compile(r"^(S\d+|[a-z0-9]+(-[a-z0-9]+)+)$")
# A numbered citation: numbers, each bare or linked, "[[1](https://...), 2]".
_NUMBER = r"(?:\[\d{1,3}\]\([^()\s]+\)|\d{1,3})"
_NUMBERED = rf"\[({_NUMBER}(?:,\s*{_NUMBER})*)\](?!\()"
_CITATION = re.compile(rf"{_NUMBERED}|{_KEY_BRACKET}")
_NUMBER_ITEM = re.compile(r"\[(\d{1,3})\]\(([^()\s]+)\)|(\d{1,3})")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def _matches(text: str) -> list[re.Match[str]]:
    """The citation-shaped brackets of ``text``, leaving out code (```` ``` ```` blocks, `` `spans` ``)."""
    code = [match.span() for match in _CODE.finditer(text)]
    return [
        match
        for match in _CITATION.finditer(text)
        if not any(start <= match.start() < end for start, end in code)
    ]


@dataclass(frozen=True)
class Citations:
    """The source ids a text cites: ``known`` (in the dataset) and ``unknown`` (not in it), in order."""

    known: tuple[str, ...]
    unknown: tuple[str, ...]


def key_tokens(inner: str, known_ids: Iterable[str]) -> list[str] | None:
    """The ids in a bracket's text if it is an id citation (every token a known id or id-shaped)."""
    known_set = set(known_ids)
    tokens = [token.strip() for token in re.split(r"[,;]", inner)]
    if all(token in known_set or _ID_SHAPE.match(token) for token in tokens):
        return tokens
    return None


def raw_keys(text: str, known_ids: Iterable[str]) -> list[str]:
    """Every id citation (``[S2, S7]``) left in ``text``: what a student must never read."""
    known_set = set(known_ids)
    return [
        match.group(0)
        for match in _matches(text)
        if match.group(2) is not None and key_tokens(match.group(2), known_set) is not None
    ]


def cited_ids(markdown: Iterable[str], known_ids: Iterable[str], numbered: Sequence[str] = ()) -> Citations:
    """The ids cited across ``markdown`` texts, each once, first citation first.

    Id citations count when every token is a known id or has an id's shape; tokens missing from
    ``known_ids`` are listed in ``unknown``, so a mistyped id is reported, not lost. A numbered
    citation ``n`` stands for ``numbered[n - 1]``; a number past the end is listed in ``unknown``
    as ``"[n]"``.
    """
    known_set = set(known_ids)
    known: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for text in markdown:
        for match in _matches(text):
            for token, is_id in _resolve(match, known_set, numbered):
                (known if is_id else unknown)[token] = None
    return Citations(tuple(known), tuple(unknown))


def _resolve(match: re.Match[str], known: set[str], numbered: Sequence[str]) -> list[tuple[str, bool]]:
    """(token, is a known id) for each source a citation match names; [] if it is no citation."""
    if match.group(1) is not None:
        found = []
        for item in _NUMBER_ITEM.finditer(match.group(1)):
            number = int(item.group(1) or item.group(3))
            in_range = 1 <= number <= len(numbered) and numbered[number - 1] in known
            found.append((numbered[number - 1], True) if in_range else (f"[{number}]", False))
        return found
    tokens = key_tokens(match.group(2), known)
    return [] if tokens is None else [(token, token in known) for token in tokens]


def numbered_citation(ids: Sequence[str], order: Sequence[str], sources: Mapping[str, Source]) -> str:
    """The numbered form of a citation of ``ids``: ``[[1](url), 2]``, numbers being places in ``order``.

    Each number appears once, smallest first.
    """
    items = []
    for number in sorted({order.index(source_id) + 1 for source_id in ids}):
        source_id = order[number - 1]
        url = sources[source_id].url
        items.append(f"[{number}]({url})" if url else str(number))
    return "[" + ", ".join(items) + "]"


def renumbered(
    text: str, numbered: Sequence[str], order: Sequence[str], sources: Mapping[str, Source]
) -> str:
    """``text`` with each citation it makes written in numbered form against ``order``.

    A citation ``n`` in ``text`` stands for ``numbered[n - 1]``. A citation naming any id not in
    ``order`` (an unknown id, a number past the end) is left as written, for the problem report.
    """
    known = set(sources)

    def rewrite(match: re.Match[str]) -> str:
        found = _resolve(match, known, numbered)
        if not found or not all(is_id and token in order for token, is_id in found):
            return match.group(0)
        return numbered_citation([token for token, _ in found], order, sources)

    pieces, last = [], 0
    for match in _matches(text):
        pieces += [text[last : match.start()], rewrite(match)]
        last = match.end()
    return "".join(pieces) + text[last:]
