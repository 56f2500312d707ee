"""What controls each question type gets, and that any value the browser sends becomes a well-formed
answer (the browser is another program: its messages are input like any other)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casebook.quiz.controls import MATCH_PROMPT, controls_for
from casebook.quiz.grading import grade
from casebook.quiz.shuffling import choice_order
from tests.quiz.conftest import FAKE

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=12,
)


def all_controls(quiz) -> dict[str, Any]:
    return {q.id: (q, controls_for(q, choice_order(quiz.shuffle_key(), q), FAKE)) for q in quiz.questions}


def test_each_type_gets_its_controls(every_type) -> None:
    kinds = {qid: c.kind for qid, (_, c) in all_controls(every_type).items()}
    assert kinds == {
        "one": "choice", "many": "multiple", "number": "text", "words": "text",
        "steps": "order", "pairs": "match", "proof": "choice", "thoughts": "textarea",
    }  # fmt: skip
    controls = all_controls(every_type)
    assert controls["number"][1].label == "Your answer (states)"
    assert controls["thoughts"][1].label == "Your reflection (about 5 words)"
    assert controls["pairs"][1].placeholder == MATCH_PROMPT
    assert controls["steps"][1].menu_labels == ("Place 1 (first)", "Place 2", "Place 3 (last)")
    assert sorted(v for _, v in controls["one"][1].options) == [0, 1, 2]


def test_empty_answers(every_type) -> None:
    controls = all_controls(every_type)
    assert controls["one"][1].coerce(None) is None
    assert controls["many"][1].coerce(None) == []
    assert controls["words"][1].coerce(None) == ""
    assert controls["pairs"][1].coerce(None) == [None, None]
    steps = controls["steps"][1]
    assert sorted(steps.coerce(None)) == [0, 1, 2] and steps.coerce(None) == steps.coerce("junk")


def test_values_that_fit_are_kept(every_type) -> None:
    controls = all_controls(every_type)
    assert controls["one"][1].coerce(2) == 2
    assert controls["many"][1].coerce([3, 0, 0]) == [0, 3]
    assert controls["steps"][1].coerce([2, 0, 1]) == [2, 0, 1]
    assert controls["pairs"][1].coerce([1, None]) == [1, None]
    assert controls["words"][1].coerce(" Helsinki ") == " Helsinki "  # grading normalises, not this


def test_values_that_do_not_fit_become_empty(every_type) -> None:
    controls = all_controls(every_type)
    assert controls["one"][1].coerce(True) is None and controls["one"][1].coerce(7) is None
    assert controls["many"][1].coerce([0, "1", 9, True]) == [0]
    assert controls["pairs"][1].coerce([5, "x"]) == [None, None]
    assert controls["pairs"][1].coerce([0]) == [None, None]
    assert len(controls["words"][1].coerce("x" * 50_000)) == 20_000
    assert controls["number"][1].coerce(12) == "12"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])  # the quiz is read-only
@given(value=JSON)
def test_any_json_becomes_an_answer_every_grader_takes(every_type, value: Any) -> None:
    for question, controls in all_controls(every_type).values():
        answer = controls.coerce(value)
        assert controls.coerce(answer) == answer  # coercing twice changes nothing
        grade(question, answer)  # never raises
