"""Figures about the briefing's checkable claims: how many were verified, and where in the briefing.

The functions take the records of the ``claims`` dataset (``casebook.data.load("claims")``), or any
objects with the same attributes: ``id``, ``verdict`` (V, U or B, as in the fact sheet) and ``where``
(the places in the briefing: "opening" for the opening remarks, "Q1"... for the question that led to
the claim; a tuple of them, or one string).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Protocol

from casebook.plots.base import PALETTE, Chart, finish, new_figure
from casebook.plots.figure_cache import keyed

__all__ = ["claims_by_verdict"]

VERDICTS: dict[str, str] = {
    "V": "Verified",
    "U": "Uncertain or disputed",
    "B": "Briefing only",
}
PARTS: tuple[str, ...] = ("Opening remarks", "Question time")
SOURCE = "casebook claims dataset (fact sheet, section 2), sources listed per claim"


class ClaimLike(Protocol):
    """What the claims figures read from a claim."""

    id: str
    verdict: str
    where: Sequence[str] | str


def _part(where: Sequence[str] | str) -> str:
    """The part of the briefing a claim belongs to: the opening remarks if it was made there."""
    places = [where] if isinstance(where, str) else list(where)
    opening = any(place.strip().lower().startswith("opening") for place in places)
    return PARTS[0] if opening else PARTS[1]


def count_by_verdict(claims: Iterable[ClaimLike]) -> dict[str, dict[str, int]]:
    """How many claims have each verdict code, split by part of the briefing.

    Returns ``{verdict code: {part: count}}`` for every code in :data:`VERDICTS` and every part in
    :data:`PARTS`, zeros included. An unknown verdict raises ``ValueError`` naming the claim and field.
    """
    counts = {code: dict.fromkeys(PARTS, 0) for code in VERDICTS}
    for number, claim in enumerate(claims, start=1):
        name = getattr(claim, "id", None) or f"claim {number}"
        verdict = str(getattr(claim, "verdict", None) or "").strip()
        if verdict not in VERDICTS:
            raise ValueError(
                f"claims: {name}: field 'verdict' is {verdict!r}; expected one of {', '.join(VERDICTS)}"
            )
        counts[verdict][_part(getattr(claim, "where", None) or "")] += 1
    return counts


@keyed
def claims_by_verdict(claims: Iterable[ClaimLike]) -> Chart:
    """A stacked bar chart: claims per verdict, split into opening remarks and question time."""
    counts = count_by_verdict(claims)
    total = sum(sum(parts.values()) for parts in counts.values())
    if total == 0:
        raise ValueError("claims_by_verdict needs at least one claim; the claims dataset gave none")

    figure, axes = new_figure(8.0, 4.5)
    names = [textwrap.fill(name, 18) for name in VERDICTS.values()]
    bottoms = [0] * len(names)
    colours = {PARTS[0]: PALETTE["blue"], PARTS[1]: PALETTE["orange"]}
    for part in PARTS:
        heights = [counts[code][part] for code in VERDICTS]
        axes.bar(names, heights, bottom=bottoms, color=colours[part], label=part, width=0.6)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for x, height in enumerate(bottoms):
        axes.annotate(f"{height}", (x, height), xytext=(0, 3), textcoords="offset points", ha="center")
    axes.set_ylim(0, max(bottoms) * 1.2)
    axes.legend(frameon=False)

    parts = [
        f"{VERDICTS[code]}: {sum(by_part.values())} "
        f"({by_part[PARTS[0]]} from the opening remarks, {by_part[PARTS[1]]} from question time)"
        for code, by_part in counts.items()
    ]
    alt = f"Stacked bar chart of the briefing's {total} checkable claims by verdict. {'; '.join(parts)}."
    return finish(
        figure,
        axes,
        title="Checkable claims in the briefing, by verdict",
        xlabel="Verdict after checking against sources",
        ylabel="Number of claims",
        source=SOURCE,
        alt=alt,
    )
