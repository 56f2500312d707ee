"""Speaker labels in every style seen on state.gov, at the start of a line and mid-line."""

from __future__ import annotations

import pytest

from casebook.transcript import parse
from casebook.transcript.labels import find_labels, normalize_label

STYLES = [
    ("MODERATOR:", "MODERATOR", "moderator"),
    ("Moderator:", "MODERATOR", "moderator"),
    ("AMBASSADOR CARPENTER:", "AMBASSADOR CARPENTER", "briefer"),
    ("Ambassador Carpenter:", "AMBASSADOR CARPENTER", "briefer"),
    ("MR PRICE:", "MR PRICE", "briefer"),
    ("MR. PRICE:", "MR. PRICE", "briefer"),
    ("MS. NULAND:", "MS. NULAND", "briefer"),
    ("U/S Thompson:", "U/S THOMPSON", "briefer"),
    ("OPERATOR:", "OPERATOR", "operator"),
    ("QUESTION:", "QUESTION", "questioner"),
    ("Question:", "QUESTION", "questioner"),
    ("Q:", "Q", "questioner"),
    ("SENIOR STATE DEPARTMENT OFFICIAL:", "SENIOR STATE DEPARTMENT OFFICIAL", "briefer"),
    ("SENIOR ADMINISTRATION OFFICIAL 2:", "SENIOR ADMINISTRATION OFFICIAL 2", "briefer"),
    ("AMBASSADOR THOMAS-GREENFIELD:", "AMBASSADOR THOMAS-GREENFIELD", "briefer"),
    ("MR. O'BRIEN:", "MR. O'BRIEN", "briefer"),
    ("INTERPRETER:", "INTERPRETER", "other"),
    ("PRESIDENT EXAMPLE (via interpreter):", "PRESIDENT EXAMPLE (VIA INTERPRETER)", "briefer"),
    ("THE MODERATOR:", "THE MODERATOR", "moderator"),
]


@pytest.mark.parametrize(("label", "speaker", "role"), STYLES, ids=[s[0] for s in STYLES])
def test_label_style_at_the_start_of_a_line(label: str, speaker: str, role: str) -> None:
    t = parse(f"Some page title\n\n{label}  Thank you.\n\nQUESTION:  Next, please.\n")
    assert [(turn.speaker, turn.role) for turn in t.turns] == [(speaker, role), ("QUESTION", "questioner")]
    assert t.turns[0].text == "Thank you."
    assert t.metadata.header == ("Some page title",)


@pytest.mark.parametrize(("label", "speaker", "role"), STYLES, ids=[s[0] for s in STYLES])
def test_label_style_mid_line_after_a_sentence(label: str, speaker: str, role: str) -> None:
    t = parse(f"QUESTION: Is this on? {label} Thank you. QUESTION: Next, please.")
    assert [turn.speaker for turn in t.turns] == ["QUESTION", speaker, "QUESTION"]
    assert t.turns[1].text == "Thank you."
    assert t.turns[0].text == "Is this on?"


def test_label_with_text_on_the_next_line_and_no_break_spaces() -> None:
    t = parse("AMBASSADOR\xa0 CARPENTER:\nGreat, thanks.\r\nMODERATOR:\xa0 Thank you.")
    assert [turn.speaker for turn in t.turns] == ["AMBASSADOR CARPENTER", "MODERATOR"]
    assert t.turns[0].text == "Great, thanks."


def test_words_on_the_last_labels_own_line_are_never_footer() -> None:
    """'X' and 'Print' are footer lines on state.gov, but not when they follow a label on its line."""
    t = parse("MODERATOR: Welcome.\n\nQUESTION: X\nFacebook\nPrint\n")
    assert [turn.text for turn in t.turns] == ["Welcome.", "X"]
    assert t.metadata.footer == ("Facebook", "Print")


def test_two_question_turns_in_a_row_stay_two_turns() -> None:
    t = parse("QUESTION: First part?\n\nQUESTION: Second part?\n\nMR PRICE: One answer.")
    assert [turn.speaker for turn in t.turns] == ["QUESTION", "QUESTION", "MR PRICE"]
    (exchange,) = t.exchanges()
    assert exchange.question_turns == (1, 2) and exchange.answer_turns == (3,)  # turn numbers, from 1


@pytest.mark.parametrize(
    "text",
    [
        "My question is: what can be done?",
        "So with respect to your latter question, absolutely: this is a time to act.",
        "The meeting starts at 10:30 today.",
        "See https://example.org for more.",
        "Note: this is not a speaker.",
        "NOTE: neither is this.",
        "question: lower case is not a label.",
        "Weekly Roundup: a capitalised heading that appears only once.",
        "THANK YOU. MR. Smith said so: fine.",
        "In 2021: a year is not a speaker.",
    ],
)
def test_colons_that_are_not_labels(text: str) -> None:
    assert find_labels(text) == []
    assert parse(text).turns == []


def test_sentence_end_before_a_label_is_not_part_of_it() -> None:
    (label,) = [x for x in find_labels("He said thank you. MODERATOR: Next.") if x.speaker]
    assert label.speaker == "MODERATOR"
    labels = find_labels("Go ahead. THANK YOU. MODERATOR: Next.")
    assert [x.speaker for x in labels] == ["MODERATOR"]


def test_plain_names_count_only_when_they_open_two_lines() -> None:
    once = parse("Jane Doe: Hello.\nMODERATOR: Welcome.")
    assert [t.speaker for t in once.turns] == ["MODERATOR"]
    twice = parse("Jane Doe: Hello.\nMODERATOR: Welcome.\nJane Doe: Thanks.")
    assert [(t.speaker, t.role) for t in twice.turns] == [
        ("JANE DOE", "briefer"),
        ("MODERATOR", "moderator"),
        ("JANE DOE", "briefer"),
    ]
    midline = parse("MODERATOR: Welcome. Jane Doe: Hello. Jane Doe: Thanks.")
    assert [t.speaker for t in midline.turns] == ["MODERATOR"]


def test_normalize_label_and_roles() -> None:
    assert normalize_label("  Ambassador \xa0 Carpenter:") == "AMBASSADOR CARPENTER"
    labels = ["MODERATOR", "OPERATOR", "QUESTION", "STAFF", "U/S THOMPSON"]
    turns = parse("".join(f"{label}: Words {n}.\n" for n, label in enumerate(labels))).turns
    assert [t.role for t in turns] == ["moderator", "operator", "questioner", "other", "briefer"]
