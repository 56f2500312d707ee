"""Answers in words: the right answer of a question (for "Show answer" and the answer key) and a
learner's answer (for exports and the teacher's table). Pure functions, no widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casebook.quiz.model import (
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    SingleQuestion,
    TextQuestion,
    VerdictQuestion,
)
from casebook.quiz.passages import BRIEFING, TranscriptLike, resolve


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def right_answer_lines(question: Question, transcript: TranscriptLike | None = BRIEFING) -> list[str]:
    """The right answer as short plain-text lines ("" list for reflection questions)."""
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        return [option.text for option in question.options if option.correct]
    if isinstance(question, EvidenceQuestion):
        return [resolve(o.ref, transcript).display() for o in question.options if o.correct]
    if isinstance(question, NumericQuestion):
        unit = f" {question.unit}" if question.unit else ""
        if question.range is not None:
            low, high = question.range
            return [f"any number from {_number(low)} to {_number(high)}{unit}"]
        answer = _number(question.answer or 0.0) + unit
        if question.relative_tolerance:
            return [f"{answer} (within {question.relative_tolerance:.0%})"]
        if question.tolerance:
            return [f"{answer} (give or take {_number(question.tolerance)})"]
        return [answer]
    if isinstance(question, TextQuestion):
        lines = list(question.accept[:1])
        if len(question.accept) > 1:
            lines.append("also accepted: " + "; ".join(question.accept[1:]))
        if question.pattern:
            lines.append(f"or any answer matching the pattern {question.pattern}")
        return lines
    if isinstance(question, OrderQuestion):
        return [f"{place}. {item}" for place, item in enumerate(question.items, start=1)]
    if isinstance(question, MatchQuestion):
        return [f"{pair.term} → {pair.definition}" for pair in question.pairs]
    if isinstance(question, VerdictQuestion):
        return _kit_verdict_lines(question)
    return []


def _kit_verdict_lines(question: VerdictQuestion) -> list[str]:
    """The kit's verdict on the question's claim, read from claims.csv now (answer keys only: a
    prediction has no right answer, and the widget shows this only after the learner commits)."""
    from casebook.quiz.verdict import kit_claims

    return _verdict_lines(question, kit_claims(), "kit", "claims.csv")


def verdict_key_lines(question: VerdictQuestion, quiz_file: Path | None) -> tuple[str, list[str]]:
    """Whose verdict an answer key gives ("kit", or "case" for a quiz of ``casebook case new``) and its
    lines, from the claims the quiz reads (``casebook.quiz.claims_book``). Never raises."""
    from casebook.quiz.claims_book import claims_book

    try:
        book = claims_book(quiz_file)
    except Exception as exc:  # noqa: BLE001 - a data problem is one line of the key
        return "kit", [f"(the claims could not be read: {exc})"]
    return book.whose, _verdict_lines(question, book.claims, book.whose, book.file)


def _verdict_lines(question: VerdictQuestion, claims: dict[str, Any], whose: str, file: str) -> list[str]:
    from casebook.quiz.verdict import label_of

    claim = claims.get(question.claim)
    if claim is None:
        return [f"(claim {question.claim} is not in {file})"]
    label = label_of(claim.verdict, question.options) if claim.verdict else "none yet"
    lines = [f"The {whose}'s verdict on claim {claim.id}: {label}"]
    if claim.verdict_detail:
        lines.append(f"Part by part: {claim.verdict_detail}")
    if whose == "case":
        lines.append("Sources: " + (claim.sources_say or "none filled in yet"))
    else:
        lines.append("Sources: " + (", ".join(claim.sources) if claim.sources else "none checked"))
    return lines


def describe_answer(question: Question, answer: Any, transcript: TranscriptLike | None = None) -> str:
    """A learner's stored answer in words, for exports and results tables. Never raises."""
    try:
        return _describe(question, answer, transcript)
    except (TypeError, IndexError, ValueError, KeyError):
        return str(answer)


def _describe(question: Question, answer: Any, transcript: TranscriptLike | None) -> str:
    if answer is None:
        return ""
    if isinstance(question, (SingleQuestion, MultipleQuestion)):
        chosen = [answer] if isinstance(question, SingleQuestion) else list(answer)
        return "; ".join(question.options[i].text for i in chosen)
    if isinstance(question, EvidenceQuestion):
        return resolve(question.options[answer].ref, transcript).label()
    if isinstance(question, VerdictQuestion):
        from casebook.quiz.verdict import label_of

        code, reason = answer["verdict"], " ".join(str(answer.get("reason") or "").split())
        return f"{label_of(code, question.options)} ({code}): {reason}" if reason else str(code)
    if isinstance(question, OrderQuestion):
        return " | ".join(question.items[i] for i in answer)
    if isinstance(question, MatchQuestion):
        definitions = question.definitions
        return "; ".join(
            f"{term} → {definitions[d] if isinstance(d, int) else '(none)'}"
            for term, d in zip(question.terms, answer, strict=False)
        )
    return str(answer)
