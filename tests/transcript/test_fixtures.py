"""Whole invented briefings, one per layout: turns, exchanges, metadata and quirks."""

from __future__ import annotations

import re

import pytest

from casebook.transcript import parse, read_text
from tests.transcript.helpers import FIXTURES, fixture, seed


def test_teleconference_with_operator_and_release_header() -> None:
    t = fixture("teleconference_upper.txt")
    official = "SENIOR STATE DEPARTMENT OFFICIAL"
    assert [(x.speaker, x.role) for x in t.turns] == [
        ("OPERATOR", "operator"),
        ("MODERATOR", "moderator"),
        (official, "briefer"),
        ("MODERATOR", "moderator"),
        ("OPERATOR", "operator"),
        ("QUESTION", "questioner"),
        (official, "briefer"),
        ("OPERATOR", "operator"),
        ("QUESTION", "questioner"),
        (official, "briefer"),
        ("MODERATOR", "moderator"),
    ]
    assert [(e.questioner, e.outlet, e.mode, e.announced_in) for e in t.exchanges()] == [
        ("Jane Roe", "Example Daily", "live", 5),  # turn numbers, from 1
        ("Sam Doe", "Sample Radio", "live", 8),
    ]
    assert t.metadata.release == ("Special Briefing", "Office of the Spokesperson", "For Immediate Release",
                                  "Via Teleconference")  # fmt: skip
    assert t.metadata.header == ("Background Briefing on an Example Conference",)
    assert t.metadata.footer == ("U.S. Department of State", "Back to top")
    assert t.metadata.related == ()
    assert [q.kind for q in t.quirks()] == ["gap", "undated"]
    assert [(n.text, n.kind, n.qualifier) for n in t.numbers()] == [
        ("40", "count", "about"),
        ("35", "count", "at least"),
        ("from three to five", "range", None),
        ("Four", "count", None),
    ]


def test_title_case_labels_with_single_newlines_and_a_submitted_question() -> None:
    t = fixture("title_case_single_newlines.txt")
    assert [x.speaker for x in t.turns] == [
        "MODERATOR", "AMBASSADOR RIVERA", "MODERATOR", "AMBASSADOR RIVERA", "MODERATOR", "QUESTION",
        "AMBASSADOR RIVERA", "MODERATOR",
    ]  # fmt: skip
    assert t.turns[1].sentences == [
        "Thank you.",
        "I was in St. Louis last week with Dr. Lee and Mr. Park.",
        "The U.S. delegation met 12 partners there.",
        "Talks went well.",
        "(Laughter.)",
    ]
    assert [a.text for a in t.turns[1].annotations] == ["(Laughter.)"]
    submitted, live = t.exchanges()
    assert (submitted.mode, submitted.questioner, submitted.outlet) == (
        "submitted",
        "Pat Kim",
        "Example Weekly",
    )
    assert submitted.question == "What comes next for the talks?"
    assert submitted.question_turns == (3,) and submitted.answer_turns == (4,)  # turn numbers, from 1
    assert (live.mode, live.questioner, live.outlet) == ("live", "Chris Young", None)
    assert t.metadata.header == ("Press Briefing with Ambassador Alex Rivera", "May 3, 2022")
    assert t.quirks() == []  # dated, no gaps, no repeated speakers
    assert [(d.text, d.kind) for d in t.dates()] == [
        ("today", "relative"),
        ("last week", "relative"),
        ("June 11th", "day"),
        ("today", "relative"),
    ]


def test_daily_briefing_with_mr_and_ms_labels_and_repeated_questions() -> None:
    t = fixture("daily_press_mr_ms.txt")
    assert [(x.speaker, x.role) for x in t.turns] == [
        ("MR BROWN", "briefer"),
        ("QUESTION", "questioner"),
        ("QUESTION", "questioner"),
        ("MR BROWN", "briefer"),
        ("QUESTION", "questioner"),
        ("MS. GREEN", "briefer"),
        ("MR BROWN", "briefer"),
    ]
    assert t.turns[0].sentences[2:] == ["The first is a schedule note.", "The second can wait."]
    first, second = t.exchanges()
    assert first.question_turns == (2, 3) and first.answer_turns == (4,)  # turn numbers, from 1
    assert second.question_turns == (5,) and second.answer_turns == (6, 7)
    assert first.questioner is None and first.mode == "live"
    assert [q.kind for q in t.quirks()] == ["repeated-question", "undated"]
    assert t.metadata.release == ("Department Press Briefing",)
    assert [(d.text, d.year, d.month) for d in t.dates()] == [("August 2024", 2024, 8)]


