"""Where a quiz's verdict questions find their claims and sources: the kit's, or a case's own.

A quiz of the kit reads ``data/briefing/claims.csv`` and ``data/sources.csv``. A quiz in a case made by
``casebook case new`` (its file in the case's ``data/quizzes``) reads the case's own worksheet,
``data/claims.csv``: its ``verdict`` column is the case's verdict and its ``sources`` column (who else
says so, with links) is what the sources say. The briefing of a case is the teacher's, so nothing of
the kit's claims or sources is shown for it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.files import UnreadableFile

CASE_CLAIMS = "claims.csv"
KIT_CLAIMS = "data/briefing/claims.csv"


class ClaimsUnreadable(ValueError):
    """A case's claims worksheet cannot be read; ``str()`` is one line naming the file."""


@dataclass(frozen=True)
class CaseClaim:
    """A row of a case's claims worksheet, with the attributes a reveal reads from a kit claim."""

    id: str
    claim: str
    verdict: str
    sources_say: str
    verdict_detail: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()  # the worksheet names its sources in words, in ``sources_say``

    @property
    def quote(self) -> str:
        """The briefing's words: the worksheet quotes each claim as said."""
        return self.claim


@dataclass(frozen=True)
class ClaimsBook:
    """The claims and sources a quiz's verdict questions use, and how to name them to a reader."""

    claims: dict[str, Any]
    sources: dict[str, Any]
    file: str  # the claims file, as a message names it
    whose: str  # "kit" or "case": whose verdict the reveal shows


def case_data(quiz_file: str | Path | None) -> Path | None:
    """The ``data`` folder of the case a quiz file belongs to, or None for a quiz of the kit."""
    if quiz_file is None:
        return None
    from casebook.case.loading import METADATA

    data = Path(quiz_file).resolve().parent.parent
    return data if (data / METADATA).is_file() else None


def case_claims(data: Path) -> dict[str, CaseClaim]:
    """The rows of a case's ``claims.csv`` by id. Raises ClaimsUnreadable naming the file."""
    from casebook.case.loading import load_claims

    path = data / CASE_CLAIMS
    try:
        rows = load_claims(data.parent)
    except UnreadableFile as error:
        raise ClaimsUnreadable(str(error.problem)) from None
    except csv.Error as error:
        raise ClaimsUnreadable(f"{path}: is not readable as CSV ({error})") from None
    if rows and "id" not in rows[0]:
        raise ClaimsUnreadable(f"{path}: has no 'id' column (its columns: {', '.join(rows[0])})")
    found: dict[str, CaseClaim] = {}
    for row in rows:
        claim_id = (row.get("id") or "").strip()
        if claim_id:
            found[claim_id] = CaseClaim(
                id=claim_id,
                claim=(row.get("claim") or "").strip(),
                verdict=(row.get("verdict") or "").strip(),
                sources_say=(row.get("sources") or "").strip(),
            )
    return found


def claims_book(quiz_file: str | Path | None) -> ClaimsBook:
    """The claims and sources for the verdict questions of the quiz in ``quiz_file``: the case's own
    when the quiz is a case's, else the kit's. Raises ClaimsUnreadable or ``casebook.data`` errors."""
    data = case_data(quiz_file)
    if data is not None:
        return ClaimsBook(case_claims(data), {}, str(data / CASE_CLAIMS), "case")
    from casebook import data as kit_data

    claims = {claim.id: claim for claim in kit_data.load("claims")}
    return ClaimsBook(claims, {source.id: source for source in kit_data.load("sources")}, KIT_CLAIMS, "kit")
