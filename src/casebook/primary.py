"""Short verbatim excerpts of first-hand documents, shown in a lesson with their source and licence.

The texts and where they come from are data (``data/primary/excerpts.csv`` and one text file per
excerpt); this module holds none of them. It reads a row, checks its file against the row (name,
SHA-256, first words, provenance: ``casebook.data.excerpts``), and shows the excerpt as a quotation
with a source line and a licence line: HTML in JupyterLab, the same words as plain text in any static
view. A text read in another publisher's reproduction says so: "Text as reproduced by ...; checked
against ...; the OSCE's own copy was not read for this kit." ::

    from casebook.primary import show_excerpt
    show_excerpt("moscow-mechanism-rule-osce")

A missing id, a changed text or a broken row is one line naming the file and the field
(``PrimaryTextError``), never a traceback of the loader's insides.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from casebook import data
from casebook.data.excerpts import EXCERPT_LIMIT, INDEX, row_problems
from casebook.data.records import PrimaryExcerpt, Source
from casebook.files import UnreadableFile, read_text_bounded
from casebook.partial_dates import readable

__all__ = ["Excerpt", "PrimaryTextError", "excerpt", "excerpt_ids", "show_excerpt"]


class PrimaryTextError(data.DataError):
    """An excerpt that cannot be shown: the message names the file and the field, on one line."""


@dataclass(frozen=True)
class Excerpt:
    """One excerpt: its index row, its text as stored, the source row it cites and, for a copy, the
    source row of the second copy it was checked against."""

    record: PrimaryExcerpt
    text: str
    source: Source
    checked: Source | None = None

    @property
    def paragraphs(self) -> list[str]:
        """The text's paragraphs (blank-line separated), the omission mark '[…]' kept as its own."""
        return [" ".join(part.split()) for part in self.text.split("\n\n") if part.strip()]

    @property
    def source_line(self) -> str:
        """Who published the text, what it is, when and where: one sentence a reader can follow up (with
        addresses, and no source ids: a student never reads a raw key)."""
        row = self.record
        when = readable(row.published, "day") if row.published else "No date given on the page"
        if row.provenance != "copy" or self.checked is None:
            return (
                f"Source: {row.publisher} ({self.source.publisher_type}), "
                f"“{row.document}”. {row.section}. {when}. {row.url}"
            )
        checked = self.checked
        return (
            f"Text as reproduced by {row.publisher} ({self.source.publisher_type}), "
            f"“{row.document}”. {row.section}. {when} ({row.url}); "
            f"checked against {checked.publisher} ({checked.publisher_type}), "
            f"“{checked.title}” ({checked.url}); "
            f"the {row.copy_of_publisher}'s own copy of the {row.copy_of} ({row.copy_of_url}) "
            "was not read for this kit."
        )

    @property
    def urls(self) -> list[str]:
        """Every address the source line names, the copy read first."""
        row = self.record
        found = [row.url]
        if row.provenance == "copy" and self.checked is not None:
            found += [self.checked.url or "", row.copy_of_url or ""]
        return [url for url in found if url]

    @property
    def licence_line(self) -> str:
        """What may be done with the text, as the index states it."""
        return f"Licence: {self.record.licence}"

    def __str__(self) -> str:
        quoted = "\n>\n".join(f"> {p}" for p in self.paragraphs)
        lines = [f"Primary text: {self.record.document}", quoted, self.source_line, self.licence_line]
        if self.record.note:
            lines.append(f"Note: {self.record.note}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        row = self.record
        body = "".join(f"<p>{html.escape(p)}</p>" for p in self.paragraphs)
        note = f"<br>Note: {html.escape(row.note)}" if row.note else ""
        return (
            f'<figure class="casebook-primary" id="primary-{html.escape(row.id)}" '
            'style="margin:0.5em 0;border-left:4px solid #0072B2;padding:0.25em 0.75em">'
            f"<figcaption><strong>Primary text:</strong> {html.escape(row.document)}</figcaption>"
            f'<blockquote cite="{html.escape(row.url)}" style="margin:0.5em 0 0.5em 1em">{body}</blockquote>'
            f'<p style="font-size:0.9em">{_linked(self.source_line, self.urls)}<br>'
            f"{html.escape(self.licence_line)}{note}</p></figure>"
        )

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        return {"text/html": self._repr_html_(), "text/plain": str(self)}


LINK_STYLE = "text-decoration:underline"


def _linked(line: str, urls: list[str]) -> str:
    """The source line as HTML, each of its addresses a link."""
    if not urls:
        return html.escape(line)
    pattern = "|".join(re.escape(url) for url in sorted(set(urls), key=len, reverse=True))
    parts = []
    last = 0
    for match in re.finditer(pattern, line):
        address = html.escape(match.group())
        # underlined, not told apart by colour alone (axe: link-in-text-block)
        link = f'<a href="{address}" style="{LINK_STYLE}">{address}</a>'
        parts += [html.escape(line[last : match.start()]), link]
        last = match.end()
    return "".join(parts) + html.escape(line[last:])


def excerpt_ids() -> list[str]:
    """The ids of every excerpt in the index, in its order."""
    return [row.id for row in _rows()]


def excerpt(excerpt_id: str) -> Excerpt:
    """The excerpt ``excerpt_id``, checked against its index row before it is returned.

    Raises PrimaryTextError (one line, naming the file and the field) for an unknown id, a row whose
    file, SHA-256 or opening does not match the text, a copy that does not say what it copies and
    what it was checked against, or a source id missing from ``sources.csv``.
    """
    rows = _rows()
    numbered = {row.id: (number, row) for number, row in enumerate(rows, start=2)}
    if excerpt_id not in numbered:
        known = ", ".join(r.id for r in rows) or "none"
        raise PrimaryTextError.at(INDEX, f"no excerpt '{excerpt_id}'. Excerpts: {known}", field="id")
    number, row = numbered[excerpt_id]
    folder = data.data_dir()
    cells = {
        "id": row.id,
        "file": row.file,
        "sha256": row.sha256,
        "opening": row.opening,
        "sources": ";".join(row.sources),
        "provenance": row.provenance,
        "copy_of": row.copy_of,
        "copy_of_publisher": row.copy_of_publisher,
        "copy_of_url": row.copy_of_url,
        "checked_against": row.checked_against,
    }
    problems = row_problems(cells, number, folder)
    if problems:
        raise PrimaryTextError(problems[0])
    path = folder / PurePosixPath(row.file)
    try:
        text = read_text_bounded(path, EXCERPT_LIMIT)
    except UnreadableFile as error:  # changed between the check and now
        raise PrimaryTextError.at(INDEX, error.problem.message, row=number, field="file") from None
    sources = {source.id: source for source in data.load("sources")}
    if len(row.sources) != 1 or row.sources[0] not in sources:
        message = f"'{';'.join(row.sources)}' should be one id listed in sources.csv"
        raise PrimaryTextError.at(INDEX, message, row=number, field="sources")
    checked = None
    if row.provenance == "copy":
        if row.checked_against not in sources:
            message = f"'{row.checked_against}' should be the id of the second copy, listed in sources.csv"
            raise PrimaryTextError.at(INDEX, message, row=number, field="checked_against")
        checked = sources[row.checked_against]
    return Excerpt(record=row, text=text, source=sources[row.sources[0]], checked=checked)


def show_excerpt(excerpt_id: str) -> Excerpt:
    """The excerpt ``excerpt_id``, for a notebook cell to display (HTML, with a plain-text version)."""
    return excerpt(excerpt_id)


def _rows() -> list[PrimaryExcerpt]:
    try:
        return data.load("primary_excerpts")
    except PrimaryTextError:
        raise
    except data.DataError as error:
        raise PrimaryTextError(error.problem) from None