def test_under_secretary_label_with_bullets_and_release_lines() -> None:
    t = fixture("under_secretary_bullets.txt")
    assert [x.speaker for x in t.turns] == [
        "MODERATOR",
        "U/S LEE",
        "MODERATOR",
        "QUESTION",
        "U/S LEE",
        "MODERATOR",
    ]
    assert t.metadata.summary == (
        "Under Secretary Lee describes an example programme.",
        "The remarks were followed by questions.",
    )
    assert t.metadata.release == ("For Immediate Release", "Remarks")
    assert t.metadata.header == ("U/S Lee on an example programme",)
    (exchange,) = t.exchanges()
    assert (exchange.questioner, exchange.outlet) == ("Dana Cruz", "Example Wire")
    assert [(m.text, m.kind) for m in t.hedges()] == [("Reportedly", "attribution")]


def test_flattened_page_with_labels_mid_line() -> None:
    t = fixture("flattened.txt")
    assert [(x.speaker, x.role) for x in t.turns] == [
        ("MODERATOR", "moderator"),
        ("AMBASSADOR MORGAN", "briefer"),
        ("MODERATOR", "moderator"),
        ("QUESTION", "questioner"),
        ("AMBASSADOR MORGAN", "briefer"),
        ("MODERATOR", "moderator"),
    ]
    assert t.turns[-1].text == "Thank you all."
    assert (
        t.turns[2].text == "Our first question is live: Robin Ash from Example Post. Robin, please go ahead."
    )
    (exchange,) = t.exchanges()
    assert (exchange.questioner, exchange.outlet, exchange.mode) == ("Robin Ash", "Example Post", "live")
    assert t.metadata.summary == ("Ambassador Kai Morgan answers questions on an example topic.",)
    assert "Official websites use .gov" in t.metadata.banner
    assert t.metadata.footer == ("U.S. Department of State",)
    assert t.metadata.related == ("Example Related Story: A Link",)


def test_no_labels_gives_an_honest_empty_transcript() -> None:
    t = fixture("no_labels.txt")
    assert t.turns == [] and t.exchanges() == [] and t.sentences() == [] and t.numbers() == []
    assert [q.kind for q in t.quirks()] == ["no-labels"]
    assert len(t.metadata.header) == 5  # nothing is lost: every line is kept as metadata
    assert t.stats().turns == 0 and t.stats().words == 0


def test_the_seed_flattened_onto_one_line_parses_the_same() -> None:
    flat = parse(re.sub(r"\s*\n\s*", " ", seed().source))
    assert [t.speaker for t in flat.turns] == [t.speaker for t in seed().turns]
    assert [t.sentences for t in flat.turns] == [t.sentences for t in seed().turns]
    assert [(e.questioner, e.outlet, e.mode) for e in flat.exchanges()] == [
        (e.questioner, e.outlet, e.mode) for e in seed().exchanges()
    ]
    assert flat.metadata.related == seed().metadata.related
    guesses = [q for q in flat.quirks() if q.kind == "mid-line-label"]
    assert [q.turn for q in guesses] == list(range(1, len(seed().turns) + 1))  # every label is mid-line
    assert [q.kind for q in flat.quirks() if q not in guesses] == [q.kind for q in seed().quirks()]


def test_the_seed_with_title_case_labels_parses_the_same() -> None:
    source = seed().source
    for upper, title in (("MODERATOR:", "Moderator:"), ("AMBASSADOR CARPENTER:", "Ambassador Carpenter:"),
                         ("QUESTION:", "Question:")):  # fmt: skip
        source = source.replace(upper, title)
    t = parse(source)
    assert [x.speaker for x in t.turns] == [x.speaker for x in seed().turns]
    assert [(e.questioner, e.mode) for e in t.exchanges()] == [
        (e.questioner, e.mode) for e in seed().exchanges()
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_windows_line_endings_change_nothing_but_offsets(name: str, tmp_path) -> None:
    original = read_text(FIXTURES / name)
    windows = tmp_path / name
    windows.write_bytes(original.replace("\n", "\r\n").encode("utf-8"))
    a, b = parse(original), parse(read_text(windows))
    assert [(t.speaker, t.role, t.sentences) for t in a.turns] == [
        (t.speaker, t.role, t.sentences) for t in b.turns
    ]
    assert [e.to_dict() for e in a.exchanges()] == [e.to_dict() for e in b.exchanges()]
    assert a.metadata == b.metadata
    for turn in b.turns:
        assert b.source[turn.start : turn.end] == turn.text
