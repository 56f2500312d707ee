"""Rules about evidence that span tables: what a verified fact may rest on, and what a quote must match.

Two rules, as pure functions over loaded records, so a test or a teacher's script can run them on any
copy of the data:

- :func:`unsupported_facts`: a row the kit presents as verified (``confidence``, ``verdict`` or
  ``route_confidence`` is ``V``; a glossary definition, which has no confidence, counts as asserted)
  must name at least one source that is not typed ``aggregator or mirror``. A copy of someone else's
  text is not evidence of its own: cite the original.
- :func:`misquoted_claims`: a claim's ``quote`` must occur in the transcript word for word (runs of
  white space aside), so the kit never puts words in the briefer's mouth.

Each problem is a :class:`casebook.problems.Problem` naming the file, the row and the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from casebook.problems import Problem

MIRROR = "aggregator or mirror"
VERIFIED = "V"
CONFIDENCE_FIELDS = ("confidence", "verdict", "route_confidence")
# Where each table lives in data/, for the problem's file name.
TABLE_FILES = {
    "sources": "sources.csv",
    "briefing_people": "briefing/people.csv",
    "claims": "briefing/claims.csv",
    "invocations": "osce/invocations.csv",
    "timeline": "timeline.csv",
    "political_prisoners": "belarus/political_prisoners.csv",
    "glossary": "glossary.csv",
}


def verified_fields(record: Any) -> list[str]:
    """The fields that mark ``record`` as verified: its V confidence fields, or none.

    A record with no confidence field at all (a glossary term) is asserted as fact, so it counts as
    verified through its ``sources`` field. A record with neither (a code of the kit's verdict
    vocabulary) states the kit's own terms, no fact about the world, so it has none.
    """
    present = [name for name in CONFIDENCE_FIELDS if hasattr(record, name)]
    if not present:
        return ["sources"] if hasattr(record, "sources") else []
    return [name for name in present if getattr(record, name) == VERIFIED]


def unsupported_facts(tables: Mapping[str, Iterable[Any]], sources: Iterable[Any]) -> list[Problem]:
    """Every verified row of ``tables`` whose sources are all aggregators or mirrors (or none known).

    ``tables`` maps a table's name to its records (each with ``sources``, a tuple of source ids);
    ``sources`` are the records of the sources table (each with ``id`` and ``publisher_type``).
    """
    kinds = {source.id: source.publisher_type for source in sources}
    problems = []
    for name, records in tables.items():
        for number, record in enumerate(records, start=2):
            cited = tuple(getattr(record, "sources", ()) or ())
            first_hand = [sid for sid in cited if sid in kinds and kinds[sid] != MIRROR]
            for field in verified_fields(record):
                if not first_hand:
                    problems.append(
                        Problem(
                            TABLE_FILES.get(name, name),
                            f"{_key(record)} is marked verified ({field}) but rests only on "
                            f"{_listed(cited)}; cite the original, or mark it U and say why",
                            field="sources",
                            row=number,
                        )
                    )
                    break
    return problems


def misquoted_claims(claims: Sequence[Any], transcript: str) -> list[Problem]:
    """Every claim whose ``quote`` is empty or does not occur in ``transcript`` word for word."""
    text = _flat(transcript)
    problems = []
    for number, claim in enumerate(claims, start=2):
        quote = _flat(getattr(claim, "quote", "") or "")
        if not quote:
            message = f"{claim.id} has no quote from the briefing"
        elif quote not in text:
            message = f"{claim.id}: the quote is not in the transcript word for word: {quote[:60]!r}"
        else:
            continue
        problems.append(Problem(TABLE_FILES["claims"], message, field="quote", row=number))
    return problems


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _key(record: Any) -> str:
    return str(getattr(record, "id", None) or getattr(record, "term", "a row"))


def _listed(cited: Sequence[str]) -> str:
    if not cited:
        return "no source"
    return "aggregators or mirrors (" + ", ".join(cited) + ")"
