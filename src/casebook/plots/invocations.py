"""Figures on the uses of the Moscow Mechanism: every invocation in time, and the totals sources give.

``invocations_timeline`` takes records of the ``invocations`` dataset; ``invocation_counts`` takes
records of the ``invocation_counts`` dataset (what each source said the total was).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from casebook.invocations import is_self_invited
from casebook.partial_dates import as_date, readable
from casebook.plots.base import PALETTE, Chart, finish, new_figure

__all__ = ["invocations_timeline", "invocation_counts"]

# route -> (legend label, colour, marker); shapes differ too, so the figure also reads in grey.
ROUTE_STYLES: dict[str, tuple[str, str, str]] = {
    "paragraph-12": ("paragraph 12 (one state and at least nine others)", "vermillion", "D"),
    "consent": ("mission of experts, with consent", "blue", "s"),
    "self": ("a state invoking it on itself", "green", "^"),
    "other": ("other (started by a CSCE body)", "purple", "v"),
    "": ("route not found", "grey", "o"),
}
UNCLEAR_TARGET = "target not confirmed"
CLOSE_DAYS = 183


def _field(record: Mapping[str, Any], name: str) -> str:
    value = record.get(name)
    return "" if value is None else str(value).strip()


def _route(record: Mapping[str, Any]) -> str:
    if is_self_invited(record):
        return "self"
    route = _field(record, "route")
    return route if route in ROUTE_STYLES else ""


def invocations_timeline(invocations: Iterable[Mapping[str, Any]]) -> Chart:
    """Every invocation of the Moscow Mechanism on a time axis: one row per target, marked by route.

    The number beside each marker is how many states invoked it. A hollow marker means the sources
    disagree about the route (its ``route_confidence`` is U).
    """
    from matplotlib.lines import Line2D

    records = sorted(invocations, key=lambda record: as_date(record["invoked"]))
    if not records:
        raise ValueError("no invocations to draw: the records are empty")
    targets: list[str] = []
    for record in records:
        target = _field(record, "target") or UNCLEAR_TARGET
        if target not in targets:
            targets.append(target)
    figure, axes = new_figure(width=9.5, height=1.8 + 0.42 * len(targets))
    days = [as_date(record["invoked"]) for record in records]
    rows = [_field(record, "target") or UNCLEAR_TARGET for record in records]
    for index, record in enumerate(records):
        target, day = rows[index], days[index]
        # Two uses on one row less than half a year apart: the later one is drawn a little higher and
        # the earlier one's number goes below it, so both markers and both numbers show.
        close_before = any(rows[j] == target and 0 <= (day - days[j]).days < CLOSE_DAYS for j in range(index))
        close_after = any(
            rows[j] == target and 0 <= (days[j] - day).days < CLOSE_DAYS
            for j in range(index + 1, len(records))
        )
        row = targets.index(target) - (0.25 if close_before else 0.0)
        _, colour, marker = ROUTE_STYLES[_route(record)]
        unsure = _field(record, "route_confidence").upper() == "U"
        axes.scatter(
            [day],
            [row],
            s=55,
            marker=marker,
            zorder=3,
            linewidths=1.6,
            color="white" if unsure else PALETTE[colour],
            edgecolors=PALETTE[colour],
        )
        states = _field(record, "invoking_states")
        if states:
            axes.annotate(
                states,
                (day, row),
                xytext=(0, -12 if close_after else 10),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=8,
                color="#333333",
            )
    axes.set_yticks(range(len(targets)), targets, fontsize=9)
    axes.set_ylim(len(targets) - 0.4, -0.6)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    used = []
    for record in records:
        if _route(record) not in used:
            used.append(_route(record))
    handles = [
        Line2D(
            [],
            [],
            marker=ROUTE_STYLES[r][2],
            linestyle="",
            color=PALETTE[ROUTE_STYLES[r][1]],
            label=ROUTE_STYLES[r][0],
        )
        for r in ROUTE_STYLES
        if r in used
    ]
    if any(_field(record, "route_confidence").upper() == "U" for record in records):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="white",
                color=PALETTE["grey"],
                label="route uncertain (sources disagree)",
            )
        )
    axes.legend(
        handles=handles,
        loc="lower left",
        fontsize=8,
        frameon=True,
        framealpha=0.95,
        title="Route (number: invoking states)",
        title_fontsize=8,
    )
    alt = _timeline_alt(records, targets)
    sources = sorted(
        {s.strip() for record in records for s in _field(record, "sources").split(";") if s.strip()}
    )
    return finish(
        figure,
        axes,
        title=f"Every use of the Moscow Mechanism we found, {as_date(records[0]['invoked']).year} to "
        f"{as_date(records[-1]['invoked']).year}",
        xlabel="Date the mechanism was invoked",
        ylabel="State concerned",
        source=f"casebook invocations dataset ({len(sources)} sources, listed with each invocation)",
        alt=alt,
    )


def _timeline_alt(records: list[Mapping[str, Any]], targets: list[str]) -> str:
    per_target = {
        target: sum(1 for r in records if (_field(r, "target") or UNCLEAR_TARGET) == target)
        for target in targets
    }
    most = sorted(per_target.items(), key=lambda item: -item[1])
    by_route: dict[str, int] = {}
    for record in records:
        label = ROUTE_STYLES[_route(record)][0]
        by_route[label] = by_route.get(label, 0) + 1
    first = readable(records[0]["invoked"], records[0].get("invoked_precision"))
    last = readable(records[-1]["invoked"], records[-1].get("invoked_precision"))
    listing = "; ".join(
        f"{readable(r['invoked'], r.get('invoked_precision'))} {_field(r, 'target') or UNCLEAR_TARGET}"
        + (f" ({_states(_field(r, 'invoking_states'))})" if _field(r, "invoking_states") else "")
        for r in records
    )
    return (
        f"{len(records)} uses of the Moscow Mechanism from {first} to {last}, one row per state concerned. "
        f"Most often: {', '.join(f'{t} {n}' for t, n in most if n == most[0][1] or n > 1)}. "
        f"By route: {', '.join(f'{label} {n}' for label, n in by_route.items())}. "
        f"In order: {listing}."
    )


def invocation_counts(counts: Iterable[Mapping[str, Any]]) -> Chart:
    """How many uses each source says there were: one bar per source, in the order of the records.

    Records need ``source_name``, ``count`` and ``as_of`` (a date at any precision, or empty when the
    source gives none); ``approximate`` (true/false) draws the bar hatched.
    """
    records = list(counts)
    if not records:
        raise ValueError("no counts to draw: the records are empty")
    figure, axes = new_figure(width=9.0, height=1.6 + 0.45 * len(records))
    labels = []
    for position, record in enumerate(records):
        value = float(record["count"])
        approximate = str(record.get("approximate", "")).strip().lower() in ("true", "1", "yes")
        axes.barh(
            position,
            value,
            height=0.6,
            color="white" if approximate else PALETTE["blue"],
            edgecolor=PALETTE["blue"],
            hatch="//" if approximate else None,
            linewidth=1.2,
        )
        said = _field(record, "said")
        axes.annotate(
            f"{_number(value)}" + (f"  ({said})" if said else ""),
            (value, position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
        )
        labels.append(f"{_field(record, 'source_name')}\n{_as_of(record)}")
    axes.set_yticks(range(len(records)), labels, fontsize=8.5)
    axes.set_ylim(len(records) - 0.5, -0.6)
    axes.set_xlim(0, max(float(r["count"]) for r in records) * 1.35)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    listing = "; ".join(
        f"{_field(r, 'source_name')} ({_as_of(r)}): {_number(float(r['count']))}"
        + (" (approximate)" if str(r.get("approximate", "")).strip().lower() in ("true", "1", "yes") else "")
        for r in records
    )
    values = [float(r["count"]) for r in records]
    alt = (
        f"A bar for each of {len(records)} sources, giving how many times the Moscow Mechanism had been "
        f"used: from {_number(min(values))} to {_number(max(values))}. {listing}."
    )
    ids = [s.strip() for r in records for s in _field(r, "sources").split(";") if s.strip()]
    return finish(
        figure,
        axes,
        title="How many uses? Totals given by different sources",
        xlabel="Number of uses of the Moscow Mechanism, as the source gives it",
        ylabel="Source, and the date its count reaches",
        source=f"casebook invocation_counts dataset ({', '.join(dict.fromkeys(ids))})",
        alt=alt,
    )


def _states(number: str) -> str:
    return f"{number} state" if number == "1" else f"{number} states"


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _as_of(record: Mapping[str, Any]) -> str:
    if not _field(record, "as_of"):
        return "date not given"
    return "to " + readable(record["as_of"], record.get("as_of_precision"))
