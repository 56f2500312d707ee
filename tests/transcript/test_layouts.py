"""Layouts of pages in the wild (issue 19): time stamps before labels, page lines between turns, menus,
pages that start mid-turn, aggregator links; and every guess is reported as a quirk with its reason."""

from __future__ import annotations

from casebook.transcript import parse
from casebook.transcript.clean import is_page_line
from casebook.transcript.report import transcript_command


def test_a_label_after_a_time_stamp_on_a_flattened_line_keeps_the_time_zone_out_of_the_label() -> None:
    t = parse("Briefing title 2:36 p.m. EST MR PRICE: So let’s get started. QUESTION: A question?")
    assert [turn.speaker for turn in t.turns] == ["MR PRICE", "QUESTION"]
    assert t.turns[0].text == "So let’s get started."
    assert t.metadata.header == ("Briefing title 2:36 p.m. EST",)
    kinds = [(q.kind, q.turn) for q in t.quirks() if q.kind == "mid-line-label"]
    assert kinds == [("mid-line-label", 1), ("mid-line-label", 2)]  # turn numbers, from 1


def test_page_lines_between_turns_are_set_aside_and_reported() -> None:
    text = (
        "MODERATOR: Welcome, everyone.\n\nClick here to listen\n\n"
        "MR PRICE: Thank you.\n1:45 p.m. EDT\nEnglish | Español | Français\n\n"
        "QUESTION: Can I ask about Belarus?\n"
    )
    t = parse(text)
    assert [turn.text for turn in t.turns] == ["Welcome, everyone.", "Thank you.", "Can I ask about Belarus?"]
    assert t.metadata.between == ("Click here to listen", "1:45 p.m. EDT", "English | Español | Français")
    page = [q for q in t.quirks() if q.kind == "page-lines"]
    assert [q.turn for q in page] == [1, 2]
    assert page[0].message.startswith("After turn 1 (MODERATOR): ")
    assert "Click here to listen" in page[0].message and "set aside" in page[0].message


def test_a_turn_keeps_its_first_line_even_when_it_is_a_footer_word() -> None:
    t = parse("QUESTION: Print\n\nMR PRICE: Yes.\n")
    assert [turn.text for turn in t.turns] == ["Print", "Yes."]
    assert t.metadata.between == ()


def test_what_counts_as_a_page_line() -> None:
    for line in ("2:15 p.m. EST", "(1:05 p.m. EDT)", "View Video", "English Español Русский", "Read More»"):
        assert is_page_line(line), line
    for line in ("Thank you.", "English is spoken here.", "Go ahead.", "12 people", "Russia"):
        assert not is_page_line(line), line


def test_a_page_that_starts_in_the_middle_of_a_turn_is_reported_not_hidden() -> None:
    text = (
        "and that is why we continue to press the regime on the release of every political prisoner, and\n\n"
        "QUESTION: Thank you. A follow-up?\n\nMR PRICE: Sure.\n"
    )
    t = parse(text)
    assert [turn.speaker for turn in t.turns] == ["QUESTION", "MR PRICE"]
    (quirk,) = [q for q in t.quirks() if q.kind == "text-before-first-label"]
    assert "middle of a turn" in quirk.message


def test_an_aggregator_link_is_cut_off_the_last_turn_and_reported() -> None:
    t = parse("MR PRICE: We have news to start us off. In those… Continue reading Briefing – May 2021")
    assert t.turns[0].text == "We have news to start us off. In those…"
    assert "Continue reading" in t.metadata.footer
    assert [q.kind for q in t.quirks()][:1] == ["page-link-cut"]


def test_a_plain_name_label_is_a_reported_guess() -> None:
    t = parse("Jane Doe: Hello.\n\nJohn Roe: Hi.\n\nJane Doe: Thanks.\n\nJohn Roe: Bye.\n")
    assert [turn.speaker for turn in t.turns] == ["JANE DOE", "JOHN ROE", "JANE DOE", "JOHN ROE"]
    names = [q for q in t.quirks() if q.kind == "name-label"]
    assert [q.turn for q in names] == [1, 2]
    assert names[0].message.startswith("\u201cJANE DOE\u201d (turns 1, 3) is neither in capitals")


def test_quirks_option_shows_what_the_parser_decided_and_why(tmp_path) -> None:
    path = tmp_path / "flat.txt"
    path.write_text("Title 2:36 p.m. EST MR PRICE: Hello. QUESTION: Hi?", encoding="utf-8")
    result = transcript_command(path, quirks=True)
    assert result.code == 0
    assert "[mid-line-label] Turn 1 (MR PRICE): the label stands in the middle of a line" in result.out
    assert "line breaks were probably lost" in result.out
