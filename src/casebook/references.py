"""Each lesson's numbered "## Sources" list and numbered citations, generated from the ``sources`` dataset.

An author cites sources by id (``[S2, S7]``); ``casebook.citations`` finds the citations and writes
them as numbers a student reads (``[[1](url), 2]``). ``reference_list`` writes one numbered line per
cited source, first cited first, from its row in ``data/sources.csv``; ``replace_list`` puts that list
under the cell's ``## Sources`` heading, keeping any text before the heading and any paragraph after
the list; the cell's metadata ``casebook.sources`` keeps the ids in number order, so each number maps
back to its id. Everything here is pure except ``update_lessons``, which reads and writes the notebooks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from casebook.citations import cited_ids, renumbered
from casebook.data.records import Source
from casebook.files import UnreadableFile, read_text_bounded, write_atomic
from casebook.problems import Problem

HEADING = "## Sources"
NOTEBOOK_LIMIT = 16 * 1024 * 1024

_HEADING_LINE = re.compile(r"^## Sources[ \t]*$", re.M)
_ITEM = re.compile(r"^(- \[[^\]]+\] |\d+\. )")


class SourcesCellError(Exception):
    """A Sources cell the command cannot rewrite without losing text; ``problem`` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def reference_item(number: int, source: Source) -> str:
    """One list item: ``N. Publisher (publisher type): Title. <url>``, or the note if there is no url."""
    item = f"{number}. {source.publisher} ({source.publisher_type}): {_sentence(source.title)}"
    if source.url:
        return f"{item} <{source.url}>"
    return f"{item} No link: {_sentence(source.note or 'the dataset gives no address')}"


