"""What to answer in a quiz, read from its YAML file: a right and a wrong answer per question.

Pure: the browser tests read the answers from the quiz file, exactly as the learner's quiz engine
does, so no test hard-codes an answer. Only the question types a test can answer without knowing how
the engine lays options out are planned: single, multiple, numeric and text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

CORRECT, WRONG, PARTLY = "✔ Correct", "✘ Not quite", "◑ Partly right"
ANSWERABLE = ("single", "multiple", "numeric", "text", "evidence")
NOT_AN_ANSWER = "zzz not an answer"


@dataclass(frozen=True)
class Answer:
    """One answer to give: pick options (``choose`` one, ``tick`` several) or ``type`` text."""

    question_id: str
    kind: str
    values: tuple[str, ...]
    expect: str  # the start of the feedback it must get

    def describe(self) -> str:
        """A short description for failure messages."""
        return f"question '{self.question_id}': {self.kind} {list(self.values)} (expect '{self.expect}')"


def load_questions(path: Path) -> tuple[str, list[dict[str, Any]]]:
    """The quiz id and its questions, as plain data from the YAML file.

    Raises ValueError naming the file when it is not a YAML mapping with a list of questions
    (``casebook validate`` gives the full diagnosis).
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(
            f"{path}: cannot be read as a quiz ({exc}); run 'casebook validate {path}'"
        ) from None
    questions = raw.get("questions") if isinstance(raw, dict) else None
    if not isinstance(questions, list) or not all(isinstance(q, dict) for q in questions):
        raise ValueError(
            f"{path}: field 'questions' is not a list of questions; run 'casebook validate {path}'"
        )
    return str(raw.get("id", path.stem)), questions


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _evidence_label(option: dict[str, Any]) -> str:
    """An evidence option's label as the page shows it: the passage's place and words, from the engine."""
    from casebook.quiz.model import PassageRef
    from casebook.quiz.passages import resolve

    ref = option["ref"]
    return resolve(PassageRef(turn=int(ref["turn"]), sentence=ref.get("sentence"))).display()


def right_answer(question: dict[str, Any]) -> Answer | None:
    """The answer that the quiz file marks right, or None for a type the tests do not answer."""
    qid, kind = str(question.get("id")), question.get("type")
    options = question.get("options") or []
    if kind == "evidence":
        right = [_evidence_label(o) for o in options if o.get("correct")]
        return Answer(qid, "choose", (right[0],), CORRECT) if right else None
    if kind == "single":
        right = [str(o["text"]) for o in options if o.get("correct")]
        return Answer(qid, "choose", (right[0],), CORRECT) if right else None
    if kind == "multiple":
        right = [str(o["text"]) for o in options if o.get("correct")]
        return Answer(qid, "tick", tuple(right), CORRECT) if right else None
    if kind == "numeric":
        if "answer" in question:
            return Answer(qid, "type", (_number(question["answer"]),), CORRECT)
        low, high = question["range"]
        return Answer(qid, "type", (_number((low + high) / 2),), CORRECT)
    if kind == "text" and question.get("accept"):
        return Answer(qid, "type", (str(question["accept"][0]),), CORRECT)
    return None


def wrong_answer(question: dict[str, Any]) -> Answer | None:
    """An answer that is plainly wrong, or None when the question has none to give."""
    qid, kind = str(question.get("id")), question.get("type")
    options = question.get("options") or []
    if kind == "evidence":
        wrong = [_evidence_label(o) for o in options if not o.get("correct")]
        return Answer(qid, "choose", (wrong[0],), WRONG) if wrong else None
    if kind in ("single", "multiple"):
        wrong = [str(o["text"]) for o in options if not o.get("correct")]
        return Answer(qid, "choose" if kind == "single" else "tick", (wrong[0],), WRONG) if wrong else None
    if kind == "numeric":
        if "answer" in question:
            answer = float(question["answer"])
            far = abs(answer) * 10 + 1000 + float(question.get("tolerance") or 0)
            return Answer(qid, "type", (_number(answer + far),), WRONG)
        low, high = question["range"]
        return Answer(qid, "type", (_number(high + (high - low) + 1000),), WRONG)
    if kind == "text":
        return Answer(qid, "type", (NOT_AN_ANSWER,), WRONG)
    return None


@dataclass(frozen=True)
class QuizPlan:
    """The three answers a quiz's browser test gives, and the question whose hint it opens."""

    quiz_id: str
    mouse_right: Answer
    mouse_wrong: Answer
    keyboard_right: Answer
    hint_question: str | None
    hint_text: str | None


def plan_quiz(path: Path) -> QuizPlan:
    """Choose the questions for the browser test: distinct ones where the quiz has enough.

    Raises ValueError naming the file when the quiz has no question of a type the tests can answer.
    """
    quiz_id, questions = load_questions(path)
    usable = [q for q in questions if right_answer(q) is not None and wrong_answer(q) is not None]
    # evidence options are named by their passage's words: used only where nothing else can be answered
    usable = [q for q in usable if q.get("type") != "evidence"] or usable
    if not usable:
        raise ValueError(
            f"{path}: no question of type {', '.join(ANSWERABLE)} with a right and a wrong answer; "
            "the browser test has nothing to answer"
        )
    pick = [usable[i % len(usable)] for i in range(3)]
    hinted = next((q for q in questions if q.get("hints")), None)
    return QuizPlan(
        quiz_id=quiz_id,
        mouse_right=right_answer(pick[0]),  # type: ignore[arg-type]
        mouse_wrong=wrong_answer(pick[1]),  # type: ignore[arg-type]
        keyboard_right=right_answer(pick[2]),  # type: ignore[arg-type]
        hint_question=str(hinted["id"]) if hinted else None,
        hint_text=plain_text(str(hinted["hints"][0])) if hinted else None,
    )


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markdown: str) -> str:
    """Markdown as the words a reader sees (no markup), with spaces collapsed."""
    parser = _Text()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return " ".join("".join(parser.parts).split())
