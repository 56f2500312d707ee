"""Lesson 05's figure: Viasna's count of political prisoners, with the briefing's figure and the
conflicting end-2023 figures shown as such.

The function takes the ``political_prisoners`` records as they come from ``casebook.data.load`` (or any
mappings with ``as_of``, ``as_of_precision``, ``count``, ``figure_by`` and ``conflict_group``); it holds
no figures of its own. The alt text is written from those records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from casebook.plots.base import PALETTE, Chart, finish, new_figure
from casebook.plots.figure_cache import keyed

__all__ = ["political_prisoners"]

SOURCE = (
    "Viasna (spring96.org) and reports quoting it, one source per point in the kit's political_prisoners "
    "dataset; the briefing: U.S. State Department [S1]"
)


@dataclass(frozen=True)
class CountPoint:
    """One count: when it applies (None if unknown), how precise that date is, who gives it."""

    as_of: dt.date | None
    precision: str
    count: int
    figure_by: str
    conflict_group: str


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ValueError(f"{where}, field 'as_of': {value!r} is not a date (YYYY-MM-DD)") from exc


def _value(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)


def count_points(records: Iterable[Any]) -> list[CountPoint]:
    """The records as typed points, in date order (undated ones last).

    Raises ValueError naming the record and the field when a count or a date cannot be read.
    """
    points = []
    for number, record in enumerate(records, start=1):
        where = f"political_prisoners, record {number}"
        raw_count = _value(record, "count")
        try:
            count = int(raw_count)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}, field 'count': {raw_count!r} is not a whole number") from exc
        points.append(
            CountPoint(
                as_of=_date(_value(record, "as_of"), where),
                precision=str(_value(record, "as_of_precision") or "day"),
                count=count,
                figure_by=str(_value(record, "figure_by") or "viasna"),
                conflict_group=str(_value(record, "conflict_group") or ""),
            )
        )
    return sorted(points, key=lambda p: (p.as_of is None, p.as_of or dt.date.min))


def when(point: CountPoint) -> str:
    """A count's date in words, as precise as the source: "22 September 2020", "end of May 2023"."""
    if point.as_of is None:
        return "an unknown date"
    month_year = point.as_of.strftime("%B %Y")
    if point.precision == "month":
        return f"end of {month_year}" if point.as_of.day >= 28 else month_year
    return f"{point.as_of.day} {month_year}"


def _number(value: int) -> str:
    return f"{value:,}"


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe(
    points: Sequence[CountPoint], briefing_date: dt.date | None = None, inferred: bool = False
) -> str:
    """The figure's alt text, written from the points: range, peak, trend, the briefing's figure and
    every conflicting group."""
    series = [p for p in points if p.figure_by != "briefing" and p.as_of is not None and not p.conflict_group]
    if not series:
        return "No dated counts to show."
    first, last = series[0], series[-1]
    peak = max(p.count for p in series)
    peak_dates = [when(p) for p in series if p.count == peak]
    parts = [
        f"Line chart of the number of people Viasna recognised as political prisoners in Belarus, "
        f"from {_number(first.count)} on {when(first)} to {_number(last.count)} on {when(last)}.",
        f"The count rose to a peak of {_number(peak)} ({_join(peak_dates)})"
        + (" and then fell." if last.count < peak else "."),
    ]
    for point in (p for p in points if p.figure_by == "briefing"):
        place = " is shown as a dashed line"
        if briefing_date:
            place = f" is marked at the briefing's date, {briefing_date.day} {briefing_date:%B %Y}"
            place += " (inferred: the briefing's page carries no date)" if inferred else ""
        counted = "not known" if point.as_of is None else when(point)
        parts.append(
            f"The briefing's figure, at least {_number(point.count)},{place}; "
            f"the date of that count is {counted}."
        )
    groups: dict[str, list[CountPoint]] = {}
    for point in points:
        if point.conflict_group:
            groups.setdefault(point.conflict_group, []).append(point)
    for group in groups.values():
        values = _join([_number(p.count) for p in group])
        parts.append(f"For the {when(group[0])} the sources give {len(group)} conflicting figures: {values}.")
    return " ".join(parts)


