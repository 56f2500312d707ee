"""Counting uses of the Moscow Mechanism under explicit rules, and describing each one in a line.

Sources give 7, 9, 14, 15 or 17 for how often the mechanism has been used. Most of the gap comes from
*counting rules*: the date of the count, and whether a self-invitation, a mission that never finished
or a case with an unclear record counts as a use. :func:`count` applies such rules to the records of
the ``invocations`` dataset (``casebook.data.load("invocations")``), so a learner can try them one at a
time. Each rule reads a field of the record:

- a **self-invitation**: the state that invoked the mechanism is its target (``invoked_by == target``);
- **unfinished**: the ``report_note`` says the mission was "Not completed";
- **unclear**: the record does not say which state the mechanism concerned (``target`` empty).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from casebook.partial_dates import as_date, readable

__all__ = [
    "ROUTE_NAMES",
    "RuleError",
    "count",
    "counted",
    "describe",
    "is_self_invited",
    "is_unclear",
    "is_unfinished",
]

ROUTE_NAMES = {
    "paragraph-12": "paragraph 12",
    "consent": "mission of experts, with consent",
    "rapporteur": "mission of rapporteurs, without consent",
    "other": "other",
}


class RuleError(ValueError):
    """A counting rule that cannot be used, such as a date that cannot be read.

    In a notebook it shows as its one-line message, not a traceback: the learner edited the rule and
    only needs to know which value to fix.
    """

    def _render_traceback_(self) -> list[str]:
        return [f"Counting rule problem: {self}"]


def text_of(record: Any, name: str) -> str:
    """A record's field as plain text: empty for a missing value, lists joined with "; "."""
    value = getattr(record, name, None)
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        return "; ".join(str(item).strip() for item in value)
    return str(value).strip()


def is_self_invited(record: Any) -> bool:
    """True when a state invoked the mechanism on itself (Estonia 1992, Moldova 1993)."""
    return bool(text_of(record, "target")) and text_of(record, "invoked_by") == text_of(record, "target")


def is_unfinished(record: Any) -> bool:
    """True when the record says the mission was not completed."""
    return text_of(record, "report_note").lower().startswith("not completed")


def is_unclear(record: Any) -> bool:
    """True when the record does not say which state the mechanism concerned."""
    return not text_of(record, "target")


def counted(
    records: Iterable[Any],
    *,
    until: Any = None,
    self_invited: bool = True,
    unfinished: bool = True,
    unclear: bool = True,
) -> list[Any]:
    """The records that count as uses under the given rules, in the order given.

    ``until`` is the last day counted: a date, ISO text such as ``"2021-12-31"``, ``"2021-12"`` or
    ``"2021"``, or a year as a number (a month or a year means its last day). ``None`` counts every
    record; a record with no date is counted only then. Setting ``self_invited``, ``unfinished`` or
    ``unclear`` to ``False`` leaves those records out. A rule that cannot be used raises
    :class:`RuleError`, naming it.
    """
    for name, value in (("self_invited", self_invited), ("unfinished", unfinished), ("unclear", unclear)):
        if not isinstance(value, bool):
            raise RuleError(f"{name} must be True or False (without quotation marks), not {value!r}")
    try:
        last_day = _last_day(until) if until is not None else None
    except ValueError:
        raise RuleError(
            f'until={until!r} is not a date: write it as "2021-12-31", "2021-12" or "2021", or None'
        ) from None
    kept = []
    for record in records:
        invoked = getattr(record, "invoked", None)
        if last_day is not None and (invoked is None or as_date(invoked) > last_day):
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
    records: Iterable[Any],
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
    if isinstance(until, int) and not isinstance(until, bool):
        until = str(until)  # a year written as a number
    first = as_date(until)
    text = str(until).strip()
    if isinstance(until, str) and len(text) == 4:
        return dt.date(first.year, 12, 31)
    if isinstance(until, str) and len(text) == 7:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first


def when(record: Any) -> str:
    """The date of an invocation as precisely as the sources give it, or "date not found"."""
    if getattr(record, "invoked", None) is None:
        return "date not found"
    return readable(record.invoked, getattr(record, "invoked_precision", None))


def describe(record: Any) -> str:
    """One plain line about a use of the mechanism: when, on whom, by whom, how, and the report."""
    parts = [f"{when(record)}: {text_of(record, 'target') or 'a target not confirmed'}"]
    by = text_of(record, "invoked_by")
    parts.append(f"invoked by {by}" if by else "invoked by: not found")
    route = text_of(record, "route")
    if is_self_invited(record):
        parts.append("route: a self-invitation")
    elif route:
        sure = " (not confirmed)" if text_of(record, "route_confidence") == "U" else ""
        parts.append(f"route: {ROUTE_NAMES.get(route, route)}{sure}")
    else:
        parts.append("route: not found")
    experts = text_of(record, "experts")
    if experts:
        parts.append(f"rapporteur(s) or experts: {experts}")
    report = text_of(record, "report_note")
    if not report and getattr(record, "report_date", None) is not None:
        event = text_of(record, "report_event")
        event = "" if event in ("", "unspecified") else f"{event} "
        report = f"{event}{readable(record.report_date)}"
    parts.append(f"report: {report.rstrip('.') or 'not found'}")
    line = "; ".join(parts) + "."
    if text_of(record, "confidence") == "U":
        line += f" [U: {text_of(record, 'confidence_note') or 'sources disagree'}]"
    return line
