"""Checks for the exercises of lesson 04, claims and evidence (``solutions/04_claims_and_evidence``).

Every expected value is computed from ``data/briefing/claims.csv`` or the parsed transcript when the
check runs, so a corrected file updates the check.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from casebook.checks.compare import compare_items, compare_mapping, compare_number, compare_text
from casebook.checks.material import briefing, only, table
from casebook.checks.registry import Check


def claims_by_verdict() -> dict[str, int]:
    """How many claims have each verdict (V, U, B)."""
    return dict(Counter(claim.verdict for claim in table("claims")))


def questioner_claim_ids() -> list[str]:
    """The ids of the claims that a questioner, not the briefer, makes."""
    return [claim.id for claim in table("claims") if claim.speaker == "questioner"]


def verified_share() -> float:
    """The percentage of claims whose verdict is V."""
    claims = table("claims")
    return 100 * sum(claim.verdict == "V" for claim in claims) / len(claims)


def _opening_turn() -> int:
    """The first turn of the briefer: the opening remarks."""
    turns = [turn for turn in briefing().turns if turn.role == "briefer"]
    if not turns:
        raise LookupError("the transcript has no briefer's turn")
    return turns[0].index


def opening_markers_by_kind() -> dict[str, int]:
    """How many hedging, attribution and distancing markers the opening remarks hold, by kind."""
    opening = _opening_turn()
    return dict(Counter(marker.kind for marker in briefing().hedges() if marker.turn == opening))


def reportedly_sentence() -> str:
    """The sentence of the opening remarks with the attribution marker "reportedly"."""
    opening = _opening_turn()
    markers = [m for m in briefing().hedges("attribution") if m.marker == "reportedly" and m.turn == opening]
    return only(markers, "'reportedly' in the opening remarks").context


CHECKS = [
    Check(
        "ex04.q1",
        "how many claims have each verdict, as a dict by verdict (V, U, B)",
        claims_by_verdict,
        partial(
            compare_mapping,
            keys="verdicts",
            compare_value=partial(compare_number, what="the number of claims", whole=True),
        ),
        hint="Counter(claim.verdict for claim in claims) counts them; the keys are the capital "
        "letters 'V', 'U' and 'B', as in the data.",
    ),
    Check(
        "ex04.q2",
        "the ids of the claims made by a questioner rather than by the briefer",
        questioner_claim_ids,
        partial(compare_items, what="claim ids", item_type=str),
        hint="Each claim has a .speaker, 'briefer' or 'questioner', and an .id such as 'c01'. "
        "Give the ids, not the whole rows.",
    ),
    Check(
        "ex04.q3",
        "the percentage (0 to 100) of claims whose verdict is V, to one decimal place",
        verified_share,
        partial(compare_number, what="the percentage", abs_tol=0.05, percent=True),
        hint="Count the claims whose .verdict is 'V', divide by the number of all claims, then "
        "multiply by 100. round(x, 1) keeps one decimal.",
    ),
    Check(
        "ex04.q4",
        "how many markers of each kind (hedge, attribution, distancing) the opening remarks hold, "
        "as a dict by kind",
        opening_markers_by_kind,
        partial(
            compare_mapping,
            keys="kinds",
            compare_value=partial(compare_number, what="the number of markers", whole=True),
        ),
        hint="The opening remarks are the briefer's first turn (its .index in briefing.turns). Keep "
        "the markers m in briefing.hedges() whose m.turn is that index, then count m.kind with Counter.",
    ),
    Check(
        "ex04.q5",
        "the whole sentence of the opening remarks in which the ambassador says 'reportedly'",
        reportedly_sentence,
        partial(compare_text, what="the sentence"),
        hint="briefing.hedges('attribution') lists the attribution markers; the one whose .marker is "
        "'reportedly' has the whole sentence as its .context.",
    ),
]
