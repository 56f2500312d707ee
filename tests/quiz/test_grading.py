"""Grading, type by type, without a kernel: right, partly right, wrong, and nothing to grade."""

from __future__ import annotations

import math

import pytest

from casebook.quiz.grading import (
    MAX_REFLECTION_CHARS,
    MAX_TEXT_CHARS,
    grade,
    grade_match,
    grade_multiple,
    grade_numeric,
    grade_order,
    grade_reflection,
    grade_single,
    grade_text,
)
from casebook.quiz.model import NumericQuestion, TextQuestion
from casebook.quiz.normalise import NotANumber, comparison_key, fold_text, parse_number


def numeric(**kwargs) -> NumericQuestion:
    return NumericQuestion(id="n", prompt="?", **kwargs)


# -- single -----------------------------------------------------------------------------------------


def test_single_right_option_is_correct_with_its_feedback(every_type) -> None:
    result = grade_single(every_type.question("one"), 1)
    assert result.status == "correct" and result.correct and result.score == 1.0
    assert result.feedback.startswith("✔ Correct")
    assert "B is right" in result.feedback


def test_single_wrong_option_says_not_quite_and_gives_its_feedback(every_type) -> None:
    result = grade_single(every_type.question("one"), 0)
    assert (result.status, result.score) == ("incorrect", 0.0)
    assert result.feedback.startswith("✘ Not quite") and "A is wrong" in result.feedback
    assert "B is right" not in result.feedback  # a wrong answer does not leak the right one


@pytest.mark.parametrize("answer", [None, -1, 3, 99, "1", 1.0, True, [1], {"x": 1}, math.nan])
def test_single_nothing_to_grade_does_not_count(every_type, answer) -> None:
    result = grade_single(every_type.question("one"), answer)
    assert result.status == "invalid" and not result.counts_as_attempt
    assert result.feedback.startswith("ⓘ") and "Choose one option" in result.feedback


# -- multiple -----------------------------------------------------------------------------------------


def test_multiple_all_right_and_nothing_wrong_is_correct(every_type) -> None:
    assert grade_multiple(every_type.question("many"), [0, 2]).status == "correct"
    assert grade_multiple(every_type.question("many"), (2, 0)).score == 1.0


def test_multiple_partial_credit_is_right_minus_wrong_over_right(every_type) -> None:
    q = every_type.question("many")
    half = grade_multiple(q, [0])
    assert (half.status, half.score) == ("partial", 0.5)
    assert half.feedback.startswith("◑ Partly right") and "1 of the 2 right options" in half.feedback
    assert grade_multiple(q, [0, 2, 1]).score == 0.5
    assert "not B" in grade_multiple(q, [0, 2, 1]).feedback


def test_multiple_never_scores_below_zero(every_type) -> None:
    result = grade_multiple(every_type.question("many"), [0, 1, 3])
    assert (result.status, result.score) == ("incorrect", 0.0)
    assert grade_multiple(every_type.question("many"), [1, 3]).score == 0.0


@pytest.mark.parametrize("answer", [[], None, "02", [0, 9], [True], 5, [None]])
def test_multiple_nothing_to_grade(every_type, answer) -> None:
    assert grade_multiple(every_type.question("many"), answer).status == "invalid"


# -- numeric --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["38", " 38 ", "38.0", "38 states", "38 STATES", 38, 38.0, "3.8e1", "+38"])
def test_numeric_exact_answer_in_many_spellings(every_type, typed) -> None:
    assert grade_numeric(every_type.question("number"), typed).correct


def test_numeric_wrong_says_which_way(every_type) -> None:
    high = grade_numeric(every_type.question("number"), "39")
    low = grade_numeric(every_type.question("number"), "37.5")
    assert high.status == low.status == "incorrect"
    assert "too high" in high.feedback and "too low" in low.feedback


def test_numeric_absolute_relative_and_range() -> None:
    assert grade_numeric(numeric(answer=1486, tolerance=10), "1,495").correct
    assert not grade_numeric(numeric(answer=1486, tolerance=10), "1,497").correct
    assert grade_numeric(numeric(answer=200, relative_tolerance=0.1), "219.9").correct
    assert not grade_numeric(numeric(answer=200, relative_tolerance=0.1), "221").correct
    assert grade_numeric(numeric(range=(1400, 1500)), "1400").correct  # inclusive
    assert grade_numeric(numeric(range=(1400, 1500)), "1500").correct
    assert not grade_numeric(numeric(range=(1400, 1500)), "1501").correct


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Type a number first"),
        ("   ", "Type a number first"),
        ("abc", "is not a number"),
        ("NaN", "not infinity or NaN"),
        ("inf", "not infinity or NaN"),
        (math.nan, "not infinity or NaN"),
        (math.inf, "not infinity or NaN"),
        (True, "not a number"),
        (None, "not a number"),
        ("9" * 10_000, "too long"),
        ("🙂", "is not a number"),
    ],
)
def test_numeric_unreadable_input_gets_a_message(every_type, typed, message) -> None:
    result = grade_numeric(every_type.question("number"), typed)
    assert result.status == "invalid" and message in result.feedback


def test_parse_number_reads_grouping_and_decimal_commas() -> None:
    assert parse_number("1,486") == 1486
    assert parse_number("1 486") == 1486
    assert parse_number("3,5") == 3.5
    assert parse_number("−4") == -4  # a typographic minus
    assert parse_number("12 %", unit="%") == 12
    with pytest.raises(NotANumber):
        parse_number("1,2,3")