@keyed
def political_prisoners(
    records: Iterable[Any], briefing_date: dt.date | str | None = None, briefing_date_inferred: bool = False
) -> Chart:
    """Viasna's count of political prisoners over time, with the briefing's figure and conflicting
    figures marked.

    ``records``: the ``political_prisoners`` dataset. Counts by Viasna form the line; a record with
    ``figure_by == "briefing"`` is marked at ``briefing_date`` (or drawn as a dashed line if no date is
    given); records sharing a ``conflict_group`` are drawn as separate markers, not joined to the line.
    ``briefing_date_inferred``: say in the figure and its alt text that the briefing's date is inferred.
    """
    points = count_points(records)
    day = _date(briefing_date, "briefing_date")
    figure, axes = new_figure(9.0, 5.0)
    series = [p for p in points if p.figure_by != "briefing" and p.as_of is not None and not p.conflict_group]
    axes.plot(
        [p.as_of for p in series],  # type: ignore[arg-type]  # dates, which matplotlib plots
        [p.count for p in series],
        color=PALETTE["blue"],
        marker="o",
        markersize=4,
        linewidth=2,
        label="Viasna's count (people held on that date)",
    )
    groups: dict[str, list[CountPoint]] = {}
    for point in points:
        if point.conflict_group and point.as_of is not None:
            groups.setdefault(point.conflict_group, []).append(point)
    for number, group in enumerate(groups.values()):
        axes.scatter(
            [p.as_of for p in group],  # type: ignore[arg-type]  # dates, which matplotlib plots
            [p.count for p in group],
            color=PALETTE["vermillion"],
            marker="D",
            s=36,
            zorder=3,
            label="Conflicting figures for one date" if number == 0 else None,
        )
        top = max(group, key=lambda p: p.count)
        axes.annotate(
            f"{_upper_first(when(top))}: {len(group)} conflicting figures\n"
            + " / ".join(_number(p.count) for p in group),
            xy=(top.as_of, min(p.count for p in group)),
            xytext=(0.62, 0.64 - 0.12 * number),
            textcoords="axes fraction",
            fontsize=9,
            color=PALETTE["vermillion"],
            arrowprops={"arrowstyle": "-", "color": PALETTE["vermillion"], "linewidth": 0.8},
        )
    for point in (p for p in points if p.figure_by == "briefing"):
        label = f"The briefing: \u201cat least {_number(point.count)}\u201d"
        if day is not None:
            axes.scatter(
                [day],  # type: ignore[arg-type]  # a date, which matplotlib plots
                [point.count],
                color=PALETTE["orange"],
                marker="*",
                s=180,
                zorder=4,
                label=label,
            )
            axes.annotate(
                f"{label}\n(briefing {day.day} {day:%b %Y}{', inferred' if briefing_date_inferred else ''}; "
                "the count's own date is unknown)",
                xy=(day, point.count),
                xytext=(0.36, 0.38),
                textcoords="axes fraction",
                fontsize=9,
                arrowprops={"arrowstyle": "->", "color": PALETTE["black"], "linewidth": 0.8},
            )
        else:
            axes.axhline(point.count, color=PALETTE["orange"], linestyle="--", linewidth=1.2, label=label)
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_formatter(_thousands())
    axes.legend(loc="upper left", frameon=False, fontsize=9)
    return finish(
        figure,
        axes,
        title="Political prisoners in Belarus, as counted by Viasna",
        xlabel="Date of the count",
        ylabel="People held",
        source=SOURCE,
        alt=describe(points, day, briefing_date_inferred),
    )


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thousands() -> Any:
    from matplotlib.ticker import StrMethodFormatter

    return StrMethodFormatter("{x:,.0f}")
