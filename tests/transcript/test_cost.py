"""Issue 20, class 9: odd input must not cost memory out of proportion to what is written.

Bounded by outcome (tracemalloc peaks of the same work on the same input, lines of Python run), never
by time.
"""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Callable
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.transcript import load_briefing, parse
from casebook.transcript.labels import scan_labels
from casebook.transcript.table import KEPT
from casebook.transcript.turn_json import json_list, turn_objects

A_LINES = "A:\n" * 20_000  # a turn every 3 bytes: the worst layout for per-turn cost


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _as_json(text: str) -> int:
    return sum(len(chunk) for chunk in json_list(turn_objects(parse(text).turns)))


def test_json_output_holds_no_more_than_the_parse_itself() -> None:
    parse_peak = _peak(lambda: parse(A_LINES))
    json_peak = _peak(lambda: _as_json(A_LINES))
    # Streaming: each record is written and dropped, so the JSON adds at most a small constant (one
    # record, the encoder) to the parsed turns, not a share per turn written.
    assert json_peak <= parse_peak * 1.1 + 64_000, (json_peak, parse_peak)


def test_to_dict_neither_caches_nor_changes_sentences_and_words() -> None:
    briefing = load_briefing()
    fresh = parse(briefing.source)
    for turn, reference in zip(fresh.turns, briefing.turns, strict=True):
        record = turn.to_dict()
        assert "_sentence_texts" not in turn.__dict__ and "words" not in turn.__dict__
        assert record["sentences"] == reference.sentences
        assert record["words"] == reference.words
    # Once cached (a lesson read the sentences), to_dict gives the cached values.
    turn = fresh.turns[3]
    assert turn.sentences == briefing.turns[3].sentences
    assert "_sentence_texts" in turn.__dict__
    assert turn.to_dict()["sentences"] == briefing.turns[3].sentences


# Parse and --json on 256 KB of "A:" lines: the target of issue 20 is under ~20 bytes per input byte
# (it was ~130 when each turn was a Turn object with its Label).
BYTES_PER_BYTE = 20
A_PAGE = "A:\n" * (2**18 // 3)


def test_parse_holds_a_small_multiple_of_the_input() -> None:
    transcript = None

    def work() -> None:
        nonlocal transcript
        transcript = parse(A_PAGE)

    assert _peak(work) <= BYTES_PER_BYTE * len(A_PAGE)
    assert transcript is not None and len(transcript.turns) == len(A_PAGE) // 3


def test_json_of_every_turn_holds_a_small_multiple_of_the_input() -> None:
    assert _peak(lambda: _as_json(A_PAGE)) <= BYTES_PER_BYTE * len(A_PAGE)


def test_memory_grows_with_the_input_not_faster() -> None:
    small, large = _peak(lambda: parse(A_LINES)), _peak(lambda: parse(A_LINES * 4))
    assert large <= 4.5 * small, (small, large)


def _python_lines(work: Callable[[], object]) -> int:
    """How many lines of Python ``work`` runs (a count of work that does not depend on the machine),
    after one untraced run, so that loading the word lists once is not counted."""
    work()
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "unit", ["A:\n", "MODERATOR: Yes.\n", " " * 40 + ":" + " :" * 20 + "\n", "x. A: y. A: "]
)
def test_python_steps_grow_linearly(unit: str) -> None:
    one = _python_lines(lambda: parse(unit * 2000))
    four = _python_lines(lambda: parse(unit * 8000))
    assert four <= 4.2 * one + 2000, (one, four)


def test_bare_labels_and_bare_colons_take_few_python_steps() -> None:
    # A page of bare labels is settled by regexes: a few lines of Python per label, none per turn in
    # the parser's loop; colons with no word before them cost no Python step at all.
    labels = 4000
    assert _python_lines(lambda: parse("A:\n" * labels)) <= 16 * labels
    colons = (" " * 40 + ":" + " :" * 20 + "\n") * 200  # 4,200 colons, none with a word before it
    without = colons.replace(":", ";")  # the same page with no colon: what the lines cost anyway
    assert _python_lines(lambda: parse(colons)) <= _python_lines(lambda: parse(without)) + 100


