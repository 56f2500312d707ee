"""Option order: shuffled the same way for everyone and every session, pinned options last, and an
order question never shown in its right order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casebook.quiz.model import Option, OrderQuestion, SingleQuestion
from casebook.quiz.shuffling import choice_order, display_order


def single(shuffle: bool, pinned: bool = True) -> SingleQuestion:
    options = tuple(Option(text=f"option {i}", correct=i == 0) for i in range(6))
    if pinned:
        options += (Option(text="None of the above", pin_last=True),)
    return SingleQuestion(id="q1", prompt="?", options=options, shuffle=shuffle)


def test_the_order_is_stable_and_depends_on_the_seed() -> None:
    question = single(shuffle=True)
    first = choice_order("quiz-a", question)
    assert first == choice_order("quiz-a", question)  # every learner, every session
    assert sorted(first) == list(range(7))
    others = {tuple(choice_order(f"seed-{n}", question)) for n in range(10)}
    assert len(others) > 1  # another seed, another order


def test_a_pinned_option_stays_last_and_unshuffled_questions_keep_file_order() -> None:
    assert choice_order("any", single(shuffle=True))[-1] == 6
    assert choice_order("any", single(shuffle=False)) == list(range(7))


@given(key=st.text(max_size=20), count=st.integers(min_value=2, max_value=8))
def test_items_to_order_never_start_in_the_right_order(key: str, count: int) -> None:
    question = OrderQuestion(id="o", prompt="?", items=tuple(f"item {i}" for i in range(count)))
    order = choice_order(key, question)
    assert sorted(order) == list(range(count)) and order != list(range(count))


def test_display_order_keeps_several_pinned_options_in_their_file_order() -> None:
    order = display_order(6, "k", "q", pinned_last={1, 3})
    assert order[-2:] == [1, 3] and sorted(order) == list(range(6))
