"""Grading: one pure function per question type, and ``grade`` to pick the right one.

Each function takes a question and whatever the learner gave (any Python value at all) and returns a
``Result``; none of them raises. A result whose ``status`` is ``"invalid"`` means there was nothing
to grade yet (no option chosen, not a number): it says what to do and does not use up an attempt.

Feedback is plain text (Markdown allowed, as in the quiz file) whose first line starts with a word
and a symbol, never colour alone: "✔ Correct", "◑ Partly right", "✘ Not quite", "ⓘ" (nothing to
check yet) or "✔ Saved" (reflection).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Literal, get_args

from casebook.quiz.model import (
    EvidenceOption,
    EvidenceQuestion,
    MatchQuestion,
    MultipleQuestion,
    NumericQuestion,
    Option,
    OrderQuestion,
    Question,
    ReflectionQuestion,
    SingleQuestion,
    TextQuestion,
    VerdictQuestion,
)
from casebook.quiz.normalise import NotANumber, comparison_key, fold_text, parse_number, word_count
from casebook.quiz.patterns import PatternTimeout, search

CORRECT = "✔ Correct."
PARTLY = "◑ Partly right."
WRONG = "✘ Not quite."
NOTHING = "ⓘ Nothing to check yet."
SAVED = "✔ Saved."
COMMITTED = "✔ Committed."

MAX_TEXT_CHARS = 500
MAX_REFLECTION_CHARS = 20_000
MAX_CHOICES = 1_000  # longer lists of chosen options are not a learner's answer


# What grading one answer gives; ``invalid``: nothing to grade yet, ``saved``: a reflection kept.
# ``unsaved`` is never graded: the quiz view shows it for a reflection its store could not save.
Status = Literal["correct", "partial", "incorrect", "invalid", "saved", "unsaved", "committed"]
STATUSES: tuple[Status, ...] = get_args(Status)


@dataclass(frozen=True)
class Result:
    """The outcome of grading one answer.

    status: "correct", "partial", "incorrect", "invalid" (nothing to grade), "saved" (reflection)
    or "committed" (a verdict prediction: completion credit, never right or wrong).
    score: 0..1, the share of the question's points earned.
    """

    status: Status
    score: float
    feedback: str

    @property
    def correct(self) -> bool:
        """True when the answer is fully right."""
        return self.status == "correct"

    @property
    def counts_as_attempt(self) -> bool:
        """Whether this submission uses up one of the question's attempts."""
        return self.status in ("correct", "partial", "incorrect", "committed")


def _invalid(message: str) -> Result:
    return Result("invalid", 0.0, f"{NOTHING} {message}")


def _verdict(score: float, details: list[str]) -> Result:
    status: Status
    if score >= 1.0:
        status, head = "correct", CORRECT
    elif score > 0.0:
        status, head = "partial", PARTLY
    else:
        status, head = "incorrect", WRONG
    return Result(status, max(0.0, min(1.0, score)), "\n\n".join([head, *[d for d in details if d]]))


def _as_index(value: Any, count: int) -> int | None:
    """An option index from a learner's value, or None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 <= value < count else None


def _one_chosen(options: Sequence[Option | EvidenceOption], answer: Any, what: str) -> Result:
    """One of ``options`` chosen: right or wrong, with that option's feedback."""
    index = _as_index(answer, len(options))
    if index is None:
        return _invalid(f"Choose one {what}, then check.")
    option = options[index]
    return _verdict(1.0 if option.correct else 0.0, [option.feedback or ""])


def grade_single(question: SingleQuestion, answer: Any) -> Result:
    """One option chosen: right or wrong, with that option's feedback."""
    return _one_chosen(question.options, answer, "option")


def grade_multiple(question: MultipleQuestion, answer: Any) -> Result:
    """Several options chosen: (right chosen - wrong chosen) / number right, never below zero."""
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return _invalid("Tick the options you think are right, then check.")
    values = list(islice(answer, MAX_CHOICES + 1))
    indices = [_as_index(value, len(question.options)) for value in values]
    if len(values) > MAX_CHOICES or None in indices:
        return _invalid("Tick the options you think are right, then check.")
    chosen = {i for i in indices if i is not None}  # all of them: None was refused above
    if not chosen:
        return _invalid("Tick at least one option, then check.")
    right = {i for i, option in enumerate(question.options) if option.correct}
    hits, misses = len(chosen & right), len(chosen - right)
    score = (hits - misses) / len(right) if right else 0.0
    details = [question.options[i].feedback or "" for i in sorted(chosen)]
    if 0.0 <= score < 1.0:
        summary = f"You chose {hits} of the {len(right)} right options"
        summary += f" and {misses} wrong one{'s' if misses != 1 else ''}." if misses else "."
        details.insert(0, summary)
    return _verdict(score, details)


def grade_numeric(question: NumericQuestion, answer: Any) -> Result:
    """A number within the tolerance (absolute or relative) or inside the range counts as right."""
    try:
        number = parse_number(answer, question.unit)
    except NotANumber as exc:
        return _invalid(str(exc))
    if question.range is not None:
        low, high = question.range
    else:
        target = question.answer if question.answer is not None else 0.0
        margin = question.tolerance
        if question.relative_tolerance is not None:
            margin = abs(target) * question.relative_tolerance
        low, high = target - margin, target + margin
    if low <= number <= high:
        return _verdict(1.0, [])
    return _verdict(0.0, ["Your number is too high." if number > high else "Your number is too low."])


def text_matches(question: TextQuestion, answer: str) -> bool:
    """Whether a typed answer is accepted: an accepted answer once folded, or a match of the pattern.

    Raises PatternTimeout when the pattern is refused by ``patterns.pattern_problem`` or runs out of
    its time budget (see ``casebook.quiz.patterns``)."""
    key = comparison_key(answer)
    if key and any(key == comparison_key(accepted) for accepted in question.accept):
        return True
    if question.pattern:
        try:
            return search(question.pattern, fold_text(answer), re.IGNORECASE)
        except re.error:
            return False
    return False


