"""Predict, then reveal: a learner's own verdict on a claim of the briefing, set beside the kit's.

A ``verdict`` question names a claim of ``data/briefing/claims.csv`` by its id. Before the learner
commits, the page shows only the claim, the briefing's own words and the kit's verdict vocabulary
(``data/verdicts.csv``: V, U, B with their labels). The kit's verdict, what the sources say and the
sources themselves are read from ``claims.csv`` and ``sources.csv`` only at reveal time, by
``reveal_for``, so no page carries them before the learner has committed.

Pure functions over records (``casebook.data`` records or any objects with the same attributes);
``kit_claims``, ``kit_sources`` and ``vocabulary`` read the kit's data when no records are passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.quiz.model import VerdictChoice

#: Bounds on the learner's reason: long enough to say why, short enough to stay a prediction.
DEFAULT_MIN_WORDS = 3
DEFAULT_MAX_CHARS = 600


def vocabulary(records: Iterable[Any] | None = None) -> tuple[VerdictChoice, ...]:
    """The kit's verdict vocabulary, in file order: from ``records``, else ``data/verdicts.csv``."""
    if records is None:
        from casebook import data

        records = data.load("verdicts")
    return tuple(VerdictChoice(code=r.code, label=r.label, meaning=r.meaning) for r in records)


def kit_claims() -> dict[str, Any]:
    """The kit's claims by id (``data/briefing/claims.csv``)."""
    from casebook import data

    return {claim.id: claim for claim in data.load("claims")}


def kit_sources() -> dict[str, Any]:
    """The kit's sources by id (``data/sources.csv``)."""
    from casebook import data

    return {source.id: source for source in data.load("sources")}


def claim_problem(claim_id: Any, quiz_file: str | Path | None = None) -> str | None:
    """Why a quiz file's ``claim`` cannot be used, or None: it must be an id of the claims the quiz
    reads (``claims_book``: the kit's ``claims.csv``, or the case's own for a case's quiz)."""
    if not isinstance(claim_id, str):
        return None  # the schema reports it
    from casebook.quiz.claims_book import claims_book

    try:
        book = claims_book(quiz_file)
    except Exception as exc:  # noqa: BLE001 - any data problem is one line in the quiz's problems
        return f"the claims could not be read to check '{claim_id}': {exc}"
    if claim_id not in book.claims:
        known = sorted(book.claims)
        shown = ", ".join(known[:3]) + (f" ... {known[-1]}" if len(known) > 3 else "")
        return f"'{claim_id}' is not a claim id of {book.file} (its ids: {shown or 'none'})"
    return None


def question_fields(question: dict[str, Any], claims: dict[str, Any] | None = None) -> dict[str, Any]:
    """The fields of a ``VerdictQuestion`` beyond the common ones, from a checked quiz mapping: the
    claim and the briefing's words from ``claims`` (default: the kit's ``claims.csv``), the options
    from the vocabulary. Never the verdict or its sources."""
    claim = (kit_claims() if claims is None else claims)[question["claim"]]
    return {
        "claim": claim.id,
        "claim_text": claim.claim,
        "quote": claim.quote,
        "options": vocabulary(),
        "shuffle": bool(question.get("shuffle", False)),
        "min_words": int(question.get("min_words", DEFAULT_MIN_WORDS)),
        "max_chars": int(question.get("max_chars", DEFAULT_MAX_CHARS)),
    }


def label_of(code: Any, choices: Sequence[VerdictChoice]) -> str:
    """The label of a verdict code ("Uncertain or disputed"), or the code itself if it is unknown."""
    for choice in choices:
        if choice.code == code:
            return choice.label
    return str(code)


def difference_sentence(mine: str, kits: str, choices: Sequence[VerdictChoice], whose: str = "kit") -> str:
    """One plain sentence: where the learner's verdict and the kit's (or the case's) agree or differ."""
    own, kit = label_of(mine, choices), label_of(kits, choices)
    if whose != "kit":
        if not kits:
            return (
                f"You said \u201c{own}\u201d; the case's claims.csv gives no verdict on this claim yet, "
                "so your reason is the only check so far."
            )
        return (
            f"Your verdict and the case's are the same: both say \u201c{kit}\u201d."
            if mine == kits
            else f"You said \u201c{own}\u201d; the case's claims.csv says \u201c{kit}\u201d: compare "
            "your reason with what its sources say."
        )
    if mine == kits:
        return f"Your verdict and the kit's are the same: both say \u201c{kit}\u201d."
    if kits == "B":
        return (
            f"You said \u201c{own}\u201d; the kit says \u201c{kit}\u201d, because it checked no "
            "independent source, so your reason is the only check so far."
        )
    if mine == "B":
        return (
            f"You said \u201c{own}\u201d; the kit says \u201c{kit}\u201d, because it found sources: "
            "read what they say below."
        )
    return (
        f"You said \u201c{own}\u201d; the kit says \u201c{kit}\u201d: compare your reason with what "
        "the sources below say."
    )


@dataclass(frozen=True)
class SourceLine:
    """One source of the kit's verdict, with who is behind it."""

    id: str
    publisher: str
    publisher_type: str
    title: str
    url: str | None


