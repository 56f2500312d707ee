"""One text module: one folding, one word count, shared by the toolkit, quizzes and the glossary."""

from __future__ import annotations

import pytest

from casebook import checks, glossary
from casebook.checks import compare
from casebook.quiz import normalise
from casebook.text import fold, kind, plural, shorten, word_count, words
from casebook.transcript import segment


def test_every_part_uses_the_one_word_count_and_folding() -> None:
    assert segment.word_count is word_count and normalise.word_count is word_count
    assert normalise.fold_text is fold and glossary.fold is fold
    assert compare.fold is fold and checks.fold is fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("500 €", "500"),
        ("€500", "500"),
        ("20 °C", "20 c"),
        ("20°C", "20 c"),
        ("$5 + 3 = 8", "5 3 8"),
        ("© OSCE", "osce"),
        ("€ °", ""),
    ],
)
def test_fold_turns_every_symbol_into_a_space_as_it_does_punctuation(text: str, expected: str) -> None:
    # Before one fold, the checks kept "€" and "°" but dropped "$": an exercise and a quiz folded apart.
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is it 1,486 – or more?", ["Is", "it", "1,486", "or", "more"]),
        ("The U.S. didn't act alone.", ["The", "U.S", "didn't", "act", "alone"]),
        ("co-aggressor (Inaudible)", ["co-aggressor", "Inaudible"]),
        ("", []),
    ],
)
def test_words_keep_numbers_abbreviations_and_contractions_whole(text: str, expected: list[str]) -> None:
    assert words(text) == expected and word_count(text) == len(expected)


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("  Helsinki  Final-Act! ") == "helsinki final act"
    assert fold("Hervé Łukašenka") == "herve łukasenka"


def test_kind_shorten_and_plural_in_words() -> None:
    assert [kind(v) for v in (None, True, 3, 2.5, "x", [], {})] == [
        "empty", "true/false", "a whole number", "a number", "text", "a list", "a mapping",
    ]  # fmt: skip
    assert kind(None, "json") == "null" and kind(3, "json") == "a number" and kind({}, "json") == "an object"
    assert shorten("abcdef", 4) == "abc…" and shorten("abc", 4) == "abc"
    assert plural(1, "problem") == "1 problem" and plural(1486, "word") == "1,486 words"
    assert plural(2, "criterion", "criteria") == "2 criteria"
