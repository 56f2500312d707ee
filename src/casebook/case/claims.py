"""The claims worksheet (``claims.csv``): claims of the briefing to check, one a row.

Each row is a sentence of a briefer's turn that gives a figure or a date, quoted as said (a claim of
the briefing is a claim to check, never a fact). ``verdict`` and ``sources`` are left empty for the
class to fill in: V Verified, U Uncertain or disputed, B Briefing only.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from casebook.transcript import Transcript

MAX_CLAIMS = 12
COLUMNS = ("id", "claim", "where", "verdict", "sources")

SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "claim", "type": "string", "description": "The claim, quoted as said.",
         "constraints": {"required": True}},
        {"name": "where", "type": "string", "description": "turn T, sentence S (both counted from 1)",
         "constraints": {"required": True}},
        {"name": "verdict", "type": "string",
         "description": "To fill in: V Verified, U Uncertain or disputed, B Briefing only",
         "constraints": {"enum": ["V", "B", "U"]}},
        {"name": "sources", "type": "string", "description": "To fill in: who else says so, with links"},
    ],
    "primaryKey": ["id"],
}  # fmt: skip


def claim_rows(transcript: Transcript) -> list[dict[str, str]]:
    """Sentences of briefers' turns that give a figure or a date, as worksheet rows (verdict empty)."""
    briefer = {turn.number for turn in transcript.turns if turn.role == "briefer"}
    places = sorted({(m.turn, m.sentence) for m in [*transcript.numbers(), *transcript.dates()]})
    rows: list[dict[str, str]] = []
    for turn, sentence in places:
        if turn not in briefer or len(rows) >= MAX_CLAIMS:
            continue
        text = transcript.sentence(turn, sentence).text
        rows.append(
            {
                "id": f"c{len(rows) + 1:02d}",
                "claim": text,
                "where": f"turn {turn}, sentence {sentence}",
                "verdict": "",
                "sources": "",
            }
        )
    return rows


def claims_csv(transcript: Transcript) -> str:
    """The worksheet as CSV text (a header row even when no claim was found)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(claim_rows(transcript))
    return out.getvalue()
