"""Checks for the exercises of lesson 04, claims and evidence (``solutions/04_claims_and_evidence``).

Course content, not engine: each expected value is computed from ``data/briefing/claims.csv`` or the
parsed transcript when the check runs, so a corrected file updates the check. Each parameter of a
question is written once, below, and the question and its hint are built from it.
"""

from __future__ import annotations

from collections import Counter

from casebook.checks import Check
from casebook.checks.kinds import counts, items, percentage, sentence
from casebook.checks.material import briefing, only, table

SPEAKER = "questioner"  # whose claims the exercise asks for
VERDICT = "V"  # the verdict whose share is asked
MARKER = "reportedly"  # the attribution marker whose sentence is asked


def claims_by_verdict() -> dict[str, int]:
    """How many claims have each verdict (V, U, B)."""
    return dict(Counter(claim.verdict for claim in table("claims")))


def speaker_claim_ids() -> list[str]:
    """The ids of the claims that a questioner, not the briefer, makes."""
    return [claim.id for claim in table("claims") if claim.speaker == SPEAKER]


def verdict_share() -> float:
    """The percentage of claims with the verdict asked about."""
    claims = table("claims")
    return 100 * sum(claim.verdict == VERDICT for claim in claims) / len(claims)


def _opening_turn() -> int:
    """The number (from 1) of the briefer's first turn: the opening remarks."""
    turns = [turn for turn in briefing().turns if turn.role == "briefer"]
    if not turns:
        raise LookupError("the transcript has no briefer's turn")
    return turns[0].number


def opening_markers_by_kind() -> dict[str, int]:
    """How many hedging, attribution and distancing markers the opening remarks hold, by kind."""
    opening = _opening_turn()
    return dict(Counter(marker.kind for marker in briefing().hedges() if marker.turn == opening))


def marker_sentence() -> str:
    """The sentence of the opening remarks with the attribution marker asked about."""
    opening = _opening_turn()
    markers = [m for m in briefing().hedges("attribution") if m.marker == MARKER and m.turn == opening]
    return only(markers, f"{MARKER!r} in the opening remarks").context


# id, what is asked, expected value, how an answer is compared, hint
CHECKS = [
    Check(
        "ex04.q1",
        "how many claims have each verdict, as a dict by verdict (V, U, B)",
        claims_by_verdict,
        counts("verdicts", "the number of claims"),
        "collections.Counter counts the claims' .verdict values; the keys are the capital letters "
        "as the data writes them.",
    ),
    Check(
        "ex04.q2",
        f"the ids of the claims made by a {SPEAKER} rather than by the briefer",
        speaker_claim_ids,
        items("claim ids", str),
        f"Each claim has a .speaker ('briefer' or '{SPEAKER}') and an .id such as 'c01'. Give the "
        "ids, not the whole rows.",
    ),
    Check(
        "ex04.q3",
        f"the percentage (0 to 100) of claims whose verdict is {VERDICT}, to one decimal place",
        verdict_share,
        percentage("the percentage"),
        f"Count the claims whose .verdict is '{VERDICT}', divide by the number of all claims, then "
        "multiply by 100. round(x, 1) keeps one decimal.",
    ),
    Check(
        "ex04.q4",
        "how many markers of each kind (hedge, attribution, distancing) the opening remarks hold, "
        "as a dict by kind",
        opening_markers_by_kind,
        counts("kinds", "the number of markers"),
        "The opening remarks are the briefer's first turn (its .number, counting from 1). Keep "
        "the markers in briefing.hedges() said in that turn, then count their .kind.",
    ),
    Check(
        "ex04.q5",
        f"the whole sentence of the opening remarks in which the ambassador says '{MARKER}'",
        marker_sentence,
        sentence(),
        f"briefing.hedges('attribution') lists the attribution markers; the one whose .marker is "
        f"'{MARKER}' has the whole sentence as its .context.",
    ),
]
