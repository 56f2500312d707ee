"""The case's metadata file (``case.json``): date, place and people, filled from what the text gives;
whatever the text does not give is "unknown", for the teacher to fill in."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from casebook.transcript import Transcript
from casebook.transcript.clean import is_page_line
from casebook.transcript.dates import find_dates

UNKNOWN = "unknown"
_PLACE = re.compile(r"^(?:En Route [A-Z][\w .,-]+|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)*, [A-Z][\w. ]{1,30})$")

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A case made with 'casebook case new': the briefing's metadata",
    "type": "object",
    "required": ["name", "title", "transcript", "date", "place", "people"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
        "title": {"type": "string"},
        "transcript": {
            "type": "object",
            "required": ["file", "sha256", "bytes", "made_from", "source_url"],
            "additionalProperties": False,
            "properties": {
                "file": {"type": "string"},
                "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                "bytes": {"type": "integer", "minimum": 1},
                "made_from": {"type": "string"},
                "source_url": {"type": "string"},
            },
        },
        "date": {"$ref": "#/$defs/found"},
        "place": {"$ref": "#/$defs/found"},
        "people": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["label", "role", "name", "outlet"],
                "additionalProperties": False,
                "properties": {
                    "label": {"type": "string"},
                    "role": {"type": "string"},
                    "name": {"type": "string"},
                    "outlet": {"type": "string"},
                },
            },
        },
    },
    "$defs": {
        "found": {
            "type": "object",
            "required": ["value", "found_in"],
            "additionalProperties": False,
            "properties": {"value": {"type": "string"}, "found_in": {"type": "string"}},
        }
    },
}


def _date(transcript: Transcript) -> dict[str, str]:
    metadata = transcript.metadata
    for line in (*metadata.release, *metadata.header, *metadata.summary):
        for found in find_dates(line):
            if found.year and found.month and found.day:
                value = f"{found.year:04d}-{found.month:02d}-{found.day:02d}"
                return {"value": value, "found_in": f"the page's header: \u201c{line}\u201d"}
    return {"value": UNKNOWN, "found_in": "nothing: the page gives no full date; work it out and fill it in"}


def _place(transcript: Transcript) -> dict[str, str]:
    for line in transcript.metadata.header:
        if _PLACE.match(line) and not find_dates(line):
            return {"value": line, "found_in": f"the page's header: \u201c{line}\u201d"}
    return {"value": UNKNOWN, "found_in": "nothing: the page names no place; fill it in"}


def _people(transcript: Transcript) -> list[dict[str, str]]:
    people = []
    roles = {turn.speaker: turn.role for turn in transcript.turns}
    for speaker, role in roles.items():
        people.append({"label": speaker, "role": role, "name": UNKNOWN, "outlet": UNKNOWN})
    for exchange in transcript.exchanges():
        if exchange.questioner:
            people.append(
                {
                    "label": f"questioner of exchange {exchange.index + 1} ({exchange.mode})",
                    "role": "questioner",
                    "name": exchange.questioner,
                    "outlet": exchange.outlet or UNKNOWN,
                }
            )
    return people


def _title(transcript: Transcript, name: str) -> str:
    """The page's first header line of some words (not a time stamp or a link), or a plain stand-in."""
    for line in transcript.metadata.header:
        if len(line.split()) >= 3 and not is_page_line(line) and not _PLACE.match(line):
            return line
    return f"The briefing in case {name}"


def case_metadata(transcript: Transcript, data: bytes, name: str, made_from: str) -> dict[str, Any]:
    """The content of ``case.json`` for a new case (see :data:`SCHEMA`)."""
    return {
        "name": name,
        "title": _title(transcript, name),
        "transcript": {
            "file": "transcript.txt",
            "sha256": hashlib.sha256(data).hexdigest(),
            "bytes": len(data),
            "made_from": made_from,
            "source_url": UNKNOWN,
        },
        "date": _date(transcript),
        "place": _place(transcript),
        "people": _people(transcript),
    }
