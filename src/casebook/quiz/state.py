"""Where a learner stands on each question: attempts, last result, hints seen, answer shown.

Pure logic shared by the widgets (which only display it), the progress store (which saves
``QuestionState.record()``) and the export. No widgets here, so every rule is tested without a kernel.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from casebook.quiz.grading import Result, Status, grade
from casebook.quiz.model import Question, Quiz
from casebook.quiz.normalise import clean_answer

STATUSES = ("correct", "partial", "incorrect", "saved", "committed")


@dataclass(frozen=True)
class QuestionState:
    """One question's progress. ``status`` is None until something was submitted."""

    answer: Any = None
    status: Status | None = None
    score: float = 0.0
    attempts: int = 0
    revealed: bool = False
    hints: int = 0

    @property
    def finished(self) -> bool:
        """Right, committed (a verdict prediction), or the answer was shown: no more submissions."""
        return self.status in ("correct", "committed") or self.revealed

    @property
    def answered(self) -> bool:
        """Something was submitted and graded (or saved, for a reflection)."""
        return self.status in STATUSES

    def record(self) -> dict[str, Any]:
        """The state as a JSON-ready mapping for the progress store."""
        return {
            "answer": self.answer,
            "status": self.status,
            "score": self.score,
            "attempts": self.attempts,
            "revealed": self.revealed,
            "hints": self.hints,
        }


def state_from_record(question: Question, record: Any) -> QuestionState:
    """A state from a stored record, keeping only what fits this question. Never raises.

    A record from an older version of the quiz (an answer that no longer grades) keeps its counters
    but not its answer, so the learner simply answers again.
    """
    if not isinstance(record, dict):
        return QuestionState()

    def count(name: str, limit: int) -> int:
        value = record.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit else 0

    answer = record.get("answer")
    status = record.get("status")
    score = 0.0
    if status in STATUSES and answer is not None:
        result = grade(question, answer)
        if result.status == status:
            score = result.score
        else:
            answer, status = None, None
    else:
        answer, status = None, None
    return QuestionState(
        answer=answer,
        status=status,
        score=score,
        attempts=count("attempts", 10_000),
        revealed=record.get("revealed") is True,
        hints=count("hints", len(question.hints)),
    )


def submit(question: Question, state: QuestionState, answer: Any) -> tuple[QuestionState, Result]:
    """Grade an answer and move the state on. A finished question or an invalid answer changes nothing
    but the answer kept; running out of attempts shows the answer.

    The answer is what the browser sent: its text is cleaned first (``normalise.clean_answer``: no lone
    surrogates or control characters, NFC, bounded), so what is graded is what is saved."""
    answer = clean_answer(answer)
    result = grade(question, answer)
    if state.finished and question.graded:
        return state, result
    if not result.counts_as_attempt:
        if result.status == "saved":
            return replace(state, answer=answer, status="saved", score=0.0), result
        return state, result
    attempts = state.attempts + 1
    revealed = state.revealed or (
        question.attempts is not None and attempts >= question.attempts and not result.correct
    )
    new = replace(
        state, answer=answer, status=result.status, score=result.score, attempts=attempts, revealed=revealed
    )
    return new, result


def show_hint(question: Question, state: QuestionState) -> QuestionState:
    """One more hint shown (no change when every hint is out)."""
    return replace(state, hints=min(state.hints + 1, len(question.hints)))


def may_give_up(question: Question, state: QuestionState) -> bool:
    """Whether "Show answer" may reveal this question now: never for a verdict prediction, whose
    reveal (the kit's verdict and sources) comes only with the learner's own committed verdict."""
    return question.type != "verdict"


def kept_on_reset(question: Question, state: QuestionState) -> bool:
    """Whether "Reset quiz" keeps this question's state: a committed verdict prediction stays locked,
    so a learner cannot erase it after the reveal and predict again."""
    return question.type == "verdict" and state.status == "committed"


def reveal(state: QuestionState) -> QuestionState:
    """The learner gave up: the answer and explanation are shown, the question takes no more submissions."""
    return replace(state, revealed=True)


def attempts_left(question: Question, state: QuestionState) -> int | None:
    """How many submissions remain, or None when there is no limit."""
    if question.attempts is None:
        return None
    return max(0, question.attempts - state.attempts)


@dataclass(frozen=True)
class Summary:
    """The quiz at a glance: points earned, points possible, questions answered."""

    points: float
    max_points: float
    answered: int
    questions: int

    def text(self) -> str:
        """One line for the learner."""
        return (
            f"Score: {self.points:g} of {self.max_points:g} points · "
            f"{self.answered} of {self.questions} questions answered"
        )


def summarise(quiz: Quiz, states: dict[str, QuestionState]) -> Summary:
    """Points and answered questions over the whole quiz."""
    points = sum(q.points * states[q.id].score for q in quiz.questions if q.graded and q.id in states)
    answered = sum(1 for q in quiz.questions if q.id in states and states[q.id].answered)
    return Summary(round(points, 2), quiz.max_points, answered, len(quiz.questions))
