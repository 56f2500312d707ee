"""The comparison helpers: a passing and a failing case each, and the sentences they produce."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

import pytest

from casebook.checks.compare import (
    Comparison,
    Finding,
    combine,
    compare_date,
    compare_items,
    compare_length,
    compare_mapping,
    compare_number,
    compare_text,
    compare_type,
    fold,
)
from casebook.checks.describe import count, names, number, short

QUESTIONERS = ["Ana", "Ben", "Chloé", "Dara", "Eli", "Milos Rudovic"]


def props(result: Comparison) -> list[str]:
    return [f.prop for f in result.findings]


def test_the_issue_example_sentence() -> None:
    result = compare_items(QUESTIONERS[:5], QUESTIONERS, what="questioners")
    assert not result.passed
    assert result.problems == ["expected a list of 6 questioners, got 5: Milos Rudovic is missing"]


def test_items_pass_in_any_order_unless_ordered() -> None:
    shuffled = list(reversed(QUESTIONERS))
    result = compare_items(shuffled, QUESTIONERS, what="questioners")
    assert result.passed
    assert props(result) == [
        "your answer is a list of questioners",
        "it holds exactly the expected 6 questioners",
    ]
    ordered = compare_items(shuffled, QUESTIONERS, what="questioners", ordered=True)
    assert not ordered.passed
    assert ordered.problems == [
        "the questioners are right but not in the expected order: item 1 should be Ana, not 'Milos Rudovic'"
    ]
    assert compare_items(list(QUESTIONERS), QUESTIONERS, what="questioners", ordered=True).passed


def test_items_name_what_is_extra_repeated_or_missing() -> None:
    extra = compare_items([*QUESTIONERS, "Zoe"], QUESTIONERS, what="questioners")
    assert extra.problems == ["expected a list of 6 questioners, got 7: 'Zoe' should not be there"]
    swapped = compare_items([*QUESTIONERS[:5], "Zoe"], QUESTIONERS, what="questioners")
    assert swapped.problems == [
        "expected a list of 6 questioners, got 6, but Milos Rudovic is missing; 'Zoe' should not be there"
    ]
    repeated = compare_items([*QUESTIONERS, "Ana"], QUESTIONERS, what="questioners")
    assert repeated.problems == [
        "expected a list of 6 questioners, got 7: 'Ana' (2 times, expected 1) should not be there"
    ]
    hidden = compare_items(QUESTIONERS[:4], QUESTIONERS, what="questioners", reveal_items=False)
    assert hidden.problems == ["expected a list of 6 questioners, got 4: 2 are missing"]


def test_numbers_named_in_a_list_have_no_thousands_separator() -> None:
    """The list's own commas separate items: "2,011, 2,020" would read as four numbers."""
    years = compare_items([], [2011, 2020, 2023], what="years", ordered=True, item_type=int)
    assert years.problems == ["expected a list of 3 years, got 0: 2011, 2020 and 2023 are missing"]
    counts = compare_items([1477, 1452, 1430.0, 12345], [1477, 1452, 1430], what="counts")
    assert counts.problems == ["expected a list of 3 counts, got 4: 12345 should not be there"]
    order = compare_items([2020, 2011], [2011, 2020], what="years", ordered=True)
    assert order.problems == [
        "the years are right but not in the expected order: item 1 should be 2011, not 2020"
    ]


def test_items_can_be_matched_ignoring_case_and_accents() -> None:
    typed = ["ana", "BEN", "Chloe", "dara", "eli", "milos rudovic"]
    assert not compare_items(typed, QUESTIONERS, what="questioners").passed
    assert compare_items(typed, QUESTIONERS, what="questioners", key=fold).passed


