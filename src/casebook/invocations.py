"""Counting uses of the Moscow Mechanism under explicit rules, and describing each one in a line.

Sources give 7, 9, 14, 15 or 17 for how often the mechanism has been used. Most of the gap comes from
*counting rules*: the date of the count, and whether a self-invitation, a mission that never finished
or a case with an unclear record counts as a use. :func:`count` applies such rules to the records of
the ``invocations`` dataset, so a learner can try them one at a time. Each rule reads a field of the
dataset, never the free text of a note:

- a **self-invitation**: the state that invoked the mechanism is its target (``invoked_by == target``);
- **unfinished**: the ``report_note`` says the mission was "Not completed";
- **unclear**: the record does not say which state the mechanism concerned (``target`` empty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from casebook.partial_dates import as_date, readable

__all__ = ["ROUTE_NAMES", "count", "counted", "describe", "is_self_invited", "is_unclear", "is_unfinished"]

Record = Mapping[str, Any]

ROUTE_NAMES = {
    "paragraph-12": "paragraph 12",
    "consent": "mission of experts, with consent",
    "other": "other",
}


def _field(record: Record, name: str) -> str:
    value = record.get(name)
    return "" if value is None else str(value).strip()


def is_self_invited(record: Record) -> bool:
    """True when a state invoked the mechanism on itself (Estonia 1992, Moldova 1993)."""
    return bool(_field(record, "target")) and _field(record, "invoked_by") == _field(record, "target")


def is_unfinished(record: Record) -> bool:
    """True when the record says the mission was not completed."""
    return _field(record, "report_note").lower().startswith("not completed")


def is_unclear(record: Record) -> bool:
    """True when the record does not say which state the mechanism concerned."""
    return not _field(record, "target")


def counted(
    records: Iterable[Record],
    *,
    until: Any = None,
    self_invited: bool = True,
    unfinished: bool = True,
    unclear: bool = True,
) -> list[Record]:
    """The records that count as uses under the given rules, in the order given.

    ``until`` is the last day counted (a date, or ISO text such as ``"2021-12-31"``, ``"2021-12"`` or
    ``"2021"``; a month or year means its last day); ``None`` counts every record. Setting
    ``self_invited``, ``unfinished`` or ``unclear`` to ``False`` leaves those records out.
    """
    last_day = _last_day(until) if until is not None else None
    kept = []
    for record in records:
        if last_day is not None and as_date(record["invoked"]) > last_day:
            continue
        if not self_invited and is_self_invited(record):
            continue
        if not unfinished and is_unfinished(record):
            continue
        if not unclear and is_unclear(record):
            continue
        kept.append(record)
    return kept


def count(
    records: Iterable[Record],
    *,
    until: Any = None,
    self_invited: bool = True,
    unfinished: bool = True,
    unclear: bool = True,
) -> int:
    """How many uses the records hold under the given rules (see :func:`counted` for the rules)."""
    return len(
        counted(records, until=until, self_invited=self_invited, unfinished=unfinished, unclear=unclear)
    )


def _last_day(until: Any) -> dt.date:
    """The last day a count reaches: a year or a month given alone means its last day."""
    first = as_date(until)
    text = str(until).strip()
    if isinstance(until, str) and len(text) == 4:
        return dt.date(first.year, 12, 31)
    if isinstance(until, str) and len(text) == 7:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first


def describe(record: Record) -> str:
    """One plain line about a use of the mechanism: when, on whom, by whom, how, and the report."""
    when = readable(record["invoked"], record.get("invoked_precision"))
    target = _field(record, "target") or "a target not confirmed"
    parts = [f"{when}: {target}"]
    by = _field(record, "invoked_by")
    parts.append(f"invoked by {by}" if by else "invoked by: not found")
    route = _field(record, "route")
    if is_self_invited(record):
        parts.append("route: a self-invitation")
    elif route:
        sure = " (not confirmed)" if _field(record, "route_confidence").upper() == "U" else ""
        parts.append(f"route: {ROUTE_NAMES.get(route, route)}{sure}")
    else:
        parts.append("route: not found")
    experts = _field(record, "experts")
    if experts:
        parts.append(f"rapporteur(s) or experts: {experts}")
    report = _field(record, "report_note")
    if not report and _field(record, "report_date"):
        event = _field(record, "report_event")
        event = "" if event in ("", "unspecified") else f"{event} "
        report = f"{event}{readable(record['report_date'])}"
    parts.append(f"report: {report.rstrip('.') or 'not found'}")
    line = "; ".join(parts) + "."
    if _field(record, "confidence").upper() == "U":
        line += f" [U: {_field(record, 'confidence_note') or 'sources disagree'}]"
    return line
