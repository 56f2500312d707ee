"""Timelines of events: the OSCE's human dimension since 1975, and Belarus from 2020 to 2025.

Each event is one row of the figure, so labels never overlap however close the dates are. The
functions take the records of the ``timeline`` dataset (``casebook.data.load("timeline")``: ``track``,
``date``, ``date_precision``, ``event``, ``confidence``, ``sources``). Each row's label is the event's
first sentence, shortened to fit; the alt text gives every event in full. Events whose confidence is U
(sources disagree) get a hollow marker.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casebook.invocations import text_of
from casebook.partial_dates import as_date, readable
from casebook.plots.base import PALETTE, Chart, finish, new_figure, uncertain_marker
from casebook.plots.figure_cache import keyed

__all__ = ["osce_timeline", "belarus_timeline"]

_SENTENCE_END = re.compile(r"(?<=[a-z%)])\.\s+(?=[A-Z\"])")
LABEL_WIDTH = 58  # characters: one line of a row


@dataclass(frozen=True)
class _Row:
    day: dt.date
    when: str
    text: str
    uncertain: bool
    colour: str


def short_label(text: str) -> str:
    """An event's first sentence, shortened to one line of the figure (with "…" where cut)."""
    first = _SENTENCE_END.split(str(text).strip(), maxsplit=1)[0].rstrip(".")
    return textwrap.shorten(first, width=LABEL_WIDTH, placeholder=" …")


def _track_rows(events: Iterable[Any], track: str, colour: str) -> list[_Row]:
    rows = []
    for event in events:
        if text_of(event, "track").lower() != track:
            continue
        rows.append(
            _Row(
                day=as_date(event.date),
                when=readable(event.date, getattr(event, "date_precision", None)),
                text=text_of(event, "event"),
                uncertain=text_of(event, "confidence").upper().startswith("U"),
                colour=colour,
            )
        )
    if not rows:
        raise ValueError(f"no events on the {track!r} track: check the timeline records' 'track' field")
    return rows


def _source_ids(records: Iterable[Any]) -> list[str]:
    ids: list[str] = []
    for record in records:
        for source_id in text_of(record, "sources").split(";"):
            if source_id.strip() and source_id.strip() not in ids:
                ids.append(source_id.strip())
    return ids


def _cited(records: list[Any]) -> str:
    ids = _source_ids(records)
    return ", ".join(ids) if len(ids) <= 6 else f"{len(ids)} sources, listed with each record"


def _source_line(records: list[Any], track: str) -> str:
    return f"casebook timeline dataset, {track} track ({_cited(records)})"


def _draw(rows: list[_Row], *, title: str, source: str, what: str, legend: dict[str, str]) -> Chart:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.lines import Line2D

    rows = sorted(rows, key=lambda row: row.day)
    figure, axes = new_figure(width=9.5, height=1.4 + 0.32 * len(rows))
    start, end = date2num(rows[0].day), date2num(rows[-1].day)
    span = max(end - start, 1.0)
    axes.scatter(  # one collection for every dot: a scatter call per row cost ~0.1 s in a tall timeline
        [row.day for row in rows],  # type: ignore[arg-type]  # matplotlib plots dates; its stubs say floats
        list(range(len(rows))),
        s=46,
        zorder=2,
        c=["white" if row.uncertain else PALETTE[row.colour] for row in rows],
        edgecolors=[PALETTE[row.colour] for row in rows],
        linewidths=1.6,
    )
    for position, row in enumerate(rows):
        on_left = (date2num(row.day) - start) / span > 0.5
        axes.annotate(
            short_label(row.text),
            (row.day, position),
            xytext=(-9 if on_left else 9, 0),
            textcoords="offset points",
            ha="right" if on_left else "left",
            va="center",
            fontsize=8.5,
        )
    axes.set_xlim(start - 0.04 * span, end + 0.04 * span)
    axes.set_yticks(range(len(rows)), [row.when for row in rows], fontsize=9)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    locator = AutoDateLocator(minticks=4, maxticks=10)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    handles = [
        Line2D([], [], marker="o", linestyle="", color=PALETTE[colour], label=label)
        for colour, label in legend.items()
    ]
    if any(row.uncertain for row in rows):
        handles.append(uncertain_marker("sources disagree (U)"))
    axes.legend(handles=handles, loc="lower left", fontsize=8.5, frameon=True, framealpha=0.95)
    uncertain = [row for row in rows if row.uncertain]
    listing = " ".join(f"{row.when}: {row.text.rstrip('.')}." for row in rows)
    marked = {0: "None is", 1: "One is"}.get(len(uncertain), f"{len(uncertain)} are")
    alt = (
        f"A timeline of {len(rows)} {what}, one per row, from {rows[0].when} to {rows[-1].when}, earliest "
        f"at the top. {marked} marked as uncertain because sources disagree. In order: {listing}"
    )
    return finish(
        figure, axes, title=title, xlabel="Date", ylabel="Date of the event", source=source, alt=alt
    )