def test_items_of_the_wrong_type_stop_the_membership_check() -> None:
    result = compare_items(["Ana", 7, None], QUESTIONERS, what="questioners", item_type=str)
    assert result.problems == ["item 2 is a whole number (int) (7) and item 3 is None (None)"]
    assert result.not_checked == ("it holds exactly the expected 6 questioners",)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("Ana, Ben", "got one text ('Ana, Ben'); put them in a list"),
        ({"Ana": 1}, "got a dictionary"),
        (iter(QUESTIONERS), "got an iterator"),
        (None, "got None (nothing: did a function forget to return its result?)"),
        (42, "got a whole number (int) (42)"),
        ([], None),
    ],
)
def test_items_given_something_else_answer_with_a_sentence(value: object, words: str | None) -> None:
    result = compare_items(value, QUESTIONERS, what="questioners")
    assert not result.passed
    if words is None:  # an empty list is a list: the membership check names everything missing
        assert result.problems[0].startswith("expected a list of 6 questioners, got 0: Ana, Ben, Chloé")
    else:
        assert words in result.problems[0]
        assert result.not_checked == ("it holds exactly the expected 6 questioners",)


def test_a_set_has_no_order() -> None:
    result = compare_items(set(QUESTIONERS), QUESTIONERS, what="questioners", ordered=True)
    assert "got a set, which has no order" in result.problems[0]
    assert compare_items(set(QUESTIONERS), QUESTIONERS, what="questioners").passed


def test_items_that_cannot_be_hashed_are_still_compared() -> None:
    expected = [[1, 2], [3]]
    assert compare_items([[3], [1, 2]], expected).passed
    assert compare_items([[3], [1]], expected).problems == [
        "expected a list of 2 items, got 2, but [1, 2] is missing; [1] should not be there"
    ]


def test_number_within_tolerance_passes_and_outside_says_too_high_or_low() -> None:
    assert compare_number(100, 100).passed
    assert compare_number(100.4, 100, abs_tol=0.5).passed
    assert compare_number(101, 100, rel_tol=0.01).passed
    assert compare_number(102, 100, rel_tol=0.01).problems == ["102 is too high"]
    assert compare_number(98, 100, what="the count").problems == ["98 is too low"]
    assert compare_number(98, 100, reveal=True).problems == ["expected 100, got 98"]
    assert props(compare_number(100, 100, abs_tol=2)) == [
        "your answer is a number",
        "your answer is the expected value (within ±2)",
    ]


def test_a_whole_number_is_required_only_when_asked() -> None:
    assert compare_number(12.0, 12, whole=True).passed
    result = compare_number(12.5, 12, whole=True, what="the count")
    assert result.problems == ["got 12.5, but the count is a whole number"]
    assert result.not_checked == ("the count is exactly the expected value",)
    assert compare_number(Fraction(1, 3), Fraction(1, 3)).passed


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "True or False is not a number here"),
        ("42", "got the text '42': write it without quotes"),
        ("many", "got the text 'many'"),
        (None, "got None"),
        ([1, 2], "got a list of 2 items"),
        (math.nan, "NaN (not a number)"),
        (-math.inf, "minus infinity"),
        (1 + 2j, "got a complex"),
    ],
)
def test_number_given_something_else_answers_with_a_sentence(value: object, words: str) -> None:
    result = compare_number(value, 5)
    assert not result.passed
    assert words in result.problems[0]
    assert result.not_checked == ("your answer is exactly the expected value",)


def test_huge_numbers_are_described_by_size() -> None:
    assert compare_number(10**5000, 5).problems == ["a whole number with 5,001 digits is too high"]
    assert compare_number(-(10**5000), 5).problems == ["a negative whole number with 5,001 digits is too low"]
    assert compare_number(1e308, 5).problems == ["1e+308 is too high"]


def test_text_is_folded_unless_exact() -> None:
    assert compare_text("  helsinki final-act ", "Helsinki Final Act").passed
    assert compare_text("Lukašenka", "lukasenka").passed
    assert compare_text("Final Act", "Helsinki Final Act", accept=["Final Act"]).passed
    assert not compare_text("helsinki final act", "Helsinki Final Act", exact=True).passed
    result = compare_text("Moscow Document", "Helsinki Final Act")
    assert result.problems == ["got 'Moscow Document', which is not the expected text"]
    assert compare_text("Moscow", "Helsinki", reveal=True).problems == ["expected 'Helsinki', got 'Moscow'"]
    assert compare_text("   ", "Helsinki").problems == ["got an empty text"]


