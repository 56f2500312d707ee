"""Sentence splitting that survives abbreviations, initials and numbers, and word counts."""

from __future__ import annotations

import pytest

from casebook.transcript.segment import normalize, sentence_spans, split_sentences, word_count, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Mission agrees. It said so.", ["The U.S. Mission agrees.", "It said so."]),
        ("Dr. Ascensio wrote it. Mr. Smith read it.", ["Dr. Ascensio wrote it.", "Mr. Smith read it."]),
        ("They met in St. Petersburg. Then they left.", ["They met in St. Petersburg.", "Then they left."]),
        ("Ambassador Michael R. Carpenter spoke. Next.", ["Ambassador Michael R. Carpenter spoke.", "Next."]),
        ("It rose 3.5 percent in 2021. Then it fell.", ["It rose 3.5 percent in 2021.", "Then it fell."]),
        ("There were 1,486. That is many.", ["There were 1,486.", "That is many."]),
        ("Colony No. 3 is far. Yes.", ["Colony No. 3 is far.", "Yes."]),
        ("He asks, “Why now?” And then, “Who?”", ["He asks, “Why now?”", "And then, “Who?”"]),
        ("Is it true? yes, it is.", ["Is it true? yes, it is."]),
        ("Wait... No, go on!", ["Wait...", "No, go on!"]),
        ("(Laughter.) Thank you.", ["(Laughter.)", "Thank you."]),
        ("It ends at 5 p.m. every day.", ["It ends at 5 p.m. every day."]),
        (
            "First paragraph without a stop\nSecond paragraph.",
            ["First paragraph without a stop", "Second paragraph."],
        ),
        ("A line wrapped\nin the middle. Next.", ["A line wrapped in the middle.", "Next."]),
        ("Para one.\n\n\nPara two.\r\nPara three.", ["Para one.", "Para two.", "Para three."]),
        ("No\xa0 break\xa0spaces.\xa0 Next.", ["No break spaces.", "Next."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_spans_point_at_the_sentences() -> None:
    text = "  One.  Two?\n\nThree!  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two?", "Three!"]


def test_words_keep_numbers_abbreviations_and_contractions_whole() -> None:
    assert words("At least 1,486 people, the U.S. says; don’t count (Inaudible).") == [
        "At", "least", "1,486", "people", "the", "U.S", "says", "don’t", "count", "Inaudible",
    ]  # fmt: skip
    assert word_count("") == 0
    assert normalize(" a \n\n b\xa0 c ") == "a b c"
