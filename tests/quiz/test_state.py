"""The rules of a question's progress: attempts, hints, giving up, restoring, and the score summary."""

from __future__ import annotations

from casebook.quiz.state import (
    QuestionState,
    attempts_left,
    reveal,
    show_hint,
    state_from_record,
    submit,
    summarise,
)


def test_a_wrong_answer_uses_an_attempt_and_running_out_reveals_the_answer(every_type) -> None:
    number = every_type.question("number")  # attempts: 2
    state, result = submit(number, QuestionState(), "40")
    assert (state.attempts, state.status, state.revealed) == (1, "incorrect", False)
    assert attempts_left(number, state) == 1
    state, _ = submit(number, state, "41")
    assert state.revealed and state.finished and attempts_left(number, state) == 0


def test_invalid_input_does_not_use_an_attempt(every_type) -> None:
    number = every_type.question("number")
    state, result = submit(number, QuestionState(), "lots")
    assert result.status == "invalid" and state == QuestionState()


def test_a_finished_question_takes_no_more_submissions(every_type) -> None:
    one = every_type.question("one")
    state, _ = submit(one, QuestionState(), 1)
    assert state.finished
    again, _ = submit(one, state, 0)
    assert again == state


def test_hints_are_shown_one_at_a_time_and_stop_at_the_last(every_type) -> None:
    words = every_type.question("words")
    state = show_hint(words, QuestionState())
    assert state.hints == 1
    state = show_hint(words, show_hint(words, state))
    assert state.hints == 2


def test_giving_up_reveals_and_keeps_the_score(every_type) -> None:
    many = every_type.question("many")
    state, _ = submit(many, QuestionState(), [0])
    state = reveal(state)
    assert state.revealed and state.finished and state.score == 0.5


def test_reflections_are_saved_every_time_and_never_finish(every_type) -> None:
    thoughts = every_type.question("thoughts")
    state, _ = submit(thoughts, QuestionState(), "first draft of my thoughts")
    state, _ = submit(thoughts, state, "a second, better draft of my thoughts")
    assert state.status == "saved" and state.answer.startswith("a second") and not state.finished


def test_records_round_trip_and_bad_records_are_dropped(every_type) -> None:
    one = every_type.question("one")
    state, _ = submit(one, QuestionState(), 1)
    assert state_from_record(one, state.record()) == state
    # An answer that no longer grades as stored (the quiz changed) is dropped, the counters kept.
    stale = state_from_record(one, {**state.record(), "answer": 0})
    assert (stale.answer, stale.status, stale.attempts) == (None, None, 1)
    assert state_from_record(one, "garbage") == QuestionState()
    odd = state_from_record(one, {"answer": 1, "status": "correct", "attempts": -3, "hints": True})
    assert (odd.attempts, odd.hints, odd.score) == (0, 0, 1.0)


def test_summary_adds_points_and_counts_answered_questions(every_type) -> None:
    states = {}
    states["one"], _ = submit(every_type.question("one"), QuestionState(), 1)
    states["many"], _ = submit(every_type.question("many"), QuestionState(), [0])
    states["thoughts"], _ = submit(every_type.question("thoughts"), QuestionState(), "some words here")
    summary = summarise(every_type, states)
    assert (summary.points, summary.max_points, summary.answered, summary.questions) == (1.5, 7, 3, 8)
    assert summary.text() == "Score: 1.5 of 7 points · 3 of 8 questions answered"