@keyed
def osce_timeline(events: Iterable[Any]) -> Chart:
    """The OSCE's human dimension on a time line: every event of the timeline's ``osce`` track."""
    records = [event for event in events if text_of(event, "track").lower() == "osce"]
    rows = _track_rows(records, "osce", "blue")
    years = sorted(row.day.year for row in rows)
    return _draw(
        rows,
        title=f"The OSCE's human dimension, {years[0]} to {years[-1]}",
        source=_source_line(records, "osce"),
        what="OSCE events",
        legend={"blue": "OSCE event"},
    )


def _invocation_rows(invocations: Iterable[Any], target: str) -> list[_Row]:
    rows = []
    for record in invocations:
        if text_of(record, "target") != target:
            continue
        states = text_of(record, "invoking_states")
        rows.append(
            _Row(
                day=as_date(record.invoked),
                when=readable(record.invoked, getattr(record, "invoked_precision", None)),
                text=f"Moscow Mechanism invoked by {states or 'an unknown number of'} states.",
                uncertain=text_of(record, "confidence").upper().startswith("U"),
                colour="blue",
            )
        )
        if getattr(record, "report_date", None) is not None:
            rapporteur = " and ".join(getattr(record, "experts", ()) or ()) or "the rapporteur"
            rows.append(
                _Row(
                    day=as_date(record.report_date),
                    when=readable(record.report_date),
                    text=f"Report by {rapporteur} {text_of(record, 'report_event') or 'issued'}.",
                    uncertain=False,
                    colour="blue",
                )
            )
    return rows


@keyed
def belarus_timeline(events: Iterable[Any], invocations: Iterable[Any] = ()) -> Chart:
    """Belarus on a time line: the timeline's ``belarus`` track, with the OSCE's steps on Belarus.

    ``invocations`` are records of the ``invocations`` dataset; those whose target is Belarus and
    that fall within the track's years are drawn in another colour: the day of the invocation, and the
    day its report was presented.
    """
    records = [event for event in events if text_of(event, "track").lower() == "belarus"]
    rows = _track_rows(records, "belarus", "vermillion")
    first_year = min(row.day.year for row in rows)
    used = [
        record
        for record in invocations
        if text_of(record, "target") == "Belarus"
        and record.invoked is not None
        and as_date(record.invoked).year >= first_year
    ]
    steps = _invocation_rows(used, "Belarus")
    years = sorted(row.day.year for row in rows + steps)
    return _draw(
        rows + steps,
        title=f"Belarus and the Moscow Mechanism, {years[0]} to {years[-1]}",
        source=_source_line(records, "belarus") + (f"; invocations dataset ({_cited(used)})" if used else ""),
        what="events in Belarus and at the OSCE",
        legend={"vermillion": "event in Belarus", "blue": "OSCE step on Belarus"}
        if steps
        else {"vermillion": "event in Belarus"},
    )
