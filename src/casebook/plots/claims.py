"""Figures about the briefing's checkable claims: how many were verified, and where in the briefing.

The functions take the records of the ``claims`` dataset (``casebook.data.load("claims")``), or any
objects with the same attributes: ``id``, ``verdict`` (V, U or B, as in the fact sheet) and ``where``
(the places in the briefing: "opening" for the opening remarks, "Q1"... for the question that led to
the claim; a tuple of them, or one string). The verdicts' labels come from the kit's one vocabulary,
``data/verdicts.csv`` (``casebook.data.load("verdicts")``); pass those records as ``verdicts`` so
that the figure's stored image is keyed on them too.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Protocol

from casebook.plots.base import PALETTE, Chart, finish, new_figure
from casebook.plots.figure_cache import keyed

__all__ = ["claims_by_verdict"]

PARTS: tuple[str, ...] = ("Opening remarks", "Question time")
SOURCE = "casebook claims dataset (fact sheet, section 2), sources listed per claim"


class VerdictLike(Protocol):
    """What the figures read from a verdict of the vocabulary (``casebook.data.records.Verdict``)."""

    code: str
    label: str


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


def verdict_labels(verdicts: Iterable[VerdictLike] | None = None) -> dict[str, str]:
    """``{code: label}`` in the vocabulary's order: from ``verdicts``, else from ``data/verdicts.csv``."""
    if verdicts is None:
        from casebook import data

        verdicts = data.load("verdicts")
    labels = {str(v.code): str(v.label) for v in verdicts}
    if not labels:
        raise ValueError("verdicts: the vocabulary is empty; data/verdicts.csv needs at least one row")
    return labels


def count_by_verdict(
    claims: Iterable[ClaimLike], verdicts: Iterable[VerdictLike] | None = None
) -> dict[str, dict[str, int]]:
    """How many claims have each verdict code, split by part of the briefing.

    Returns ``{verdict code: {part: count}}`` for every code of the vocabulary (``verdict_labels``)
    and every part in :data:`PARTS`, zeros included. An unknown verdict raises ``ValueError`` naming
    the claim and field.
    """
    labels = verdict_labels(verdicts)
    counts = {code: dict.fromkeys(PARTS, 0) for code in labels}
    for number, claim in enumerate(claims, start=1):
        name = getattr(claim, "id", None) or f"claim {number}"
        verdict = str(getattr(claim, "verdict", None) or "").strip()
        if verdict not in counts:
            raise ValueError(
                f"claims: {name}: field 'verdict' is {verdict!r}; expected one of {', '.join(counts)}"
            )
        counts[verdict][_part(getattr(claim, "where", None) or "")] += 1
    return counts


@keyed
def claims_by_verdict(claims: Iterable[ClaimLike], verdicts: Sequence[VerdictLike] | None = None) -> Chart:
    """A stacked bar chart: claims per verdict, split into opening remarks and question time.

    ``verdicts``: the vocabulary's records (``data.load("verdicts")``); left out, it is read from
    ``data/verdicts.csv``, but then the stored image's key does not include the labels."""
    labels = verdict_labels(verdicts)
    counts = count_by_verdict(claims, verdicts)
    total = sum(sum(parts.values()) for parts in counts.values())
    if total == 0:
        raise ValueError("claims_by_verdict needs at least one claim; the claims dataset gave none")

    figure, axes = new_figure(8.0, 4.5)
    names = [textwrap.fill(name, 18) for name in labels.values()]
    bottoms = [0] * len(names)
    colours = {PARTS[0]: PALETTE["blue"], PARTS[1]: PALETTE["orange"]}
    for part in PARTS:
        heights = [counts[code][part] for code in labels]
        axes.bar(names, heights, bottom=bottoms, color=colours[part], label=part, width=0.6)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    for x, height in enumerate(bottoms):
        axes.annotate(f"{height}", (x, height), xytext=(0, 3), textcoords="offset points", ha="center")
    axes.set_ylim(0, max(bottoms) * 1.2)
    axes.legend(frameon=False)

    parts = [
        f"{labels[code]}: {sum(by_part.values())} "
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