pieces = st.sampled_from(
    ["A", "a", "Jane Doe", "MODERATOR", "MS.", "QUESTION", "10", "2", "²", "/", ":", ": ", " ", "  ", "\t",
     "\xa0", "\v", "\n", "\r", "\r\n", ".", "? ", "(", ")", "(via interpreter)", "2:36 p.m. EST ", "”"]
)  # fmt: skip


@given(st.lists(pieces, max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_both_ways_of_finding_colons_give_the_same_labels(text: str) -> None:
    dense, sparse = scan_labels(text, dense=True), scan_labels(text, dense=False)
    assert [dense[i] for i in range(len(dense))] == [sparse[i] for i in range(len(sparse))]


# Labels after a sentence's end on one line: the dense scan settles a single word after a closer
# itself (``_sentence_label``); these pieces try what could make a longer label win instead (initials,
# titles, abbreviations, a bracketed note, a time stamp's zone, other spaces, a colon just before).
mid_line = st.sampled_from(
    ["x.", "y. ", "MS.", "so. MS. ", ". J. ", "MR", "Ms.", "Ambassador", "PRICE", "AB", "EST", "UTC",
     "(via", "(via.", "AMBASSADOR", "interpreter)", "(via interpreter)", "QUESTION", "Jane", "you.", "?",
     "!", "…", "”", ")", "]", ":", ": ", " ", "  ", "\t", "\xa0", "\u2009", "\v", "\n", "2:36 p.m. ",
     "2:36 pm. ", "10", "²", "é", "/", " " * 119]
)  # fmt: skip


@given(st.lists(mid_line, max_size=30).map("".join))
@settings(max_examples=600, deadline=None)
def test_labels_after_a_sentence_end_are_the_same_both_ways(text: str) -> None:
    dense, sparse = scan_labels(text, dense=True), scan_labels(text, dense=False)
    assert [dense[i] for i in range(len(dense))] == [sparse[i] for i in range(len(sparse))]


def test_labels_after_a_sentence_end_in_the_dense_scan() -> None:
    text = (
        "x. AB: y. AB: so. MS. NULAND: well? QUESTION: 2:36 p.m. EST PRICE: Yes. (AB): "
        "at 2:36 pm. EST: no. AMBASSADOR (via. interpreter): "
    )
    labels = scan_labels(text, dense=True)
    assert [labels.speaker(i) for i in range(len(labels))] == [
        "AB", "AB", "MS. NULAND", "QUESTION", "PRICE", "AMBASSADOR (VIA. INTERPRETER)"
    ]  # fmt: skip
    sparse = scan_labels(text, dense=False)
    assert [labels[i] for i in range(len(labels))] == [sparse[i] for i in range(len(sparse))]
    assert not any(labels.line_start(i) for i in range(1, len(labels)))


def test_long_turns_are_kept_short_ones_rebuilt_equal() -> None:
    briefing = parse(load_briefing().source)
    long = next(i for i, turn in enumerate(briefing.turns) if len(turn.text) >= KEPT)
    short = next(i for i, turn in enumerate(briefing.turns) if len(turn.text) < KEPT)
    # A long turn is built once, so the sentences one analysis finds serve the next.
    assert briefing.turns[long] is briefing.turns[long]
    assert briefing.turns[long].sentences
    assert "_sentence_texts" in briefing.turns[long].__dict__
    # A short one is built on each access, equal by value, and holds nothing between accesses.
    assert briefing.turns[short] == briefing.turns[short]
    assert briefing.turns[short] is not briefing.turns[short]
    assert list(briefing.turns) == [briefing.turns[i] for i in range(len(briefing.turns))]
    assert briefing.turns[-1] == briefing.turns[len(briefing.turns) - 1]
    assert briefing.turns[2:5] == [briefing.turns[2], briefing.turns[3], briefing.turns[4]]