def reference_list(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """The numbered markdown list for ``ids``, each once, in the order given; unknown ids are skipped."""
    chosen = [source_id for source_id in dict.fromkeys(ids) if source_id in sources]
    return "\n".join(reference_item(number, sources[source_id]) for number, source_id in enumerate(chosen, 1))


def replace_list(cell: str, new_list: str, where: str = "cell") -> str:
    """``cell`` with the list under its ``## Sources`` heading replaced by ``new_list``.

    Text before the heading and everything after the list (from the first line that is neither a list
    item nor its indented continuation) is kept as it is. Raises SourcesCellError when the cell has no
    such heading, or when an item of the old list is neither numbered nor names a source id: rewriting
    would lose that text.
    """
    heading = _HEADING_LINE.search(cell)
    if heading is None:
        raise SourcesCellError(Problem(where, f"no '{HEADING}' heading"))
    before = cell[: heading.end()]
    lines = cell[heading.end() :].split("\n")[1:]
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and (_ITEM.match(lines[index]) or lines[index].startswith(("- ", " ", "\t"))):
        if lines[index].startswith("- ") and not _ITEM.match(lines[index]):
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


def _numbered_ids(cell: Mapping[str, object], where: str) -> list[str]:
    """The ids the Sources cell's metadata ``casebook.sources`` keeps in number order ([] if none)."""
    metadata = cell.get("metadata")
    kept = metadata.get("casebook", {}).get("sources", []) if isinstance(metadata, dict) else []
    if not isinstance(kept, list) or not all(isinstance(item, str) for item in kept):
        raise SourcesCellError(Problem(where, "metadata casebook.sources is not a list of source ids"))
    return kept


def updated_notebook(text: str, sources: Mapping[str, Source], where: str) -> tuple[str, list[Problem]]:
    """The notebook JSON ``text`` with its citations numbered and its Sources list regenerated.

    ``updated_lesson`` for a lesson without quizzes.
    """
    new, _, problems = updated_lesson(text, (), sources, where)
    return new, problems


def updated_lesson(
    text: str, quizzes: Sequence[str], sources: Mapping[str, Source], where: str
) -> tuple[str, list[str], list[Problem]]:
    """The notebook JSON ``text`` and its ``quizzes`` (YAML texts) with citations numbered, and problems.

    The markdown cells other than the one holding the ``## Sources`` heading, then the quizzes, have
    their citations written in numbered form, numbered in the order first cited; the Sources cell gets
    the numbered list and keeps the ids in its metadata. The texts are returned unchanged when the
    notebook has no Sources cell, or more than one. Raises SourcesCellError when the notebook is not
    JSON or its list cannot be rewritten.
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
        problem = Problem(where, f"'{HEADING}' appears in cells {cells_named}; keep it in one cell")
        return text, list(quizzes), [problem]
    if not holders:
        return text, list(quizzes), []
    holder = cells[holders[0]]
    numbered = _numbered_ids(holder, f"{where}, cell {holders[0]}")
    prose = [(i, cell_text) for i, cell_text in markdown if i != holders[0]]
    citations = cited_ids([*(cell_text for _, cell_text in prose), *quizzes], sources, numbered)
    problems = citation_problems(citations.unknown, numbered, where)
    order = list(citations.known)
    changed = False
    for i, cell_text in prose:
        new_text = renumbered(cell_text, numbered, order, sources)
        if new_text != cell_text:
            cells[i]["source"] = new_text.splitlines(keepends=True)
            changed = True
    old = _cell_text(holder)
    new = replace_list(old, reference_list(order, sources), f"{where}, cell {holders[0]}")
    if new != old or numbered != order:
        holder["source"] = new.splitlines(keepends=True)
        holder.setdefault("metadata", {}).setdefault("casebook", {})["sources"] = order
        changed = True
    new_quizzes = [renumbered(quiz, numbered, order, sources) for quiz in quizzes]
    if not changed:
        return text, new_quizzes, problems
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n", new_quizzes, problems


def citation_problems(unknown: Iterable[str], numbered: Sequence[str], where: str) -> list[Problem]:
    """One problem per unknown citation of ``where``: an id not in the dataset, or a number ("[n]") past
    the ``numbered`` list."""
    return [
        Problem(where, f"cites {token}, but its Sources list has only {len(numbered)} numbered sources")
        if token.startswith("[")
        else Problem(where, f"cites [{token}], which is not an id in data/sources.csv")
        for token in unknown
    ]


def lesson_quizzes(lesson: Path, quiz_folder: Path | None) -> list[Path]:
    """The quiz files of ``lesson`` (``NN_*.yaml`` in ``quiz_folder``, NN being the lesson's number)."""
    if quiz_folder is None:
        return []
    return sorted(quiz_folder.glob(f"{lesson.name[:2]}_*.yaml"))


def update_lessons(
    paths: Sequence[Path], sources: Sequence[Source], *, check: bool, quiz_folder: Path | None = None
) -> LessonReport:
    """Number the citations and regenerate the Sources list of each notebook in ``paths`` and its quizzes.

    A lesson's quizzes (``lesson_quizzes``) cite by the lesson's numbers. With ``check``, write nothing.
    ``changed`` lists the files that were (or, with ``check``, would be) rewritten.
    """
    by_id = {source.id: source for source in sources}
    report = LessonReport()
    for path in paths:
        quiz_paths = lesson_quizzes(path, quiz_folder)
        try:
            text = read_text_bounded(path, NOTEBOOK_LIMIT)
            quizzes = [read_text_bounded(quiz, NOTEBOOK_LIMIT) for quiz in quiz_paths]
            new, new_quizzes, problems = updated_lesson(text, quizzes, by_id, str(path))
        except (UnreadableFile, SourcesCellError) as error:
            report.problems.append(error.problem)
            continue
        report.problems += problems
        for file, old_text, new_text in [
            (path, text, new),
            *zip(quiz_paths, quizzes, new_quizzes, strict=True),
        ]:
            record_rewrite(report, file, old_text, new_text, check=check)
    return report


def record_rewrite(report: LessonReport, file: Path, old_text: str, new_text: str, *, check: bool) -> None:
    """Note in ``report`` whether ``file`` changes, writing ``new_text`` (atomically) unless ``check``."""
    if new_text == old_text:
        report.unchanged.append(file)
        return
    if not check:
        try:
            write_atomic(file, new_text)
        except UnreadableFile as unwritable:
            report.problems.append(unwritable.problem)
            return
    report.changed.append(file)
