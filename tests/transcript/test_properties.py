"""Property-based tests: any text parses without raising, and every offset points at its text."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.transcript import parse
from casebook.transcript.labels import normalize_label

PIECES = [
    "MODERATOR:", "Moderator:", "QUESTION:", "Question: ", "AMBASSADOR CARPENTER:", "MR PRICE:",
    "MS. NULAND:", "U/S Thompson:", "OPERATOR:", "Jane Doe:", "NOTE:", ": ", ":", ". ", "? ", "! ", "...",
    "\n", "\n\n", "\r\n", "\r", "\xa0", "  ", "“", "”", '"', "‘", "’", "(Inaudible)", "(Laughter.)",
    "[inaudible]", "(", ")", "# # #", "###", "quote, ", " end quote", "quote/unquote", "unquote", "1,486",
    "from eight to 20", "40 percent", "May 24th, 2021", "August 2020", "June 11th", "today", "reportedly",
    "appears", "so-called", "•", "  • ", "U.S. Department of State", "Official websites use .gov",
    "For Immediate Release", "Mr.", "Dr.", "U.S.", "St.", "He asks, ", "from Jane Doe from Example Daily",
    "at  Thanks",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=60).map("".join)


def _check(source: str) -> None:
    t = parse(source)
    previous_end = 0
    for i, turn in enumerate(t.turns):
        assert turn.index == i and turn.number == i + 1  # a list position from 0, a number from 1
        assert t.turn(turn.number) == turn
        assert source[turn.start : turn.end] == turn.text
        assert turn.text == turn.text.strip()
        assert previous_end <= turn.label_start <= turn.start <= turn.end <= len(source)
        previous_end = turn.end
        for note in turn.annotations:
            assert turn.start <= note.start < note.end <= turn.end
            assert source[note.start : note.end] == note.text
    for sentence in t.sentences():
        turn = t.turn(sentence.turn)
        assert turn.start <= sentence.start < sentence.end <= turn.end
        assert re.sub(r"\s+", " ", source[sentence.start : sentence.end]).strip() == sentence.text
        assert turn.sentences[sentence.number - 1] == sentence.text
        assert t.passage(sentence.turn, sentence.number) == sentence.text
    for mention in [*t.numbers(), *t.dates(), *t.quotes(), *t.hedges()]:
        turn = t.turn(mention.turn)
        assert turn.start <= mention.start < mention.end <= turn.end
        assert " ".join(source[mention.start : mention.end].split()) == mention.text
        assert 1 <= mention.sentence <= max(1, len(turn.sentences))
    for exchange in t.exchanges():
        for number in (*exchange.question_turns, *exchange.answer_turns, *exchange.moderator_turns):
            assert 1 <= number <= len(t.turns)
    for line in t.kwic("a"):
        assert source[line.start : line.end].lower().startswith("a")
        assert t.turn(line.turn).start <= line.start and line.sentence >= 1
    stats = t.stats()
    assert stats.words == sum(stats.words_per_turn)
    json.dumps(
        [
            [turn.to_dict() for turn in t.turns],
            [e.to_dict() for e in t.exchanges()],
            stats.to_dict(),
            t.metadata.to_dict(),
        ]
    )
    for quirk in t.quirks():
        assert quirk.message
        assert quirk.turn is None or 1 <= quirk.turn <= len(t.turns)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_any_mix_of_transcript_pieces_parses(source: str) -> None:
    _check(source)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_unicode_text_parses(source: str) -> None:
    _check(source)


LABELS = [
    "MODERATOR", "Moderator", "QUESTION", "Question", "AMBASSADOR CARPENTER", "Ambassador Carpenter",
    "MR PRICE", "MS. NULAND", "U/S Thompson", "OPERATOR", "SENIOR STATE DEPARTMENT OFFICIAL",
]  # fmt: skip
WORDS = st.lists(
    st.sampled_from(["the", "report", "notes", "we", "met", "in", "vienna", "1,486", "it"]), min_size=1
)
SENTENCES = st.tuples(WORDS, st.sampled_from([".", "?", "!"])).map(
    lambda p: " ".join(p[0]).capitalize() + p[1]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(LABELS), st.lists(SENTENCES, min_size=1, max_size=4)), min_size=1),
    st.sampled_from(["\n\n", "\n", "\r\n", " "]),
)
def test_labelled_turns_are_found_in_order_whatever_the_layout(turns: list, separator: str) -> None:
    source = separator.join(f"{label}:  {' '.join(sentences)}" for label, sentences in turns)
    t = parse(source)
    assert [turn.speaker for turn in t.turns] == [normalize_label(label) for label, _ in turns]
    assert [turn.sentences for turn in t.turns] == [sentences for _, sentences in turns]
