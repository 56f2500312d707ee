"""Static renderings: the notebook view and handout hold no answers, the key holds them all, every
page is self-contained, and HTML in a quiz file is shown as text, never run."""

from __future__ import annotations

import re

import pytest

from casebook.quiz import load_quiz
from casebook.quiz.static import answer_key_html, handout_html, quiz_html, quiz_text
from tests.quiz.conftest import FAKE

# Text that only a right answer, feedback or an explanation contains in the every-type quiz.
ANSWER_TEXT = [
    "B is right",
    "A is wrong",
    "not B",
    "Thirty-eight.",
    "The Helsinki Final Act.",
    "That came in 1991.",
    "Helsinki ...",
    "A city",
    "✔",
]


@pytest.mark.parametrize("render", [quiz_html, quiz_text, handout_html], ids=["view", "text", "handout"])
def test_views_without_answers_show_every_question_and_no_answer(every_type, render) -> None:
    page = render(every_type, FAKE)
    for question in every_type.questions:
        assert question.prompt in page
    for option in ("meets weekly", "expels states", "second", "We did not act alone."):
        assert option in page
    for secret in ANSWER_TEXT:
        assert secret not in page, f"{render.__name__} shows {secret!r}"


def test_answer_key_shows_answers_feedback_hints_and_explanations(every_type) -> None:
    key = answer_key_html(every_type, FAKE)
    for text in [
        "B is right",
        "not B",
        "38 states",
        "Helsinki Final Act",
        "also accepted: Final Act",
        "That came in 1991.",
        "1. first",
        "PC → meets weekly",
        "Thirty-eight.",
        "Helsinki ...",
    ]:
        assert text in key
    assert key.count("✔ right") == 4  # B; A and C; the evidence passage


def test_the_key_gives_order_and_match_answers_in_the_handouts_letters(every_type) -> None:
    handout, key = handout_html(every_type, FAKE), answer_key_html(every_type, FAKE)
    letters = re.search(r"In the handout's letters: ([A-C, ]+)<", key).group(1).split(", ")
    listed = {
        letter: item for letter, item in re.findall(r"___ ([A-C])</span> (first|second|third)", handout)
    }
    assert [listed[letter] for letter in letters] == ["first", "second", "third"]


@pytest.mark.parametrize("render", [handout_html, answer_key_html])
def test_printable_pages_are_self_contained(every_type, render) -> None:
    page = render(every_type, FAKE)
    assert (
        page.startswith("<!DOCTYPE html>") and "<html lang='en'>" in page and "<meta charset='utf-8'>" in page
    )
    assert not re.search(r"(src|href)\s*=\s*['\"]?(https?:)?//", page), "no CDN or remote resource"
    assert "<script" not in page and "@import" not in page


HOSTILE = """
id: hostile
title: "<script>alert('title')</script>"
intro: "<img src=x onerror=alert('intro')> [click](javascript:alert('link'))"
questions:
  - id: q1
    type: single
    prompt: "<script>alert('prompt')</script> **bold**"
    explanation: "<iframe src='https://evil.example'></iframe>"
    options:
      - {text: "<b onmouseover=alert('option')>A</b>", correct: true, feedback: "<script>x()</script>"}
      - {text: "B"}
"""


@pytest.mark.parametrize("render", [quiz_html, handout_html, answer_key_html])
def test_html_in_a_quiz_file_is_shown_as_text(write_quiz, render) -> None:
    quiz = load_quiz(write_quiz(HOSTILE, "hostile"), transcript=FAKE)
    page = render(quiz, FAKE)
    assert "<script>alert" not in page and "<img src=x" not in page and "<iframe" not in page
    assert "<b onmouseover" not in page and 'href="javascript:' not in page
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in page or "&lt;script&gt;" in page
    if render is quiz_html:
        assert "<strong>bold</strong>" in page  # Markdown still works


def test_a_printed_key_writes_out_the_address_of_each_numbered_citation(write_quiz) -> None:
    quiz = load_quiz(
        write_quiz(
            """
            id: cited
            title: "Cited"
            questions:
              - id: q1
                type: single
                prompt: "Which?"
                explanation: "Two sources say so [[6](https://example.org/a?x=1&y=2), [2](https://example.org/b)]."
                options:
                  - {text: "This", correct: true}
                  - {text: "That"}
            """,
            "cited",
        ),
        transcript=FAKE,
    )
    key = answer_key_html(quiz)
    assert '[<a href="https://example.org/a?x=1&amp;y=2">6</a>, <a href="https://example.org/b">2</a>]' in key
    section = key.split("<h2>Sources cited</h2>", 1)[1]
    assert section.index("[2] <code>https://example.org/b</code>") < section.index(
        "[6] <code>https://example.org/a?x=1&amp;y=2</code>"
    )
    assert "Sources cited" not in handout_html(quiz)  # the questions cite nothing