def grade_text(question: TextQuestion, answer: Any) -> Result:
    """A short answer, compared after folding case, spaces, punctuation and accents."""
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        answer = str(answer)
    if not isinstance(answer, str) or not answer.strip():
        return _invalid("Type your answer, then check.")
    if len(answer) > MAX_TEXT_CHARS:
        return _invalid(f"That is longer than a short answer ({MAX_TEXT_CHARS} characters at most).")
    if not comparison_key(answer):
        return _invalid("Your answer has no letters or digits in it.")
    try:
        matched = text_matches(question, answer)
    except PatternTimeout:
        return _invalid(
            "This answer could not be checked: the question's pattern takes too long to match. "
            "Tell your teacher (the quiz file needs a simpler pattern)."
        )
    if matched:
        return _verdict(1.0, [])
    key = comparison_key(answer)
    for wrong in question.wrong:
        if key == comparison_key(wrong.answer):
            return _verdict(0.0, [wrong.feedback])
    return _verdict(0.0, [])


def grade_order(question: OrderQuestion, answer: Any) -> Result:
    """Items in order: the share of pairs of items in the right relative order."""
    count = len(question.items)
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return _invalid("Put the items in order, then check.")
    order = list(islice(answer, count + 1))
    indices = [_as_index(value, count) for value in order]
    if len(indices) != count or None in indices or len(set(indices)) != count:
        return _invalid("Put every item in the list exactly once, then check.")
    position = {item: place for place, item in enumerate(indices)}
    pairs = [(a, b) for a in range(count) for b in range(a + 1, count)]
    right = sum(1 for a, b in pairs if position[a] < position[b])
    score = right / len(pairs)
    details = [] if score == 1.0 else [f"{right} of {len(pairs)} pairs of items are in the right order."]
    return _verdict(score, details)


def grade_match(question: MatchQuestion, answer: Any) -> Result:
    """Terms matched with definitions: the share of terms matched rightly."""
    count, choices = len(question.pairs), len(question.definitions)
    if isinstance(answer, (str, bytes)) or not hasattr(answer, "__iter__"):
        return _invalid("Choose a definition for each term, then check.")
    chosen = list(islice(answer, count + 1))
    if len(chosen) != count:
        return _invalid("Choose a definition for each term, then check.")
    indices = [_as_index(value, choices) for value in chosen]
    open_terms = sum(1 for i in indices if i is None)
    if open_terms:
        return _invalid(f"Choose a definition for every term ({open_terms} still open), then check.")
    right = sum(1 for term, definition in enumerate(indices) if definition == term)
    details = [] if right == count else [f"{right} of {count} terms are matched rightly."]
    return _verdict(right / count, details)


def grade_evidence(question: EvidenceQuestion, answer: Any) -> Result:
    """One passage chosen: right or wrong, with that option's feedback."""
    return _one_chosen(question.options, answer, "passage")


def grade_reflection(question: ReflectionQuestion, answer: Any) -> Result:
    """Free text is never graded; it is saved, with a gentle nudge if it is shorter than asked."""
    if not isinstance(answer, str) or not answer.strip():
        return _invalid("Write your thoughts in the box, then save.")
    if len(answer) > MAX_REFLECTION_CHARS:
        return _invalid(
            f"That is too long to save ({len(answer):,} characters; at most {MAX_REFLECTION_CHARS:,}). "
            "Shorten it a little, then save."
        )
    words = word_count(answer)
    message = f"{SAVED} {words} word{'s' if words != 1 else ''}; this answer is not graded."
    if question.min_words and words < question.min_words:
        message += f" You could say more: aim for about {question.min_words} words."
    return Result("saved", 0.0, message)


def grade_verdict(question: VerdictQuestion, answer: Any) -> Result:
    """A prediction: a verdict of the vocabulary and a reason of bounded length. Committing one earns
    the question's points whatever the verdict (the kit's verdict is shown beside it, not graded)."""
    if not isinstance(answer, dict):
        return _invalid("Choose a verdict and write your reason, then commit.")
    code, reason = answer.get("verdict"), answer.get("reason")
    choice = next((c for c in question.options if isinstance(code, str) and c.code == code), None)
    if choice is None:
        return _invalid("Choose a verdict, then commit.")
    if not isinstance(reason, str) or not reason.strip():
        return _invalid("Write a short reason for your verdict, then commit.")
    if len(reason) > question.max_chars:
        return _invalid(
            f"Your reason is {len(reason):,} characters long; keep it to {question.max_chars:,} at most."
        )
    words = word_count(reason)
    if words < question.min_words:
        return _invalid(f"Say a little more: give your reason in at least {question.min_words} words.")
    return Result(
        "committed",
        1.0,
        f"{COMMITTED} Your verdict: {choice.label}. A prediction is not marked right or wrong; "
        "compare it with the kit's below.",
    )


GRADERS: dict[str, Callable[[Any, Any], Result]] = {
    "single": grade_single,
    "multiple": grade_multiple,
    "numeric": grade_numeric,
    "text": grade_text,
    "order": grade_order,
    "match": grade_match,
    "evidence": grade_evidence,
    "reflection": grade_reflection,
    "verdict": grade_verdict,
}


def grade(question: Question, answer: Any) -> Result:
    """Grade any question with the function for its type. Never raises."""
    try:
        return GRADERS[question.type](question, answer)
    except Exception:  # a last guard: learners must never see a traceback from a wrong input
        return _invalid("That answer could not be read. Try again.")
