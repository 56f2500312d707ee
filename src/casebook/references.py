"""Each lesson's "## Sources" list, generated from the ``sources`` dataset.

A lesson cites sources in its markdown with bracketed ids: ``[S2, S7]`` or ``[uk-belarus-2023]``.
``cited_ids`` finds them (a link's text, as in ``[text](url)``, is not a citation), ``reference_list``
writes one line per cited source from its row in ``data/sources.csv``, and ``replace_list`` puts that
list under the cell's ``## Sources`` heading, keeping any text before the heading and any paragraph after
the list. Everything here is pure except ``update_lessons``, which reads and writes the notebooks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casebook.data.records import Source
from casebook.files import UnreadableFile, read_text_bounded, write_atomic
from casebook.problems import Problem

HEADING = "## Sources"
NOTEBOOK_LIMIT = 16 * 1024 * 1024

# A bracket not followed by "(" (that would be a link) and holding one or more comma- or
# semicolon-separated tokens. A token looks like an id if it is an S-number or kebab-case with a hyphen;
# other tokens ("[sic]", "[OSCE]", "[1]") are ordinary text unless the dataset knows them as ids.
_BRACKET = re.compile(r"\[([^\[\]]{1,300})\](?!\()")
_ID_SHAPE = re.compile(r"^(S\d+|[a-z0-9]+(-[a-z0-9]+)+)$")
_HEADING_LINE = re.compile(r"^## Sources[ \t]*$", re.M)
_ITEM_ID = re.compile(r"^- \[([^\]]+)\] ")


class SourcesCellError(Exception):
    """A Sources cell the command cannot rewrite without losing text; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Citations:
    """The source ids a text cites: ``known`` (in the dataset) and ``unknown`` (not in it), in order."""

    known: tuple[str, ...]
    unknown: tuple[str, ...]


def cited_ids(markdown: Iterable[str], known_ids: Iterable[str]) -> Citations:
    """The ids cited in bracketed citations across ``markdown`` texts, each once, first citation first.

    A bracket counts as a citation when every token in it is a known id or has an id's shape; its
    tokens missing from ``known_ids`` are listed in ``unknown``, so a mistyped id is reported, not lost.
    """
    known_set = set(known_ids)
    known: dict[str, None] = {}
    unknown: dict[str, None] = {}
    for text in markdown:
        for bracket in _BRACKET.finditer(text):
            tokens = [token.strip() for token in re.split(r"[,;]", bracket.group(1))]
            if not all(token in known_set or _ID_SHAPE.match(token) for token in tokens):
                continue
            for token in tokens:
                (known if token in known_set else unknown)[token] = None
    return Citations(tuple(known), tuple(unknown))


def sort_key(source_id: str) -> tuple[int, int, str]:
    """S-numbers first, in number order (S2 before S10), then named ids alphabetically."""
    match = re.fullmatch(r"S(\d+)", source_id)
    return (0, int(match.group(1)), "") if match else (1, 0, source_id)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def reference_item(source: Source) -> str:
    """One list item: ``- [ID] Publisher (publisher type): Title. <url>``, or the note if there is no url."""
    item = f"- [{source.id}] {source.publisher} ({source.publisher_type}): {_sentence(source.title)}"
    if source.url:
        return f"{item} <{source.url}>"
    return f"{item} No link: {_sentence(source.note or 'the dataset gives no address')}"


def reference_list(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """The markdown list for ``ids``, each once, in ``sort_key`` order; ids not in ``sources`` are skipped."""
    chosen = sorted({source_id for source_id in ids if source_id in sources}, key=sort_key)
    return "\n".join(reference_item(sources[source_id]) for source_id in chosen)


def replace_list(cell: str, new_list: str, where: str = "cell") -> str:
    """``cell`` with the list under its ``## Sources`` heading replaced by ``new_list``.

    Text before the heading and everything after the list (from the first line that is neither a list
    item nor its indented continuation) is kept as it is. Raises SourcesCellError when the cell has no
    such heading, or when an item of the old list names no source id: rewriting would lose that text.
    """
    heading = _HEADING_LINE.search(cell)
    if heading is None:
        raise SourcesCellError(Problem(where, f"no '{HEADING}' heading"))
    before = cell[: heading.end()]
    lines = cell[heading.end() :].split("\n")[1:]
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and (lines[index].startswith("- ") or lines[index].startswith((" ", "\t"))):
        if lines[index].startswith("- ") and not _ITEM_ID.match(lines[index]):
            raise SourcesCellError(
                Problem(
                    where,
                    f"an item of the Sources list names no source id ({lines[index][:60]!r}): "
                    "make it a paragraph after the list, so it is kept",
                )
            )
        index += 1
    after = "\n".join(lines[index:]).strip("\n")
    return f"{before}\n\n{new_list}" + (f"\n\n{after}" if after else "")


@dataclass
class LessonReport:
    """What ``update_lessons`` found: lessons rewritten (or stale, with check), problems, unknown ids."""

    changed: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _cell_text(cell: Mapping[str, object]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def updated_notebook(text: str, sources: Mapping[str, Source], where: str) -> tuple[str, list[Problem]]:
    """The notebook JSON ``text`` with its Sources list regenerated, and the problems found.

    Only the one markdown cell holding the ``## Sources`` heading changes; the ids come from the other
    markdown cells. The text is returned unchanged when the notebook has no Sources cell, or more than
    one. Raises SourcesCellError when the notebook is not JSON or its list cannot be rewritten.
    """
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (ValueError, KeyError, TypeError):
        raise SourcesCellError(Problem(where, "not a notebook (JSON with a 'cells' list)")) from None
    markdown = [(i, _cell_text(cell)) for i, cell in enumerate(cells) if cell.get("cell_type") == "markdown"]
    holders = [i for i, cell_text in markdown if _HEADING_LINE.search(cell_text)]
    if len(holders) > 1:
        cells_named = ", ".join(str(i) for i in holders)
        return text, [Problem(where, f"'{HEADING}' appears in cells {cells_named}; keep it in one cell")]
    if not holders:
        return text, []
    citations = cited_ids((cell_text for i, cell_text in markdown if i != holders[0]), sources)
    problems = [
        Problem(where, f"cites [{source_id}], which is not an id in data/sources.csv")
        for source_id in citations.unknown
    ]
    cell = cells[holders[0]]
    old = _cell_text(cell)
    new = replace_list(old, reference_list(citations.known, sources), f"{where}, cell {holders[0]}")
    if new == old:
        return text, problems
    cell["source"] = new.splitlines(keepends=True)
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n", problems


def update_lessons(paths: Sequence[Path], sources: Sequence[Source], *, check: bool) -> LessonReport:
    """Regenerate the Sources list of each notebook in ``paths``; with ``check``, write nothing.

    ``changed`` lists the lessons whose list was (or, with ``check``, would be) rewritten.
    """
    by_id = {source.id: source for source in sources}
    report = LessonReport()
    for path in paths:
        try:
            text = read_text_bounded(path, NOTEBOOK_LIMIT)
            new, problems = updated_notebook(text, by_id, str(path))
        except (UnreadableFile, SourcesCellError) as error:
            report.problems.append(error.problem)
            continue
        report.problems += problems
        if new == text:
            report.unchanged.append(path)
            continue
        if not check:
            try:
                write_atomic(path, new)
            except UnreadableFile as unwritable:
                report.problems.append(unwritable.problem)
                continue
        report.changed.append(path)
    return report
