"""`make handouts` for the kit's own quizzes: every quiz in data/quizzes gets a question sheet and an
answer key; both are self-contained pages; the sheet shows no answer and the key shows every one.

The quiz package's tests check the renderers on a made-up quiz; these check the real quizzes, so a
quiz added by a lesson is covered as soon as its file is in data/quizzes.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.quiz import load_quiz
from casebook.quiz.answers import right_answer_lines
from casebook.quiz.load import quizzes_dir
from casebook.quiz.model import (
    EvidenceQuestion,
    MultipleQuestion,
    NumericQuestion,
    OrderQuestion,
    Question,
    Quiz,
    SingleQuestion,
    TextQuestion,
)
from casebook.quiz.safe_markdown import escape, markdown_html

QUIZ_FILES = sorted(quizzes_dir().glob("*.yaml"))
SECTION = "<section class='question'>"
# Anything a browser would fetch from elsewhere: scripts, style sheets, frames, remote images, fonts.
REMOTE = re.compile(
    r"<script|<link\b|<iframe|<object|<embed|@import|url\(|\bsrc\s*=\s*['\"]?(?:https?:)?//", re.IGNORECASE
)


def plain(page: str) -> str:
    """The text a reader sees: tags removed, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def words(text: str) -> str:
    """Text with its whitespace collapsed, to compare with ``plain``."""
    return " ".join(text.split())


def sections(page: str) -> list[str]:
    """The page's question sections, in order."""
    return page.split(SECTION)[1:]


def secrets(question: Question) -> list[str]:
    """Text that only an answer key may show: explanation, hints, option feedback, expected wrong answers."""
    texts = list(question.hints)
    if question.explanation:
        texts.append(plain(markdown_html(question.explanation)))
    if isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion)):
        texts += [option.feedback for option in question.options if option.feedback]
    if isinstance(question, TextQuestion):
        texts += [wrong.feedback for wrong in question.wrong]
    return [words(text) for text in texts]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run what `make handouts` runs, into a temporary folder."""
    out = tmp_path_factory.mktemp("handouts")
    assert main(["handout", "--all", "--out", str(out)]) == 0
    assert main(["answer-key", "--all", "--out", str(out)]) == 0
    return out


def pages(built: Path, path: Path) -> tuple[Quiz, str, str]:
    quiz = load_quiz(path)
    handout = (built / f"{quiz.id}-handout.html").read_text(encoding="utf-8")
    key = (built / f"{quiz.id}-answer-key.html").read_text(encoding="utf-8")
    return quiz, handout, key


def test_every_quiz_gets_a_handout_and_a_key_and_nothing_else(built: Path) -> None:
    assert QUIZ_FILES, "data/quizzes holds no quiz"
    ids = [load_quiz(path).id for path in QUIZ_FILES]
    expected = {f"{i}-handout.html" for i in ids} | {f"{i}-answer-key.html" for i in ids}
    assert {p.name for p in built.iterdir()} == expected


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.stem)
def test_pages_are_self_contained(built: Path, path: Path) -> None:
    quiz, handout, key = pages(built, path)
    for name, page in (("handout", handout), ("answer key", key)):
        assert page.startswith("<!DOCTYPE html>") and "<meta charset='utf-8'>" in page, name
        assert "<style>" in page, f"the {name} of {quiz.id} carries its own styles"
        found = REMOTE.search(page)
        assert found is None, f"the {name} of {quiz.id} loads something from elsewhere: {found.group(0)!r}"


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.stem)
def test_handout_shows_every_question_and_no_answer(built: Path, path: Path) -> None:
    quiz, handout, _ = pages(built, path)
    assert "Name: ____" in handout
    assert "✔" not in handout and "Explanation." not in handout and "Hints, in order" not in handout
    parts = sections(handout)
    assert len(parts) == len(quiz.questions)
    for question, part in zip(quiz.questions, parts, strict=True):
        shown = plain(part)
        prompt = words(plain(markdown_html(question.prompt)))
        assert prompt in shown, f"{quiz.id}/{question.id}: prompt missing"
        leaked = [text for text in secrets(question) if text in shown]
        assert not leaked, f"the handout of {quiz.id} shows answers to {question.id}: {leaked}"
        if isinstance(question, (NumericQuestion, TextQuestion)):
            # A bare number of one to three digits may well appear elsewhere in a question.
            answers = [words(line) for line in right_answer_lines(question) if len(line) > 3]
            assert not [a for a in answers if a in shown], f"{quiz.id}/{question.id}: answer on the handout"
        if isinstance(question, OrderQuestion):
            listed = [shown.index(words(item)) for item in question.items]
            assert listed != sorted(listed), f"{quiz.id}/{question.id}: items listed in the right order"


@pytest.mark.parametrize("path", QUIZ_FILES, ids=lambda p: p.stem)
def test_key_shows_every_answer_hint_feedback_and_explanation(built: Path, path: Path) -> None:
    quiz, _, key = pages(built, path)
    parts = sections(key)
    assert len(parts) == len(quiz.questions)
    for question, part in zip(quiz.questions, parts, strict=True):
        shown = plain(part)
        missing = [text for text in secrets(question) if text not in shown]
        assert not missing, f"the key of {quiz.id} lacks for {question.id}: {missing}"
        if isinstance(question, (SingleQuestion, MultipleQuestion, EvidenceQuestion)):
            right = sum(option.correct for option in question.options)
            assert part.count("✔ right") == right, f"{quiz.id}/{question.id}: {right} right option(s) marked"
        elif question.graded:
            lines = [escape(line) for line in right_answer_lines(question)]
            assert lines and all(line in part for line in lines), f"{quiz.id}/{question.id}: answer missing"