# -- text -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["Helsinki Final Act", "  helsinki   final act ", "HELSINKI FINAL-ACT!", "Final Act", "final  act."],
)
def test_text_accepts_answers_after_folding(every_type, typed) -> None:
    assert grade_text(every_type.question("words"), typed).correct


def test_text_folding_ignores_accents_case_spaces_and_punctuation() -> None:
    assert fold_text("  Hervé   ASCENSIO! ") == "herve ascensio"
    assert comparison_key("co-operation") == comparison_key("Co operation") == "cooperation"
    question = TextQuestion(id="t", prompt="?", accept=("Hervé Ascensio",))
    assert grade_text(question, "herve ascensio").correct


def test_text_expected_wrong_answer_gets_its_feedback(every_type) -> None:
    result = grade_text(every_type.question("words"), "moscow document")
    assert result.status == "incorrect" and "That came in 1991." in result.feedback
    other = grade_text(every_type.question("words"), "Vienna Document")
    assert other.status == "incorrect" and "1991" not in other.feedback


def test_text_pattern_is_matched_against_the_folded_answer() -> None:
    question = TextQuestion(id="t", prompt="?", accept=(), pattern="^helsinki")
    assert grade_text(question, "Helsinki, 1975").correct
    assert not grade_text(question, "The Helsinki Act").correct


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Type your answer"),
        ("  \n ", "Type your answer"),
        ("?!…", "no letters or digits"),
        ("x" * (MAX_TEXT_CHARS + 1), "longer than a short answer"),
        (None, "Type your answer"),
    ],
)
def test_text_nothing_to_grade(every_type, typed, message) -> None:
    result = grade_text(every_type.question("words"), typed)
    assert result.status == "invalid" and message in result.feedback


def test_text_number_typed_where_text_is_expected_is_graded_as_text(every_type) -> None:
    assert grade_text(every_type.question("words"), 1975).status == "incorrect"
    assert grade_text(every_type.question("words"), "🙂 Final Act 🙂").correct


# -- order -------------------------------------------------------------------------------------------------


def test_order_right_order_is_correct(every_type) -> None:
    assert grade_order(every_type.question("steps"), [0, 1, 2]).correct


def test_order_partial_credit_is_the_share_of_pairs_in_order(every_type) -> None:
    q = every_type.question("steps")
    swapped = grade_order(q, [1, 0, 2])  # pairs (0,1) wrong, (0,2) and (1,2) right
    assert swapped.status == "partial" and swapped.score == pytest.approx(2 / 3)
    assert "2 of 3 pairs" in swapped.feedback
    assert grade_order(q, [2, 1, 0]).score == 0.0


@pytest.mark.parametrize("answer", [[0, 1], [0, 0, 1], [0, 1, 3], "012", None, [0, 1, 2, 2], [0.0, 1, 2]])
def test_order_must_use_every_item_once(every_type, answer) -> None:
    result = grade_order(every_type.question("steps"), answer)
    assert result.status == "invalid"


# -- match -------------------------------------------------------------------------------------------------


def test_match_scores_the_share_of_terms_matched(every_type) -> None:
    q = every_type.question("pairs")
    assert grade_match(q, [0, 1]).correct
    half = grade_match(q, [0, 2])
    assert (half.status, half.score) == ("partial", 0.5) and "1 of 2 terms" in half.feedback
    assert grade_match(q, [1, 0]).score == 0.0


def test_match_wants_every_term_matched_first(every_type) -> None:
    q = every_type.question("pairs")
    assert "1 still open" in grade_match(q, [0, None]).feedback
    for answer in ([0], [0, 1, 2], [0, 7], None, "01"):
        assert grade_match(q, answer).status == "invalid"


# -- evidence and reflection ----------------------------------------------------------------------------


def test_evidence_is_graded_like_a_single_choice(every_type) -> None:
    q = every_type.question("proof")
    assert grade(q, 0).correct and "Yes" in grade(q, 0).feedback
    assert grade(q, 1).status == "incorrect"
    assert "Choose one passage" in grade(q, None).feedback


def test_reflection_is_saved_not_graded_and_nudges_short_answers(every_type) -> None:
    q = every_type.question("thoughts")
    short = grade_reflection(q, "Too short.")
    assert (short.status, short.score) == ("saved", 0.0) and not short.counts_as_attempt
    assert short.feedback.startswith("✔ Saved") and "about 5 words" in short.feedback
    full = grade_reflection(q, "I would like to check every number the speaker gives.")
    assert "not graded" in full.feedback and "about 5 words" not in full.feedback


def test_reflection_empty_or_too_long_is_not_saved(every_type) -> None:
    q = every_type.question("thoughts")
    assert grade_reflection(q, "   ").status == "invalid"
    assert grade_reflection(q, 42).status == "invalid"
    huge = grade_reflection(q, "word " * (MAX_REFLECTION_CHARS // 4))
    assert huge.status == "invalid" and "too long to save" in huge.feedback
    assert grade_reflection(q, "x" * 10_000 + " 🙂").status == "saved"


def test_grade_dispatches_on_type(every_type) -> None:
    statuses = [grade(q, None).status for q in every_type.questions]
    assert statuses == ["invalid"] * 8
