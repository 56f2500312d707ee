"""The case material that lesson checks compute their expected values from.

Tables come from ``casebook.data.load`` (which re-reads a file only when it changes). The briefing is
parsed here once per version of the transcript file, so that running many checks in a row does not
parse it again each time, while a corrected transcript is still picked up at the next check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casebook.transcript import Transcript, briefing_path, parse, read_text

_parsed: dict[Path, tuple[tuple[int, int], Transcript]] = {}


def briefing() -> Transcript:
    """The kit's briefing, parsed; parsed again only when ``data/briefing/transcript.txt`` changes."""
    path = briefing_path()
    stat = path.stat()
    stamp = (stat.st_mtime_ns, stat.st_size)
    hit = _parsed.get(path)
    if hit is None or hit[0] != stamp:
        hit = (stamp, parse(read_text(path)))
        _parsed[path] = hit
    return hit[1]


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