@dataclass(frozen=True)
class Reveal:
    """What the learner sees once they have committed: their verdict beside the kit's, and why."""

    claim_id: str
    mine: str
    mine_label: str
    reason: str
    kit: str
    kit_label: str
    detail: str | None
    sources_say: str
    note: str | None
    sources: tuple[SourceLine, ...]
    unknown_sources: tuple[str, ...]
    difference: str
    whose: str = "kit"  # "case": the verdict is the case's own, from its claims.csv


def committed_answer(answer: Any) -> tuple[str, str] | None:
    """The (verdict code, reason) of a well-formed answer, else None."""
    if not isinstance(answer, dict):
        return None
    code, reason = answer.get("verdict"), answer.get("reason")
    if not isinstance(code, str) or not isinstance(reason, str):
        return None
    return code, reason


def reveal_for(
    claim_id: str,
    answer: Any,
    choices: Sequence[VerdictChoice],
    claims: dict[str, Any] | None = None,
    sources: dict[str, Any] | None = None,
    whose: str = "kit",
) -> Reveal | None:
    """The reveal of a committed answer on ``claim_id``, or None when the answer is not one or the
    claim is not in ``claims`` (default: the kit's own claims and sources, read now). ``whose`` is
    "case" for a case's own claims (``casebook.quiz.claims_book``)."""
    given = committed_answer(answer)
    if given is None:
        return None
    claims = kit_claims() if claims is None else claims
    claim = claims.get(claim_id)
    if claim is None:
        return None
    sources = kit_sources() if sources is None else sources
    mine, reason = given
    lines = tuple(
        SourceLine(s.id, s.publisher, s.publisher_type, s.title, s.url)
        for s in (sources.get(i) for i in claim.sources)
        if s is not None
    )
    return Reveal(
        claim_id=claim.id,
        mine=mine,
        mine_label=label_of(mine, choices),
        reason=reason,
        kit=claim.verdict,
        kit_label=label_of(claim.verdict, choices),
        detail=claim.verdict_detail,
        sources_say=claim.sources_say,
        note=claim.note,
        sources=lines,
        unknown_sources=tuple(i for i in claim.sources if i not in sources),
        difference=difference_sentence(mine, claim.verdict, choices, whose),
        whose=whose,
    )


@dataclass(frozen=True)
class ClaimTally:
    """How a class's committed verdicts on one claim compare with the kit's verdict."""

    quiz: str
    question: str
    claim: str
    kit: str  # the kit's verdict, from the teacher's claims.csv; "" if the claim is not there
    chose: dict[str, int]  # verdict code -> learners who chose it (every code of the vocabulary)
    not_committed: int

    @property
    def committed(self) -> int:
        """Learners who committed a verdict."""
        return sum(self.chose.values())

    @property
    def agree(self) -> int:
        """Learners whose verdict is the kit's."""
        return self.chose.get(self.kit, 0)


def tally(exports: Iterable[Any], claims: dict[str, Any] | None = None) -> list[ClaimTally]:
    """Per verdict question of the re-graded ``exports`` (``regrade.GradedExport``): how many learners
    chose each verdict, against the kit's verdict on the claim as the teacher's ``claims.csv`` gives it
    (default: read now). Nothing a learner's file says about the kit's verdict is used."""
    from casebook.quiz.model import VerdictQuestion

    claims = kit_claims() if claims is None else claims
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for export in sorted(exports, key=lambda e: e.quiz.id):
        for answer in export.answers:
            question = answer.question
            if not isinstance(question, VerdictQuestion):
                continue
            key = (export.quiz.id, question.id)
            if key not in found:
                claim = claims.get(question.claim)
                found[key] = {
                    "claim": question.claim,
                    "kit": claim.verdict if claim is not None else "",
                    "chose": {choice.code: 0 for choice in question.options},
                    "open": 0,
                }
            entry = found[key]
            given = committed_answer(answer.answer) if answer.outcome == "committed" else None
            if given is not None and given[0] in entry["chose"]:
                entry["chose"][given[0]] += 1
            else:
                entry["open"] += 1
    return [
        ClaimTally(quiz, question, e["claim"], e["kit"], e["chose"], e["open"])
        for (quiz, question), e in found.items()
    ]


TALLY_COLUMNS = ["quiz", "question", "claim", "kit_verdict", "learners", "committed", "same_as_kit"]


def tally_rows(tallies: Sequence[ClaimTally]) -> tuple[list[str], list[list[Any]]]:
    """``verdicts.csv``'s header and rows: one row per verdict question, a ``chose_<code>`` column
    per verdict code (in the vocabulary's order) and ``not_committed``."""
    codes: list[str] = []
    for item in tallies:
        codes += [code for code in item.chose if code not in codes]
    header = [*TALLY_COLUMNS, *(f"chose_{code}" for code in codes), "not_committed"]
    rows = [
        [t.quiz, t.question, t.claim, t.kit, t.committed + t.not_committed, t.committed, t.agree,
         *(t.chose.get(code, 0) for code in codes), t.not_committed]
        for t in tallies
    ]  # fmt: skip
    return header, rows
