"""Fixtures for the quiz tests: a small stand-in transcript, quiz files on disk, an isolated store."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from casebook.quiz.load import load_quiz


@dataclass
class FakeTurn:
    """A turn as the transcript toolkit's contract describes it."""

    speaker: str
    role: str
    sentences: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass
class FakeTranscript:
    turns: list[FakeTurn]


FAKE = FakeTranscript(
    [
        FakeTurn("MODERATOR", "moderator", ["Welcome to the briefing.", "It is on the record."]),
        FakeTurn("AMBASSADOR", "briefer", ["Thirty-eight states invoked it.", "We did not act alone."]),
        FakeTurn("QUESTION", "questioner", ["Why now?"]),
    ]
)

# One question of every type, answers known, used across the tests. Evidence refs fit FAKE.
EVERY_TYPE = """
id: every_type
title: "Every type"
seed: 7
questions:
  - id: one
    type: single
    prompt: "Pick B"
    options:
      - {text: "A", feedback: "A is wrong"}
      - {text: "B", correct: true, feedback: "B is right"}
      - {text: "C"}
  - id: many
    type: multiple
    prompt: "Pick A and C"
    options:
      - {text: "A", correct: true}
      - {text: "B", feedback: "not B"}
      - {text: "C", correct: true}
      - {text: "D"}
  - id: number
    type: numeric
    prompt: "How many?"
    answer: 38
    unit: states
    attempts: 2
    explanation: "Thirty-eight."
  - id: words
    type: text
    prompt: "Name it"
    accept: ["Helsinki Final Act", "Final Act"]
    wrong:
      - {answer: "Moscow Document", feedback: "That came in 1991."}
    hints: ["A city", "Helsinki ..."]
    explanation: "The Helsinki Final Act."
  - id: steps
    type: order
    prompt: "Order them"
    items: ["first", "second", "third"]
  - id: pairs
    type: match
    prompt: "Match them"
    pairs:
      - {term: "PC", definition: "meets weekly"}
      - {term: "ODIHR", definition: "observes elections"}
    distractors: ["expels states"]
  - id: proof
    type: evidence
    prompt: "Which passage?"
    claim: "One state acted alone."
    stance: contradicts
    options:
      - {ref: {turn: 2, sentence: 2}, correct: true, feedback: "Yes"}
      - {ref: {turn: 1}}
  - id: thoughts
    type: reflection
    prompt: "What do you think?"
    min_words: 5
"""


@pytest.fixture
def write_quiz(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write YAML text (dedented) to <tmp>/<name>.yaml and return the path."""

    def write(text: str, name: str = "every_type") -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def every_type(write_quiz: Callable[[str, str], Path]):
    """The every-type quiz, loaded against the fake transcript."""
    return load_quiz(write_quiz(EVERY_TYPE), transcript=FAKE)


@pytest.fixture
def progress_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh progress folder, set as CASEBOOK_PROGRESS_DIR."""
    folder = tmp_path / "progress"
    monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(folder))
    return folder


@pytest.fixture
def copies(every_type):
    """The teacher's copies for a merge: the every-type quiz, and no other."""
    from casebook.quiz.teachers_copy import TeachersCopies

    return TeachersCopies([every_type], shipped=False)


@pytest.fixture
def class_folder(every_type, tmp_path: Path) -> Path:
    """A folder of three learners' exports of the every-type quiz (tests/quiz/handed_in.py)."""
    from tests.quiz.handed_in import hand_in_class

    return hand_in_class(every_type, tmp_path / "handed-in")
