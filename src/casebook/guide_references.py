"""The instructors' guide cites sources the way the lessons do: numbered links and a numbered list.

A guide page (``instructors/*.md``) is written with id citations (``[S91]``), like a lesson. ``casebook
references`` rewrites each as numbers a teacher reads (``[[1](url)]``) and keeps a numbered ``## Sources``
section at the end of the page, one line per cited source (``casebook.references.reference_list``). A
Markdown page has no cell metadata, so the ids behind the numbers are kept in a comment under the
heading (``<!-- casebook-sources: S91 S12 -->``, hidden wherever the page is shown). A guide notebook
(``instructors/*.ipynb``) is rewritten like a lesson. Everything here is pure except ``update_guide``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from casebook.citations import cited_ids, renumbered
from casebook.data.records import Source
from casebook.files import UnreadableFile, read_text_bounded
from casebook.problems import Problem
from casebook.references import (
    HEADING,
    NOTEBOOK_LIMIT,
    LessonReport,
    SourcesCellError,
    citation_problems,
    record_rewrite,
    reference_list,
    replace_list,
    updated_notebook,
)

_HEADING_LINE = re.compile(r"^## Sources[ \t]*$", re.M)
_IDS_COMMENT = re.compile(r"^<!-- casebook-sources:([^>]*)-->[ \t]*\n?", re.M)


def _ids_comment(ids: Sequence[str]) -> str:
    return f"<!-- casebook-sources: {' '.join(ids)} -->"


def updated_guide_page(text: str, sources: Mapping[str, Source], where: str) -> tuple[str, list[Problem]]:
    """The Markdown guide page ``text`` with its citations numbered and its Sources section regenerated,
    and the problems (unknown ids, a number past the list). A page that cites nothing is returned as
    it is. Raises SourcesCellError when its Sources section cannot be rewritten without losing text."""
    headings = list(_HEADING_LINE.finditer(text))
    if len(headings) > 1:
        return text, [Problem(where, f"'{HEADING}' appears {len(headings)} times; keep one, at the end")]
    prose, section = (text[: headings[0].start()], text[headings[0].start() :]) if headings else (text, "")
    kept = _IDS_COMMENT.search(section)
    numbered = kept.group(1).split() if kept else []
    citations = cited_ids([prose], sources, numbered)
    problems = citation_problems(citations.unknown, numbered, where)
    order = list(citations.known)
    if not order and not section:
        return text, problems
    new_prose = renumbered(prose, numbered, order, sources)
    bare = _IDS_COMMENT.sub("", section) if section else f"{HEADING}\n"
    listed = replace_list(bare, reference_list(order, sources), where)
    heading_end = listed.index("\n") if "\n" in listed else len(listed)
    new_section = f"{listed[:heading_end]}\n\n{_ids_comment(order)}{listed[heading_end:].rstrip()}\n"
    new_text = new_prose.rstrip("\n") + "\n\n" + new_section
    return new_text, problems


def guide_pages(folder: Path) -> list[Path]:
    """The guide's pages that may cite sources: its Markdown pages and notebooks, in name order."""
    return sorted([*folder.glob("*.md"), *folder.glob("*.ipynb")])


def update_guide(paths: Sequence[Path], sources: Sequence[Source], *, check: bool) -> LessonReport:
    """Number the citations and regenerate the Sources section of each guide page in ``paths``.

    With ``check``, write nothing; ``changed`` lists the pages that were (or would be) rewritten."""
    by_id = {source.id: source for source in sources}
    report = LessonReport()
    for path in paths:
        try:
            text = read_text_bounded(path, NOTEBOOK_LIMIT)
            if path.suffix == ".ipynb":
                new, problems = updated_notebook(text, by_id, str(path))
            else:
                new, problems = updated_guide_page(text, by_id, str(path))
        except (UnreadableFile, SourcesCellError) as error:
            report.problems.append(error.problem)
            continue
        report.problems += problems
        record_rewrite(report, path, text, new, check=check)
    return report
