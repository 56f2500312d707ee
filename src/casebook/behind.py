"""Who is behind a source: a small table built from ``sources.csv`` for the sources a lesson weighs.

Lateral reading starts by asking who published a source before reading what it says. Every row of
``sources.csv`` names its publisher and, in ``publisher_type``, what kind of body that is (a
government, an OSCE body, state media, a rights group, the press ...). ``who_is_behind`` shows those
two facts side by side for the ids a lesson passes, in the order given, so that every source is asked
the same question in the same shape, whoever is behind it::

    from casebook.behind import who_is_behind
    ask = "Who is behind this source, and what might they want readers to think?"
    who_is_behind(["S1", "S2", "S5", "S12"], question=ask)

An id missing from ``sources.csv`` raises ``UnknownSource``, one line naming the file, the field and
the id, so a lesson cannot show a source the kit does not describe.
"""

from __future__ import annotations

from collections.abc import Sequence

from casebook import data, tables
from casebook.data.records import Source

__all__ = ["UnknownSource", "behind", "who_is_behind"]

COLUMNS = ("id", "publisher", "publisher_type", "title")
HEADERS = {"id": "Source", "publisher": "Publisher", "publisher_type": "Who is behind it", "title": "Title"}


class UnknownSource(data.DataError):
    """A source id that ``sources.csv`` does not list."""


def behind(ids: Sequence[str]) -> list[Source]:
    """The ``sources.csv`` rows of ``ids``, in the order given (a repeated id is shown once)."""
    known = {source.id: source for source in data.load("sources")}
    rows = []
    for source_id in dict.fromkeys(ids):
        if source_id not in known:
            raise UnknownSource.at("sources.csv", f"no source '{source_id}'", field="id")
        rows.append(known[source_id])
    return rows


def who_is_behind(
    ids: Sequence[str], question: str | None = None, caption: str = "Who is behind each source"
) -> tables.Table:
    """A table of each source's id, publisher, kind of publisher and title, for a notebook to show.

    With ``question`` (the lesson's words), each row also carries that same question, so that every
    source is asked it in the same shape: a government's, an NGO's and state media's alike.
    """
    rows: list[object] = list(behind(ids))
    columns = list(COLUMNS)
    headers = dict(HEADERS)
    if question is not None:
        rows = [{**{c: getattr(source, c) for c in COLUMNS}, "ask": question} for source in behind(ids)]
        columns.append("ask")
        headers["ask"] = "Ask of it"
    return tables.table(rows, columns, headers=headers, caption=caption)
