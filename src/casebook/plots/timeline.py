"""Timelines of events: the OSCE's human dimension since 1975, and Belarus from 2020 to 2025.

Each event is one row of the figure, so labels never overlap however close the dates are. The
functions take the records of the ``timeline`` dataset (``date``, ``event``, ``track``, ``sources``) and
draw one track of it.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from casebook.plots.base import PALETTE, Chart, finish, new_figure

__all__ = ["osce_timeline", "belarus_timeline"]


def event_date(value: Any) -> dt.date:
    """A date from a ``date`` object or an ISO text: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

    A month or a year alone stands for its first day, so partial dates still sort and plot.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 1 and len(parts[0]) == 4:
            return dt.date(numbers[0], 1, 1)
        if len(numbers) == 2:
            return dt.date(numbers[0], numbers[1], 1)
        if len(numbers) == 3:
            return dt.date(*numbers)
    except ValueError:
        pass
    raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")


def _readable(day: dt.date, raw: Any) -> str:
    """The date as a reader writes it, at the precision the data gives."""
    text = str(raw).strip()
    if isinstance(raw, str) and len(text) == 4:
        return text
    if isinstance(raw, str) and len(text) == 7:
        return day.strftime("%b %Y")
    return f"{day.day} {day.strftime('%b %Y')}"


def _track(events: Iterable[Mapping[str, Any]], track: str) -> list[tuple[dt.date, str, str]]:
    rows = []
    for event in events:
        if str(event.get("track", "")).strip().lower() != track:
            continue
        day = event_date(event["date"])
        rows.append((day, _readable(day, event["date"]), str(event["event"]).strip()))
    if not rows:
        raise ValueError(f"no events on the {track!r} track: check the timeline records' 'track' field")
    return sorted(rows)


def _event_rows(
    rows: list[tuple[dt.date, str, str]], *, colour: str, title: str, source: str, what: str
) -> Chart:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    figure, axes = new_figure(width=9.0, height=1.3 + 0.5 * len(rows))
    positions = list(range(len(rows)))
    dates = [day for day, _, _ in rows]
    axes.scatter(dates, positions, s=46, color=PALETTE[colour], zorder=2)
    start, end = date2num(min(dates)), date2num(max(dates))
    span = max(end - start, 1.0)
    axes.set_xlim(start - 0.04 * span, end + 0.04 * span)
    for position, (day, _, text) in enumerate(rows):
        on_left = (date2num(day) - start) / span > 0.5
        axes.annotate(
            textwrap.fill(text, 40),
            (day, position),
            xytext=(-9 if on_left else 9, 0),
            textcoords="offset points",
            ha="right" if on_left else "left",
            va="center",
            fontsize=9,
        )
    axes.set_yticks(positions, [label for _, label, _ in rows], fontsize=9)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    locator = AutoDateLocator(minticks=4, maxticks=9)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    first, last = rows[0], rows[-1]
    listing = "; ".join(f"{label}: {text}" for _, label, text in rows)
    alt = (
        f"A timeline of {len(rows)} {what}, from {first[1]} ({first[2]}) to {last[1]} ({last[2]}), "
        f"one per row, earliest at the top. In order: {listing}."
    )
    return finish(
        figure, axes, title=title, xlabel="Date", ylabel="Date of the event", source=source, alt=alt
    )


def _sources(events: Iterable[Mapping[str, Any]], track: str) -> str:
    ids: list[str] = []
    for event in events:
        if str(event.get("track", "")).strip().lower() == track:
            for source_id in str(event.get("sources", "")).replace(",", ";").split(";"):
                if source_id.strip() and source_id.strip() not in ids:
                    ids.append(source_id.strip())
    listed = ", ".join(ids) if ids else "the timeline dataset"
    return f"casebook timeline dataset ({listed})"


def osce_timeline(events: Iterable[Mapping[str, Any]]) -> Chart:
    """The OSCE's human dimension on a time line: the events of the timeline's ``osce`` track."""
    records = list(events)
    rows = _track(records, "osce")
    return _event_rows(
        rows,
        colour="blue",
        title=f"The OSCE's human dimension, {rows[0][0].year} to {rows[-1][0].year}",
        source=_sources(records, "osce"),
        what="OSCE events",
    )


def belarus_timeline(events: Iterable[Mapping[str, Any]]) -> Chart:
    """Belarus and the OSCE on a time line: the events of the timeline's ``belarus`` track."""
    records = list(events)
    rows = _track(records, "belarus")
    return _event_rows(
        rows,
        colour="vermillion",
        title=f"Belarus, {rows[0][0].year} to {rows[-1][0].year}",
        source=_sources(records, "belarus"),
        what="events in Belarus and at the OSCE",
    )
