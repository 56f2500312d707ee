"""Numbers, dates, quotations and markers found in short made-up sentences."""

from __future__ import annotations

import pytest

from casebook.transcript import parse
from casebook.transcript.dates import find_dates
from casebook.transcript.hedges import find_markers
from casebook.transcript.numbers import find_numbers, value_of
from casebook.transcript.quotes import find_quotes


def _numbers(text: str) -> list[tuple]:
    taken = [(d.start, d.end) for d in find_dates(text)]
    return [(text[n.start : n.end], n.kind, n.value, n.upper, n.qualifier) for n in find_numbers(text, taken)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 1,486 prisoners", [("1,486", "count", 1486, None, "at least")]),
        ("from eight to 20 years", [("from eight to 20", "range", 8, 20, None)]),
        ("between 3 and 5 days", [("between 3 and 5", "range", 3, 5, None)]),
        ("10-12 people", [("10-12", "range", 10, 12, None)]),
        ("more than 40 percent", [("40 percent", "percent", 40, None, "more than")]),
        ("3.5% growth", [("3.5%", "percent", 3.5, None, None)]),
        ("$2.5 million", [("$2.5 million", "money", 2_500_000, None, None)]),
        ("twenty-five states", [("twenty-five", "count", 25, None, None)]),
        ("the 1422nd meeting", [("1422nd", "ordinal", 1422, None, None)]),
        ("hundreds of thousands marched", [("hundreds of thousands", "approximate", None, None, None)]),
        ("tens of thousands", [("tens of thousands", "approximate", None, None, None)]),
        ("no one came; one day", []),
        ("Direkt36 and MiG-29 and COVID-19 at 10:30", []),
        ("On May 24th, 2021, three people", [("three", "count", 3, None, None)]),
    ],
)
def test_numbers(text: str, expected: list[tuple]) -> None:
    assert _numbers(text) == expected


def test_value_of() -> None:
    assert value_of("1,486") == 1486
    assert value_of("two hundred thousand") == 200_000
    assert value_of("a hundred") == 100
    assert value_of("many") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the May 24th, 2021, law", [("May 24th, 2021", "date", 2021, 5, 24)]),
        ("in August 2020", [("August 2020", "month", 2020, 8, None)]),
        ("on June 11th", [("June 11th", "day", None, 6, 11)]),
        ("on 11 May 2023", [("11 May 2023", "date", 2023, 5, 11)]),
        ("on 5/11/2023", [("5/11/2023", "date", 2023, 5, 11)]),
        ("on 2023-05-11", [("2023-05-11", "date", 2023, 5, 11)]),
        ("since March", [("March", "month", None, 3, None)]),
        ("in the 1990s", [("1990s", "decade", 1990, None, None)]),
        ("on Thursday", [("Thursday", "weekday", None, None, None)]),
        ("in 2016 and after 2020", [("2016", "year", 2016, None, None), ("2020", "year", 2020, None, None)]),
        ("earlier this week", [("earlier this week", "relative", None, None, None)]),
        ("May I ask? They may come. June 31st is no date.", []),
        ("1,986 people and 2000 percent", []),
    ],
)
def test_dates(text: str, expected: list[tuple]) -> None:
    assert [(text[d.start : d.end], d.kind, d.year, d.month, d.day) for d in find_dates(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the so-called “reforms” – in quotes", [("reforms", "marks")]),
        ("for, quote/unquote, “useful work” and", [("useful work", "quote-unquote")]),
        ("a quote unquote democracy", [("democracy", "quote-unquote")]),
        (
            "Belarus, quote, “shall exclude aggression,” end quote – which",
            [("shall exclude aggression", "spoken")],
        ),
        ("she said, quote, we will stay, unquote.", [("we will stay", "spoken")]),
        ('he said "yes" and "no"', [("yes", "marks"), ("no", "marks")]),
        ("a ‘single’ quote", [("single", "marks")]),
        ("an unclosed “quotation", []),
        ("Hungary’s government and the regime’s claims", []),
    ],
)
def test_quotes(text: str, expected: list[tuple]) -> None:
    assert [(text[q.start : q.end], q.kind) for q in find_quotes(text)] == expected


def test_markers_prefer_the_longest_phrase() -> None:
    text = "Anecdotal reporting suggests it appears so; according to them, so-called reforms."
    found = [(text[m.start : m.end], m.kind, m.marker) for m in find_markers(text)]
    assert found == [
        ("Anecdotal reporting suggests", "attribution", "anecdotal reporting suggests"),
        ("appears", "hedge", "appears"),
        ("according to", "attribution", "according to"),
        ("so-called", "distancing", "so-called"),
    ]


def test_markers_skip_dates() -> None:
    t = parse("MODERATOR: The law of May 24th, 2021 may change.")
    assert [(m.text, m.kind) for m in t.hedges()] == [("may", "hedge")]


def test_unknown_marker_kind_is_a_clear_error() -> None:
    t = parse("MODERATOR: It appears so.")
    with pytest.raises(ValueError, match="unknown marker kind 'hedges': choose from attribution, hedge"):
        t.hedges(["hedges"])
    assert [m.kind for m in t.hedges("hedge")] == ["hedge"]


def test_mentions_carry_turn_sentence_offsets_and_context() -> None:
    source = "Title\n\nMODERATOR: Welcome.\n\nMR BROWN: First point. We counted 12 cases last week."
    t = parse(source)
    (number,) = t.numbers()
    assert (number.turn, number.sentence, number.context) == (2, 2, "We counted 12 cases last week.")
    assert source[number.start : number.end] == "12"
    (date,) = t.dates()
    assert (date.text, date.kind, date.turn, date.sentence) == ("last week", "relative", 2, 2)
