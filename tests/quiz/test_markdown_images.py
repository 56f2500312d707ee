"""Markdown images in a quiz file are never drawn, in any HTML view (issue 20, class 10).

A remote image would load from its server each time a quiz, handout or key is opened (a tracking
pixel), and a handout must be self-contained. Every view shows the alt text and a link instead.
"""

from __future__ import annotations

import re

import pytest

from casebook.quiz import load_quiz
from casebook.quiz.progress import ProgressStore
from casebook.quiz.safe_markdown import markdown_html, markdown_inline
from casebook.quiz.static import answer_key_html, handout_html, quiz_html
from casebook.quiz.widgets import QuizView
from tests.quiz.conftest import FAKE

PIXEL = "![a tracking pixel](https://tracker.example/p.gif?who=learner)"

WITH_IMAGES = f"""
id: images
title: "Images"
intro: "Intro {PIXEL}"
questions:
  - id: q1
    type: single
    prompt: "Prompt {PIXEL}"
    hints: ["Hint {PIXEL}"]
    explanation: "Explanation {PIXEL}"
    options:
      - {{text: "A", correct: true, feedback: "Feedback {PIXEL}"}}
      - {{text: "B"}}
"""

NO_IMAGE = re.compile(r"<img\b", re.IGNORECASE)


def test_an_image_becomes_its_alt_text_and_a_link() -> None:
    html = markdown_html(f"See {PIXEL} here")
    assert not NO_IMAGE.search(html)
    assert "[Image: a tracking pixel]" in html
    assert '<a href="https://tracker.example/p.gif?who=learner">' in html
    assert not NO_IMAGE.search(markdown_inline(PIXEL)) and "[Image: a tracking pixel]" in markdown_inline(
        PIXEL
    )


@pytest.mark.parametrize(
    ("markdown", "shown", "absent"),
    [
        ("![](https://x.example/a.png)", "[Image: no description]", None),
        ("![ref][r]\n\n[r]: https://x.example/r.png", "[Image: ref]", None),
        ("![embedded](data:image/png;base64,iVBORw0KGgo=)", "an embedded image, not shown", "data:image"),
        (
            "[![badge](https://img.example/b.svg)](https://site.example)",
            "(https://img.example/b.svg)",
            '<a href="https://img.example',
        ),
        ("![<b>x</b> *em*](https://x.example/a.png)", "[Image: &lt;b&gt;x&lt;/b&gt; em]", "<b>"),
    ],
)
def test_every_kind_of_image_is_shown_as_text(markdown: str, shown: str, absent: str | None) -> None:
    html = markdown_html(markdown)
    assert not NO_IMAGE.search(html) and shown in html
    if absent:
        assert absent not in html


@pytest.mark.parametrize("render", [quiz_html, handout_html, answer_key_html])
def test_no_static_view_loads_a_remote_image(write_quiz, render) -> None:
    quiz = load_quiz(write_quiz(WITH_IMAGES, "images"), transcript=FAKE)
    page = render(quiz, FAKE)
    assert not NO_IMAGE.search(page)
    assert "[Image: a tracking pixel]" in page


def test_the_widgets_show_no_image_either(write_quiz, progress_dir, tmp_path) -> None:
    quiz = load_quiz(write_quiz(WITH_IMAGES, "images"), transcript=FAKE)
    view = QuizView(quiz, ProgressStore("images"), export_dir=tmp_path, transcript=FAKE)
    panel = view.panels[0]
    panel.widget._handle_custom_msg({"event": "hint"}, [])
    panel.widget._handle_custom_msg({"event": "check", "value": 0}, [])
    shown = [view.box.children[0].value, panel.widget.header_html, panel.widget.hints_html]
    shown += [panel.widget.feedback_html, panel.widget.answer_html]
    for html in shown:
        assert not NO_IMAGE.search(html) and "[Image: a tracking pixel]" in html, html