def test_text_folds_symbols_as_quiz_answers_do() -> None:
    assert compare_text("20 °C", "20 C").passed
    assert compare_text("€ 500", "500").passed
    assert compare_text("$500", "500").passed
    assert not compare_text("20 °C", "20 °C ", exact=True).passed


def test_a_text_of_only_symbols_matches_nothing() -> None:
    result = compare_text("€", "$")
    assert not result.passed
    assert result.problems == ["got '€', which has no letters or digits to compare"]
    assert compare_text("€", "€", exact=True).passed


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (b"abc", "got bytes: decode them first"),
        (["a", "b"], "expected one text (str)"),
        (3, "got a whole number"),
    ],
)
def test_text_given_something_else_answers_with_a_sentence(value: object, words: str) -> None:
    result = compare_text(value, "abc")
    assert words in result.problems[0]
    assert len(result.not_checked) == 1


def test_mapping_keys_and_values() -> None:
    expected = {"Canada": 3, "France": 5}
    assert compare_mapping({"France": 5, "Canada": 3}, expected, keys="countries").passed
    keys = compare_mapping({"Canada": 3, "Spain": 1}, expected, keys="countries")
    assert keys.problems == ["France is missing; 'Spain' should not be there"]
    assert keys.not_checked == ("the value for each of the countries is right",)
    values = compare_mapping({"Canada": 4, "France": 5}, expected, keys="countries")
    assert values.problems == ["the value for Canada is not right (got 4)"]
    tolerant = compare_mapping(
        {"Canada": 3.04, "France": 7}, expected, compare_value=lambda v, e: compare_number(v, e, abs_tol=0.1)
    )
    assert tolerant.problems == ["for France, 7 is too high"]
    assert (
        "expected a dictionary of keys, got a list" in compare_mapping([("Canada", 3)], expected).problems[0]
    )


def test_type_and_length_check_only_what_they_say() -> None:
    assert compare_type([1], list).passed
    assert props(compare_type([1], list)) == ["your answer is a list"]
    assert compare_type(True, int).problems == [
        "expected a whole number (int), got True or False (a bool) (True)"
    ]
    assert compare_type(1.5, (int, float)).passed
    assert compare_length([1, 2, 3], 3, what="quotes").passed
    assert compare_length([1, 2], 3, what="quotes").problems == ["expected 3 quotes, got 2"]
    assert compare_length("abc", 3, what="quotes").problems == [
        "expected a list of quotes, got a text (str) ('abc')"
    ]
    assert props(compare_length([1], 1, what="quotes")) == ["your answer has 1 quote"]


def test_a_comparison_passes_only_when_everything_was_checked_and_holds() -> None:
    assert not Comparison(()).passed
    assert not Comparison((Finding("a", True),), ("b",)).passed
    both = combine(compare_number(1, 1, what="the count"), compare_text("x", "y", what="the name"))
    assert not both.passed and len(both.findings) == 4


def test_a_number_just_off_a_whole_one_still_shows_its_fraction() -> None:
    assert number(1496.0000001) == "1,496.0000001"
    assert number(-2.0000001) == "-2.0000001"
    assert compare_number(1496.0000001, 1496, whole=True).problems[0].startswith("got 1,496.0000001, but")


def test_descriptions_are_short_and_never_raise() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no")

    assert short(Hostile()).startswith("<Hostile ")
    assert len(short("x" * 10_000)) <= 80
    assert (
        number(1234567) == "1,234,567" and number(0.25) == "0.25" and number(math.nan) == "NaN (not a number)"
    )
    assert count(1, "countries") == "1 country" and count(2, "questioners") == "2 questioners"
    assert names(["A", "B", "C"]) == "A, B and C"
    assert names([str(i) for i in range(8)], 5) == "0, 1, 2, 3, 4 and 3 more"
    recursive: list[object] = []
    recursive.append(recursive)
    assert short(recursive)


