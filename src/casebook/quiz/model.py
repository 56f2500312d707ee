"""The quiz as typed data: one dataclass per question type, built by ``casebook.quiz.load``.

Nothing here knows about YAML, widgets or HTML. Learners' answers are plain JSON values, the same
in memory, in the progress store and in an exported file:

- ``single`` and ``evidence``: the index of the chosen option (file order);
- ``multiple``: a sorted list of option indices;
- ``numeric``, ``text`` and ``reflection``: the text the learner typed;
- ``order``: the item indices (file order) in the order the learner put them;
- ``match``: for each term (file order), the index of the chosen definition in
  ``MatchQuestion.definitions`` (or ``None`` while a term is unmatched);
- ``verdict``: ``{"verdict": code, "reason": text}``, the code one of the kit's vocabulary
  (``data/verdicts.csv``: V, U or B).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

QUESTION_TYPES = (
    "single", "multiple", "numeric", "text", "order", "match", "evidence", "reflection", "verdict",
)  # fmt: skip


@dataclass(frozen=True)
class PassageRef:
    """A place in the briefing transcript: a turn and, optionally, one sentence of it, both numbers
    counting from 1 as quiz files, tables and ``Transcript.passage`` give them."""

    turn: int
    sentence: int | None = None

    def label(self) -> str:
        """Where the passage is, in words: "turn 9, sentence 4" or "turn 4"."""
        if self.sentence is None:
            return f"turn {self.turn}"
        return f"turn {self.turn}, sentence {self.sentence}"


@dataclass(frozen=True, kw_only=True)
class Option:
    """One option of a single-choice or multiple-select question."""

    text: str
    correct: bool = False
    feedback: str | None = None
    pin_last: bool = False


@dataclass(frozen=True, kw_only=True)
class EvidenceOption:
    """One option of an evidence question: a passage of the transcript, by reference."""

    ref: PassageRef
    correct: bool = False
    feedback: str | None = None
    pin_last: bool = False


@dataclass(frozen=True, kw_only=True)
class WrongAnswer:
    """An expected wrong answer to a text question, with the feedback it deserves."""

    answer: str
    feedback: str


@dataclass(frozen=True, kw_only=True)
class MatchPair:
    """A term and the definition it matches."""

    term: str
    definition: str


@dataclass(frozen=True, kw_only=True)
class Question:
    """What every question has. Subclasses add what their type needs."""

    type: ClassVar[str] = ""
    graded: ClassVar[bool] = True

    id: str
    prompt: str
    points: float = 1.0
    attempts: int | None = None
    hints: tuple[str, ...] = ()
    explanation: str | None = None


@dataclass(frozen=True, kw_only=True)
class SingleQuestion(Question):
    """One right option among several (true/false is two options)."""

    type: ClassVar[str] = "single"
    options: tuple[Option, ...]
    shuffle: bool = False


@dataclass(frozen=True, kw_only=True)
class MultipleQuestion(Question):
    """Several right options; partial credit."""

    type: ClassVar[str] = "multiple"
    options: tuple[Option, ...]
    shuffle: bool = False


@dataclass(frozen=True, kw_only=True)
class NumericQuestion(Question):
    """A number, right within an absolute or relative tolerance, or inside an inclusive range."""

    type: ClassVar[str] = "numeric"
    answer: float | None = None
    tolerance: float = 0.0
    relative_tolerance: float | None = None
    range: tuple[float, float] | None = None
    unit: str | None = None


@dataclass(frozen=True, kw_only=True)
class TextQuestion(Question):
    """A short text answer, compared after folding case, spaces, punctuation and accents."""

    type: ClassVar[str] = "text"
    accept: tuple[str, ...] = ()
    pattern: str | None = None
    wrong: tuple[WrongAnswer, ...] = ()
    rejects: tuple[str, ...] = ()  # answers that must not be accepted: the quiz lint tries them


@dataclass(frozen=True, kw_only=True)
class OrderQuestion(Question):
    """Items to put in order; the file lists them in the right order."""

    type: ClassVar[str] = "order"
    items: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class MatchQuestion(Question):
    """Terms to match with definitions; extra definitions are distractors."""

    type: ClassVar[str] = "match"
    pairs: tuple[MatchPair, ...]
    distractors: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """The terms, in file order."""
        return tuple(pair.term for pair in self.pairs)

    @property
    def definitions(self) -> tuple[str, ...]:
        """Every definition a learner can choose: the pairs' definitions, then the distractors."""
        return tuple(pair.definition for pair in self.pairs) + self.distractors


@dataclass(frozen=True, kw_only=True)
class EvidenceQuestion(Question):
    """Pick the passage of the briefing that supports or contradicts a claim."""

    type: ClassVar[str] = "evidence"
    claim: str
    stance: str = "supports"
    options: tuple[EvidenceOption, ...]
    shuffle: bool = False


@dataclass(frozen=True, kw_only=True)
class ReflectionQuestion(Question):
    """Free text, not graded: saved and included in the learner's export."""

    type: ClassVar[str] = "reflection"
    graded: ClassVar[bool] = False
    points: float = 0.0
    min_words: int | None = None


@dataclass(frozen=True, kw_only=True)
class VerdictChoice:
    """One verdict of the kit's vocabulary (``data/verdicts.csv``): its code, label and meaning."""

    code: str
    label: str
    meaning: str


@dataclass(frozen=True, kw_only=True)
class VerdictQuestion(Question):
    """Predict, then reveal: the learner's own verdict on a claim of the briefing, with a reason.

    ``claim`` is an id of ``data/briefing/claims.csv``; ``claim_text`` and ``quote`` are that row's
    claim and the briefing's words, shown before the learner commits. The kit's verdict and sources
    are not held here: ``casebook.quiz.verdict.reveal_for`` reads them once the learner has
    committed. A committed prediction earns completion credit (``points``, 0 for none); it is never
    marked right or wrong.
    """

    type: ClassVar[str] = "verdict"
    claim: str
    claim_text: str
    quote: str
    options: tuple[VerdictChoice, ...]
    shuffle: bool = False
    min_words: int = 3
    max_chars: int = 600


QUESTION_CLASSES: dict[str, type[Question]] = {
    cls.type: cls
    for cls in (
        SingleQuestion,
        MultipleQuestion,
        NumericQuestion,
        TextQuestion,
        OrderQuestion,
        MatchQuestion,
        EvidenceQuestion,
        ReflectionQuestion,
        VerdictQuestion,
    )
}


@dataclass(frozen=True, kw_only=True)
class Quiz:
    """A quiz: its id (the file name), title, optional intro and seed, and its questions; ``moved_from``
    names the quizzes some of its questions were asked under before (their saved answers are taken over)."""

    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str | None = None
    seed: int | None = None
    moved_from: tuple[str, ...] = ()
    source: Path | None = field(default=None, compare=False)

    @property
    def max_points(self) -> float:
        """The most points the quiz can give."""
        return sum(q.points for q in self.questions if q.graded)

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError if there is none)."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def shuffle_key(self) -> str:
        """What seeds the shuffled option order: the quiz's seed if it has one, else its id."""
        return str(self.seed) if self.seed is not None else self.id
