"""The kernel side of bench_quiz.py: run inside a fresh python3 kernel, prints one JSON line.

Not a benchmark on its own (``run.py`` runs only ``bench_*.py``).
"""

from __future__ import annotations

import dataclasses
import json
import statistics
import time

import ipywidgets as w

from casebook.quiz import load_quiz
from casebook.quiz.progress import ProgressStore
from casebook.quiz.state import QuestionState
from casebook.quiz.widgets import QuizView


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def floor_click() -> list[float]:
    """A bare button whose handler sets an HTML value."""
    html = w.HTML()
    button = w.Button(description="floor")
    button.on_click(lambda _b: setattr(html, "value", "<p>done</p>"))
    samples = []
    for _ in range(200):
        start = time.perf_counter()
        button.click()
        samples.append(time.perf_counter() - start)
    return samples


def ten_questions():
    """The start-here quiz and two more single-choice questions."""
    quiz = load_quiz("00_start_here")
    extra = [dataclasses.replace(q, id=f"{q.id}_{n}") for n, q in enumerate(quiz.questions[:2])]
    quiz = dataclasses.replace(quiz, questions=quiz.questions + tuple(extra))
    assert len(quiz.questions) == 10
    return quiz


def quiz_click(quiz) -> tuple[list[float], list[float]]:
    """Press Check on a wrong answer: time to the feedback being set, and to the handler's end (saved)."""
    view = QuizView(quiz, ProgressStore(quiz.id))
    panel = view.panels[0]
    wrong = next(o["value"] for o in panel.widget.options if not o["label"].startswith("Restart"))
    stamp: dict[str, float] = {}
    panel.widget.observe(lambda _change: stamp.setdefault("t", time.perf_counter()), names="feedback_html")
    to_feedback, whole = [], []
    for _ in range(200):
        panel.state = QuestionState()  # no attempt limit: keep answering wrong
        panel.widget.feedback_html = ""
        stamp.clear()
        start = time.perf_counter()
        panel.widget._handle_custom_msg({"event": "check", "value": wrong}, [])  # what the browser sends
        whole.append(time.perf_counter() - start)
        to_feedback.append(stamp["t"] - start)
    return to_feedback, whole


def builds(quiz) -> tuple[list[float], list[float]]:
    """Build ten bare question-like boxes (the floor), and the ten-question quiz."""
    floor, build = [], []
    for _ in range(15):
        start = time.perf_counter()
        boxes = [
            w.VBox(
                [
                    w.HTML("<p>prompt</p>"),
                    w.RadioButtons(options=["a", "b"]),
                    w.Button(description="Check"),
                    w.HTML(),
                ]
            )
            for _ in range(10)
        ]
        w.VBox(boxes)
        floor.append(time.perf_counter() - start)
        start = time.perf_counter()
        QuizView(quiz, ProgressStore(quiz.id))
        build.append(time.perf_counter() - start)
    return floor, build


quiz = ten_questions()
QuizView(quiz, ProgressStore(quiz.id))  # warm up imports and caches
feedback, whole = quiz_click(quiz)
floor_build, build = builds(quiz)
print(
    json.dumps(
        {
            "floor_click_ms": median_ms(floor_click()),
            "click_to_feedback_ms": median_ms(feedback),
            "click_with_save_ms": median_ms(whole),
            "floor_build_ms": median_ms(floor_build),
            "build_ms": median_ms(build),
        }
    )
)