def test_a_number_with_the_wrong_sign_is_named_so_unless_it_is_zero() -> None:
    assert compare_number(-7, 7).problems == ["-7 has the right size but the wrong sign"]
    assert compare_number(-7.01, 7, abs_tol=0.05).problems == ["-7.01 has the right size but the wrong sign"]
    assert compare_number(-8, 7).problems == ["-8 is too low"]
    assert compare_number(0, 0).passed


def test_a_share_given_for_a_percentage_is_named_only_when_asked_for_percentages() -> None:
    assert compare_number(0.796, 79.6, abs_tol=0.05, percent=True).problems == [
        "0.796 looks like a share from 0 to 1: a percentage is 100 times the share"
    ]
    assert compare_number(0.796, 79.6, abs_tol=0.05).problems == ["0.796 is too low"]
    assert compare_number(0.5, 79.6, abs_tol=0.05, percent=True).problems == ["0.5 is too low"]
    assert compare_number(79.6, 79.6, percent=True).passed


def test_part_of_the_text_or_more_than_it_is_named() -> None:
    sentence = "There are currently at least 1,486 political prisoners in Belarus."
    assert compare_text("at least 1,486", sentence).problems == [
        "got 'at least 1,486', which is only part of the expected text: give all of it"
    ]
    assert (
        compare_text(f"Legislation was adopted. {sentence}", sentence)
        .problems[0]
        .endswith("which holds the expected text and more: give only what was asked")
    )
    assert (
        compare_text("Alex", "Alex Raufoglu")
        .problems[0]
        .endswith("only part of the expected text: give all of it")
    )
    # whole words only: a letter or a piece of a word is simply not the text
    assert compare_text("Raufo", "Alex Raufoglu").problems == ["got 'Raufo', which is not the expected text"]
    assert compare_text("V", "U").problems == ["got 'V', which is not the expected text"]


def test_dates_pass_as_dates_or_iso_text_and_say_early_or_late() -> None:
    day = date(2022, 2, 1)
    assert compare_date(day, day).passed
    assert compare_date("2022-02-01", day).passed
    assert compare_date(" 2022-02-01 ", day).passed
    assert compare_date(datetime(2022, 2, 1, 12, 30), day).passed
    assert compare_date(date(2022, 1, 1), day).problems == ["2022-01-01 is too early"]
    assert compare_date("2022-03-01", day).problems == ["2022-03-01 is too late"]
    assert compare_date("2022-03-01", day, reveal=True).problems == ["expected 2022-02-01, got 2022-03-01"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("Feb 2022", "got the text 'Feb 2022', which is not a date written YYYY-MM-DD"),
        ("2022-02-30", "got the text '2022-02-30', which is not a date written YYYY-MM-DD"),
        (None, "expected a date, got None (nothing: did a function forget to return its result?)"),
        (2022, "expected a date, got a whole number (int) (2,022)"),
        ([], "expected a date, got an empty list"),
    ],
)
def test_what_is_not_a_date_gets_a_sentence_and_the_day_is_not_checked(value: object, problem: str) -> None:
    result = compare_date(value, date(2022, 2, 1), what="the date")
    assert result.problems == [problem]
    assert result.not_checked == ("the date is the expected day",)


@dataclass(frozen=True)
class Row:
    """A record like those casebook.data.load returns."""

    id: str
    count: int


def test_a_whole_record_given_for_one_of_its_fields_is_named_with_its_fields() -> None:
    assert compare_number(Row("p1", 5), 5).problems == [
        "expected a number, got a whole Row record: take the field you need from it (its fields: id, count)"
    ]
    assert compare_items([Row("p1", 5), 7], [5, 7], what="counts", item_type=int).problems == [
        "item 1 is a whole Row record: take the field you need from each record (its fields: id, count)"
    ]
    assert compare_items([5, "7"], [5, 7], what="counts", item_type=int).problems == [
        "item 2 is a text (str) ('7')"
    ]
