"""Grading a text answer cannot hang, whatever pattern reached the grader (issue 20, class 4).

Without the guards, each grade below would run for minutes to centuries: ``^(a+)+$`` takes about
25 s on 30 characters and doubles with each one more. The tests prove the guards by outcome: the
grader comes back, and says the answer could not be checked.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from casebook.quiz.grading import grade
from casebook.quiz.model import TextQuestion
from casebook.quiz.patterns import PatternTimeout, pattern_problem, search

EXPONENTIAL = "^(a+)+$"  # refused by pattern_problem
POLYNOMIAL = r"^\w*\w*\w*\w*\w*!"  # passes pattern_problem, but about n**5 steps on n letters


def question(pattern: str, accept: tuple[str, ...] = ()) -> TextQuestion:
    return TextQuestion(id="q", prompt="Type it", points=1.0, accept=accept, pattern=pattern)


def test_a_refused_pattern_never_runs_at_grading() -> None:
    result = grade(question(EXPONENTIAL), "a" * 499 + "!")
    assert result.status == "invalid" and not result.counts_as_attempt
    assert "could not be checked" in result.feedback and "Tell your teacher" in result.feedback


def test_a_slow_pattern_that_passed_the_check_is_stopped_by_the_budget() -> None:
    assert pattern_problem(POLYNOMIAL) is None
    result = grade(question(POLYNOMIAL), "a" * 499)
    assert result.status == "invalid" and "could not be checked" in result.feedback
    with pytest.raises(PatternTimeout):
        search(POLYNOMIAL, "a" * 499)


def test_accepted_answers_still_count_when_the_pattern_cannot_run() -> None:
    assert grade(question(EXPONENTIAL, accept=("Final Act",)), "final act").status == "correct"


def test_ordinary_patterns_grade_as_before() -> None:
    assert grade(question("helsinki.*act"), "The Helsinki Final Act").status == "correct"
    assert grade(question("^inaudible"), "audible").status == "incorrect"


def test_the_budget_leaves_the_previous_alarm_handler_and_timer_in_place() -> None:
    def mine(_signum: int, _frame: object) -> None:
        raise AssertionError("not expected to fire during the test")

    previous = signal.signal(signal.SIGALRM, mine)
    signal.setitimer(signal.ITIMER_REAL, 1000)
    try:
        assert search("moscow", "the moscow mechanism")
        assert signal.getsignal(signal.SIGALRM) is mine
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 900 < remaining <= 1000
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_a_refused_pattern_is_still_never_run() -> None:
    results = []
    worker = threading.Thread(target=lambda: results.append(grade(question(EXPONENTIAL), "a" * 499 + "!")))
    worker.start()
    worker.join(timeout=60)  # a bound so a regression fails instead of hanging the suite
    assert not worker.is_alive() and results[0].status == "invalid"


def test_the_kernel_stays_responsive_after_grading_a_hostile_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quiz = tmp_path / "slow_pattern.yaml"
    quiz.write_text(
        "id: slow_pattern\ntitle: Slow\nquestions:\n"
        f"  - {{id: q1, type: text, prompt: Type, pattern: '{POLYNOMIAL}'}}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CASEBOOK_PROGRESS_DIR", str(tmp_path / "progress"))
    nb = new_notebook(
        cells=[
            new_code_cell(f"from casebook.quiz import show_quiz\nquiz = show_quiz({str(quiz)!r})\nquiz"),
            new_code_cell(
                "p = quiz.panels[0]\n"
                "p.widget._handle_custom_msg({'event': 'check', 'value': 'a' * 499}, [])  # as sent\n"
                "print(p.widget.feedback_html)"
            ),
            new_code_cell("print('still here', 6 * 7)"),
        ]
    )
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    feedback = "".join(out.get("text", "") for out in nb.cells[1].outputs)
    assert "could not be checked" in feedback
    assert "still here 42" in "".join(out.get("text", "") for out in nb.cells[2].outputs)
