"""The case material that lesson checks compute their expected values from.

Tables come from ``casebook.data.load`` (which re-reads a file only when it changes). The briefing is
parsed through the kit's one file cache (``casebook.files.cached_by_file``, as ``load_briefing``), once
per version of the transcript file, so running many checks in a row does not parse it again each
time, while a corrected transcript is still picked up at the next check. Unlike a lesson's
``load_briefing``, checks do not refuse a corrected transcript: its expected values follow the text.
"""

from __future__ import annotations

from typing import Any

from casebook.files import cached_by_file
from casebook.transcript import Transcript, briefing_path, parse, read_text


def briefing() -> Transcript:
    """The kit's briefing, parsed; parsed again only when ``data/briefing/transcript.txt`` changes."""
    path = briefing_path()
    return cached_by_file("parsed briefing, unchecked", path, lambda: parse(read_text(path)))


def table(name: str) -> list[Any]:
    """Every row of the data table ``name`` (see ``casebook.data.load``)."""
    from casebook import data

    return data.load(name)


def only(rows: list[Any], what: str) -> Any:
    """The one row in ``rows``; raises LookupError naming ``what`` when there is none or several.

    Checks use it to find the row a question is about, so that a dataset where that row is missing
    or repeated gives "the expected answer could not be computed", not a wrong expected value.
    """
    if len(rows) != 1:
        raise LookupError(f"expected exactly one {what} in the data, found {len(rows)}")
    return rows[0]
