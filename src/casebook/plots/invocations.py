"""Figures on the uses of the Moscow Mechanism: every invocation in time, and the totals sources give.

``invocations_timeline`` takes the records of the ``invocations`` dataset
(``casebook.data.load("invocations")``). ``invocation_counts`` takes the totals that sources published,
kept with that dataset: ``casebook.data.describe("invocations")["casebook:publishedTotals"]``, each a
mapping with ``total`` (a number, or None where the source gives none), ``as_stated``, ``by`` and
``sources``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from casebook.invocations import is_self_invited, text_of, when
from casebook.partial_dates import as_date
from casebook.plots.base import PALETTE, Chart, finish, new_figure, uncertain_marker
from casebook.plots.figure_cache import keyed

__all__ = ["invocations_timeline", "invocation_counts"]

# route -> (legend label, colour, marker); shapes differ too, so the figure also reads in grey.
ROUTE_STYLES: dict[str, tuple[str, str, str]] = {
    "paragraph-12": ("paragraph 12 (one state and at least nine others)", "vermillion", "D"),
    "rapporteur": ("mission of rapporteurs (six or more states)", "orange", "P"),
    "consent": ("mission of experts, with consent", "blue", "s"),
    "self": ("a state invoking it on itself", "green", "^"),
    "other": ("other (started by a CSCE body)", "purple", "v"),
    "": ("route not found", "grey", "o"),
}
UNCLEAR_TARGET = "target not confirmed"
CLOSE_DAYS = 183


def _route(record: Any) -> str:
    if is_self_invited(record):
        return "self"
    route = text_of(record, "route")
    return route if route in ROUTE_STYLES else ""


def _target(record: Any) -> str:
    return text_of(record, "target") or UNCLEAR_TARGET


def _states(number: Any) -> str:
    return f"{number} state" if str(number) == "1" else f"{number} states"


@keyed
def invocations_timeline(invocations: Iterable[Any]) -> Chart:
    """Every invocation of the Moscow Mechanism on a time axis: one row per target, marked by route.

    The number beside each marker is how many states invoked it. A hollow marker means the sources
    disagree about the route (its ``route_confidence`` is U). Records with no date cannot be placed;
    the alt text says how many there are.
    """
    from matplotlib.lines import Line2D

    given = list(invocations)
    records = sorted((r for r in given if r.invoked is not None), key=lambda r: as_date(r.invoked))
    if not records:
        raise ValueError("no invocations to draw: no record has a date")
    targets = list(dict.fromkeys(_target(record) for record in records))
    figure, axes = new_figure(width=9.5, height=1.8 + 0.42 * len(targets))
    days = [as_date(record.invoked) for record in records]
    rows = [_target(record) for record in records]
    by_marker: dict[str, tuple[list[Any], list[float], list[str], list[str]]] = {}
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
        unsure = text_of(record, "route_confidence") == "U"
        xs, ys, faces, edges = by_marker.setdefault(marker, ([], [], [], []))
        xs.append(day)
        ys.append(row)
        faces.append("white" if unsure else PALETTE[colour])
        edges.append(PALETTE[colour])
        if record.invoking_states is not None:
            axes.annotate(
                str(record.invoking_states),
                (day, row),
                xytext=(0, -12 if close_after else 10),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=8,
                color="#333333",
            )
    for marker, (xs, ys, faces, edges) in by_marker.items():  # one collection per marker shape
        axes.scatter(xs, ys, s=55, marker=marker, zorder=3, linewidths=1.6, c=faces, edgecolors=edges)
    axes.set_yticks(range(len(targets)), targets, fontsize=9)
    axes.set_ylim(len(targets) - 0.4, -0.6)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    used = {_route(record) for record in records}
    handles = [
        Line2D([], [], marker=marker, linestyle="", color=PALETTE[colour], label=label)
        for route, (label, colour, marker) in ROUTE_STYLES.items()
        if route in used
    ]
    if any(text_of(record, "route_confidence") == "U" for record in records):
        handles.append(uncertain_marker("route uncertain (sources disagree)"))
    axes.legend(
        handles=handles,
        loc="lower left",
        fontsize=8,
        frameon=True,
        framealpha=0.95,
        title="Route (number: invoking states)",
        title_fontsize=8,
    )
    sources = {source for record in records for source in getattr(record, "sources", ())}
    return finish(
        figure,
        axes,
        title=f"Every use of the Moscow Mechanism we found, {days[0].year} to {days[-1].year}",
        xlabel="Date the mechanism was invoked",
        ylabel="State concerned",
        source=f"casebook invocations dataset ({len(sources)} sources, listed with each invocation)",
        alt=_timeline_alt(records, targets, undated=len(given) - len(records)),
    )


def _timeline_alt(records: list[Any], targets: list[str], undated: int) -> str:
    per_target = {target: sum(1 for r in records if _target(r) == target) for target in targets}
    most = sorted(per_target.items(), key=lambda item: -item[1])
    by_route: dict[str, int] = {}
    for record in records:
        label = ROUTE_STYLES[_route(record)][0]
        by_route[label] = by_route.get(label, 0) + 1
    listing = "; ".join(
        f"{when(r)} {_target(r)}"
        + (f" ({_states(r.invoking_states)})" if r.invoking_states is not None else "")
        for r in records
    )
    missing = {0: "", 1: " One more has no date and is not drawn."}.get(
        undated, f" {undated} more have no date and are not drawn."
    )
    return (
        f"{len(records)} uses of the Moscow Mechanism from {when(records[0])} to {when(records[-1])}, "
        f"one row per state concerned.{missing} "
        f"Most often: {', '.join(f'{t} {n}' for t, n in most if n == most[0][1] or n > 1)}. "
        f"By route: {', '.join(f'{label} {n}' for label, n in by_route.items())}. "
        f"In order: {listing}."
    )


@keyed
def invocation_counts(totals: Iterable[Mapping[str, Any]]) -> Chart:
    """How many uses each source says there were: one bar per source, in the order given.

    A source that gives no exact number (``total`` is None, as with "about a dozen") gets no bar; its
    words are shown on its row instead.
    """
    records = list(totals)
    if not records:
        raise ValueError("no published totals to draw: the list is empty")
    numbers = [r["total"] for r in records if r.get("total") is not None]
    if not numbers:
        raise ValueError("no published total has a number: check the 'total' of each entry")
    figure, axes = new_figure(width=9.0, height=1.6 + 0.45 * len(records))
    for position, record in enumerate(records):
        # as_stated paraphrases or translates the source, so it is shown without quotation marks.
        said = str(record.get("as_stated") or "")
        if record.get("total") is None:
            axes.annotate(
                f"no exact number: {said}",
                (0, position),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
                style="italic",
            )
            continue
        axes.barh(position, record["total"], height=0.6, color=PALETTE["blue"])
        axes.annotate(
            f"{record['total']}" + (f" – {said}" if said else ""),
            (record["total"], position),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=8.5,
        )
    axes.set_yticks(range(len(records)), [_wrap(str(r.get("by", ""))) for r in records], fontsize=8.5)
    axes.set_ylim(len(records) - 0.5, -0.6)
    axes.set_xlim(0, max(numbers) * 1.45)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color="#DDDDDD", linewidth=0.8)
    listing = "; ".join(
        f"{r.get('by')}: {r['total'] if r.get('total') is not None else 'no exact number'}"
        + (f" ({r['as_stated']})" if r.get("as_stated") else "")
        for r in records
    )
    alt = (
        f"A bar for each of {len(numbers)} sources, giving how many times the Moscow Mechanism had been "
        f"used: from {min(numbers)} to {max(numbers)}"
        + (f"; {_more(len(records) - len(numbers))} no exact number" if len(numbers) < len(records) else "")
        + f". {listing}."
    )
    ids = [source for r in records for source in r.get("sources", ())]
    return finish(
        figure,
        axes,
        title="How many uses? Totals given by different sources",
        xlabel="Number of uses of the Moscow Mechanism, as the source gives it",
        ylabel="Source",
        source=f"casebook invocations dataset, published totals ({', '.join(dict.fromkeys(ids))})",
        alt=alt,
    )


def _more(number: int) -> str:
    return "one more gives" if number == 1 else f"{number} more give"


def _wrap(text: str, width: int = 34) -> str:
    import textwrap

    return textwrap.fill(text, width)
