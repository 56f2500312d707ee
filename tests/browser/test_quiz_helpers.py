"""The pure helpers behind the quiz browser tests: answers read from the quiz file, and the check that
a static HTML view shows the questions and hides the answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.browser.quiz_answers import (
    CORRECT,
    NOT_AN_ANSWER,
    WRONG,
    Answer,
    plain_text,
    plan_quiz,
    right_answer,
    wrong_answer,
)
from tests.browser.static_fallback import (
    SENTINEL,
    answers_changed,
    replace_answers,
    static_problems,
    visible_text,
)

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "sample_quiz.yaml"


def test_answers_come_from_the_quiz_file() -> None:
    single = {"id": "a", "type": "single", "options": [{"text": "x"}, {"text": "y", "correct": True}]}
    assert right_answer(single) == Answer("a", "choose", ("y",), CORRECT)
    assert wrong_answer(single) == Answer("a", "choose", ("x",), WRONG)
    multiple = {
        "id": "b",
        "type": "multiple",
        "options": [{"text": "p", "correct": True}, {"text": "q", "correct": True}, {"text": "r"}],
    }
    assert right_answer(multiple) == Answer("b", "tick", ("p", "q"), CORRECT)
    assert wrong_answer(multiple) == Answer("b", "tick", ("r",), WRONG)
    assert right_answer({"id": "c", "type": "numeric", "answer": 38}).values == ("38",)
    assert right_answer({"id": "c", "type": "numeric", "range": [10, 20]}).values == ("15",)
    assert wrong_answer({"id": "c", "type": "numeric", "answer": 38, "tolerance": 5}).values == ("1423",)
    assert right_answer({"id": "d", "type": "text", "accept": ["Final Act"]}).values == ("Final Act",)
    assert wrong_answer({"id": "d", "type": "text", "accept": ["Final Act"]}).values == (NOT_AN_ANSWER,)


@pytest.mark.parametrize("kind", ["order", "match", "evidence", "reflection"])
def test_types_the_tests_cannot_answer_are_left_out(kind: str) -> None:
    assert right_answer({"id": "x", "type": kind, "items": ["a", "b"]}) is None


def test_plan_uses_three_distinct_questions_and_the_first_hint() -> None:
    plan = plan_quiz(SAMPLE)
    assert plan.quiz_id == "sample_quiz"
    assert plan.mouse_right == Answer("run_key", "choose", ("Shift+Enter",), CORRECT)
    assert plan.mouse_wrong == Answer("folders", "tick", ("data",), WRONG)
    assert plan.keyboard_right == Answer("cells", "type", ("2",), CORRECT)
    assert (plan.hint_question, plan.hint_text) == (
        "run_key",
        "Hold Shift while you press the key that starts a new line.",
    )


def test_a_quiz_with_nothing_to_answer_is_named(tmp_path: Path) -> None:
    quiz = tmp_path / "q.yaml"
    quiz.write_text('id: q\ntitle: t\nquestions:\n  - {id: r, type: reflection, prompt: "Why?"}\n')
    with pytest.raises(ValueError, match="q.yaml: no question of type"):
        plan_quiz(quiz)


def test_plain_text_drops_markdown() -> None:
    assert plain_text("Which keys run the **selected** cell?") == "Which keys run the selected cell?"


CLEAN = """<style>.x { width: 2px }</style><div class="quiz"><h2>Fixture: using a notebook</h2>
<p>Which keys run the <strong>selected</strong> cell?</p><ol><li>Shift+Enter</li><li>Ctrl+Q</li></ol>
<p>Which of these folders hold notebooks?</p><p>How many kinds of cell does this fixture notebook use?</p>
<p>Which menu holds Run All Cells?</p><p>What did you find hard?</p></div>"""


def test_a_static_view_with_every_question_and_no_answer_passes() -> None:
    assert static_problems(CLEAN, SAMPLE) == []


def test_a_static_view_that_leaks_or_drops_something_is_caught() -> None:
    leaky = CLEAN.replace("<p>What did you find hard?</p>", "") + (
        "<p>Answer: 2</p><p title='Right: it runs the cell and moves on.'>?</p>"
        "<li data-correct='true'>notebooks</li>"
    )
    problems = static_problems(leaky, SAMPLE)
    assert "sample_quiz.yaml: the HTML marks which option is correct" in problems
    assert "sample_quiz.yaml, question 'thoughts': the prompt is not readable in the HTML" in problems
    assert any("'run_key': the HTML gives away 'Right: it runs" in p for p in problems)
    assert len(problems) == 3  # a bare number ("Answer: 2") is left to the differential check


def test_an_answer_that_the_quiz_shows_anyway_is_not_a_leak() -> None:
    # "Run" is an accepted answer, but it is also part of the prompt "Which menu holds Run All Cells?"
    assert not any("'menu'" in p for p in static_problems(CLEAN, SAMPLE))


def test_visible_text_skips_scripts_and_styles() -> None:
    assert visible_text("<style>p{}</style><p>a  b</p><script>secret()</script>") == "a b"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: q\nquestions: [unclosed\n", "cannot be read as a quiz"),
        ("- just\n- a list\n", "field 'questions'"),
    ],
)
def test_a_broken_quiz_file_is_named_not_a_traceback(tmp_path: Path, text: str, message: str) -> None:
    quiz = tmp_path / "broken.yaml"
    quiz.write_text(text)
    with pytest.raises(ValueError, match=f"broken.yaml: {message}"):
        plan_quiz(quiz)


def test_replacing_the_answers_keeps_what_the_quiz_shows() -> None:
    quiz = yaml.safe_load(SAMPLE.read_text())
    replaced = replace_answers(quiz)
    assert quiz["questions"][2]["answer"] == 2  # the original is untouched
    run_key, folders, cells, menu, thoughts = replaced["questions"]
    assert cells["answer"] == 7921.5 and menu["accept"] == [
        f"{SENTINEL} accepted 3 0",
        f"{SENTINEL} accepted 3 1",
    ]
    assert run_key["explanation"].startswith(SENTINEL) and run_key["options"][0]["feedback"].startswith(
        SENTINEL
    )
    for before, after in zip(quiz["questions"], replaced["questions"], strict=True):
        assert before["prompt"] == after["prompt"]
        assert [o["text"] for o in before.get("options", [])] == [o["text"] for o in after.get("options", [])]
        assert [o.get("correct") for o in before.get("options", [])] == [
            o.get("correct") for o in after.get("options", [])
        ]


def test_a_static_view_that_changes_with_the_answers_leaks_them() -> None:
    assert answers_changed(CLEAN, CLEAN) == []
    leaky = CLEAN + "<p>Answer: 2</p>"
    [problem] = answers_changed(leaky, leaky.replace("Answer: 2", "Answer: 7921.5"))
    assert problem.startswith("the HTML's visible text changes with the answers: '2' became '7921.5'")
    hidden = CLEAN + "<span data-answer='2'></span>"
    [problem] = answers_changed(hidden, hidden.replace("'2'", "'7921.5'"))
    assert problem.startswith("the HTML's markup changes with the answers")


def test_a_quiz_of_evidence_questions_only_is_answered_by_its_passages(tmp_path: Path) -> None:
    from casebook.quiz.model import PassageRef
    from casebook.quiz.passages import resolve

    quiz = tmp_path / "q.yaml"
    quiz.write_text(
        "id: q\ntitle: t\nquestions:\n"
        "  - id: e\n    type: evidence\n    prompt: Which?\n    claim: c\n    stance: supports\n"
        "    options:\n      - {ref: {turn: 1, sentence: 4}, correct: true}\n"
        "      - {ref: {turn: 2, sentence: 1}}\n"
    )
    plan = plan_quiz(quiz)
    assert plan.mouse_right == Answer("e", "choose", (resolve(PassageRef(1, 4)).display(),), CORRECT)
    assert plan.mouse_wrong.values == (resolve(PassageRef(2, 1)).display(),)
    label = plan.mouse_right.values[0]
    assert label.startswith("Turn 1 ") and ", sentence 4: " in label  # place and words, as the page shows
