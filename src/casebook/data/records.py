"""One frozen dataclass per table of ``data/datapackage.json``.

Field names and order match the table's schema exactly (a test checks it). Types follow the schema:
dates are ``datetime.date`` with a separate precision field, an empty cell is ``None`` (never zero),
and ';'-separated lists (sources, experts, places in the briefing) are tuples, empty when the cell is.

Precision says how much of a date is known: ``"day"``, ``"month"`` (the day shown is a placeholder:
the first of the month, or its last day for "end of month" figures), ``"year"`` (month and day are
placeholders) or ``"unknown"`` (the date is ``None``). Plot and print dates at their precision.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date
from typing import Literal

Confidence = Literal["V", "B", "U"]
Precision = Literal["day", "month", "year", "unknown"]
PublisherType = Literal[
    "participating-state government",
    "OSCE body",
    "other intergovernmental body",
    "Belarusian or Russian state media",
    "human-rights NGO",
    "independent press",
    "academic",
    "aggregator or mirror",
    "reference work",
    "publisher not identified",
]


@dataclass(frozen=True)
class Source:
    """A source that rows point to: an S-number from the fact sheet, or a short name.

    ``publisher_type`` says who is behind it (a government, an OSCE body, state media, an NGO ...);
    ``title`` is the page's own title, or the kit's description in square brackets where that was not found.
    """

    id: str
    url: str | None
    publisher: str
    publisher_type: PublisherType
    title: str
    note: str | None


@dataclass(frozen=True)
class BriefingPerson:
    """Someone who speaks in the briefing, named exactly as the transcript names them."""

    id: str
    role: Literal["moderator", "briefer", "questioner"]
    name: str | None
    outlet: str | None
    mode: Literal["live", "submitted"] | None
    question: str | None
    confidence: Confidence
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """A checkable claim made in the briefing, with what other sources say and a verdict."""

    id: str
    where: tuple[str, ...]
    speaker: Literal["briefer", "questioner"]
    claim: str
    quote: str
    sources_say: str
    verdict: Confidence
    verdict_detail: str | None
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Invocation:
    """One invocation of the OSCE Moscow Mechanism."""

    id: str
    year: int
    invoked: date | None
    invoked_precision: Precision
    invoked_alt: date | None
    target: str | None
    examined: str | None
    host: str | None
    invoked_by: str | None
    invoking_states: int | None
    invoking_states_alt: int | None
    route: Literal["consent", "rapporteur", "paragraph-12", "other"] | None
    route_confidence: Literal["V", "U"] | None
    route_alt: Literal["consent", "rapporteur", "paragraph-12", "other"] | None
    route_note: str | None
    experts: tuple[str, ...]
    mission_note: str | None
    topic: str | None
    report_date: date | None
    report_event: Literal["dated", "submitted", "received", "circulated", "presented", "unspecified"] | None
    report_date_alt: date | None
    report_note: str | None
    confidence: Confidence
    confidence_note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event on the ``osce`` track (human-dimension milestones) or the ``belarus`` track."""

    id: str
    track: Literal["osce", "belarus"]
    date: datetime.date
    date_precision: Precision
    end_date: datetime.date | None
    date_alt: datetime.date | None
    event: str
    confidence: Confidence
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PrisonerCount:
    """One published figure of political prisoners held in Belarus at a date."""

    id: str
    as_of: date | None
    as_of_precision: Precision
    count: int
    figure_by: Literal["viasna", "briefing"]
    conflict_group: str | None
    confidence: Confidence
    note: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """One code of the kit's verdict vocabulary (``data/verdicts.csv``): V, U or B, with its label."""

    code: Confidence
    label: str
    meaning: str


@dataclass(frozen=True)
class GlossaryEntry:
    """A term, defined in the kit's own words, with its sources and the named selections it is in."""

    term: str
    definition: str
    note: str | None
    sources: tuple[str, ...]
    selections: tuple[str, ...]


@dataclass(frozen=True)
class DateEvidence:
    """One clue in the briefing that points to its date, and what the sources say about it."""

    clue: str
    finding: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class BriefingMetadata:
    """What is known about the briefing itself (``data/briefing/metadata.json``)."""

    url: str
    publisher: str
    venue: str
    format: str
    on_the_record: bool
    subject: str
    date: date
    date_precision: Precision
    date_confidence: Confidence
    date_basis: str
    date_evidence: tuple[DateEvidence, ...]
    people: str
    claims: str
    transcript: str
    transcript_features: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PrimaryExcerpt:
    """One row of ``primary/excerpts.csv``: where a short verbatim excerpt of a document comes from.

    The text itself is in ``file`` (relative to the data folder); ``sha256`` is that file's digest and
    ``opening`` its first words. ``sources`` holds the one source that published the copy read.
    ``published`` is None where the page gives no date of its own.

    ``provenance`` is ``"first-hand"`` when the text was read on its publisher's own site, ``"copy"``
    when it was read in another publisher's reproduction. A copy names what it copies (``copy_of``,
    ``copy_of_publisher``, and ``copy_of_url``, the official address, not read for the kit) and the
    source id of the second copy it was checked against (``checked_against``); a first-hand text
    leaves these four empty (None).
    """

    id: str
    document: str
    section: str
    publisher: str
    published: date | None
    url: str
    sources: tuple[str, ...]
    licence: str
    file: str
    sha256: str
    opening: str
    provenance: Literal["first-hand", "copy"]
    copy_of: str | None
    copy_of_publisher: str | None
    copy_of_url: str | None
    checked_against: str | None
    note: str | None


#: The record type of each table, by resource name in ``datapackage.json``.
RECORD_TYPES: dict[str, type] = {
    "sources": Source,
    "briefing_people": BriefingPerson,
    "claims": Claim,
    "verdicts": Verdict,
    "invocations": Invocation,
    "timeline": TimelineEvent,
    "political_prisoners": PrisonerCount,
    "glossary": GlossaryEntry,
    "primary_excerpts": PrimaryExcerpt,
}
