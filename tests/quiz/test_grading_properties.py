"""No input makes any grader raise, and every result is well formed (property-based, hypothesis)."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.quiz.grading import GRADERS, grade
from casebook.quiz.load import build_quiz
from casebook.quiz.normalise import fold_text, parse_number
from casebook.quiz.state import QuestionState, state_from_record, submit
from tests.quiz.conftest import EVERY_TYPE

QUIZ = build_quiz(yaml.safe_load(EVERY_TYPE))

# Anything a learner, a corrupt progress file or a careless caller could hand a grader.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
    st.text(alphabet=st.characters(categories=["So", "Sk", "Zs", "Mn", "Cf"]), max_size=50),
    st.sampled_from(["", " ", "38", "1,486", "NaN", "-inf", "1e309", "🙂", "<script>alert(1)</script>"]),
)
answers = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=8), st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(answer=answers)
def test_no_grader_raises_and_results_are_well_formed(answer) -> None:
    for question in QUIZ.questions:
        result = GRADERS[question.type](question, answer)
        assert result.status in ("correct", "partial", "incorrect", "invalid", "saved")
        assert 0.0 <= result.score <= 1.0
        assert result.feedback.startswith(("✔ Correct", "◑ Partly right", "✘ Not quite", "ⓘ", "✔ Saved"))
        assert result.correct == (result.status == "correct")


@settings(max_examples=200, deadline=None)
@given(answer=st.lists(st.integers(min_value=-2, max_value=5), max_size=6))
def test_index_lists_never_raise_and_full_marks_only_for_the_right_answer(answer) -> None:
    for question in QUIZ.questions:
        result = grade(question, answer)
        if result.correct and question.type == "order":
            assert answer == [0, 1, 2]
        if result.correct and question.type == "multiple":
            assert sorted(set(answer)) == [0, 2]


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_folding_and_number_parsing_never_raise_unexpectedly(text) -> None:
    folded = fold_text(text)
    assert folded == folded.strip() and "  " not in folded
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert value == value and abs(value) != float("inf")


@settings(max_examples=200, deadline=None)
@given(record=answers)
def test_any_stored_record_restores_to_a_usable_state(record) -> None:
    for question in QUIZ.questions:
        state = state_from_record(question, record)
        assert isinstance(state, QuestionState)
        assert state.attempts >= 0 and 0 <= state.hints <= len(question.hints)
        new_state, _ = submit(question, state, record)
        assert 0.0 <= new_state.score <= 1.0
