"""Hypothesis properties of issue 19: the turns plus the boilerplate account for every line of any text,
and the work the parser does grows linearly with the size of its input (counted, never timed)."""

from __future__ import annotations

import sys
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casebook.text import words
from casebook.transcript import parse
from casebook.transcript.quotes import find_quotes
from tests.transcript.test_properties import PIECES

PAGE_PIECES = [
    *PIECES, "Click here to listen", "English | Español", "View Video", "2:36 p.m. EST ", "A:", "quote ",
    " unquote", "Continue reading ", "Read More»", "   :", "SENIOR STATE DEPARTMENT OFFICIAL ONE:",
]  # fmt: skip
page_texts = st.lists(st.sampled_from(PAGE_PIECES) | st.text(max_size=10), max_size=80).map("".join)


def _metadata_words(metadata) -> Counter[str]:  # noqa: ANN001 (a Metadata)
    parts = [*metadata.banner, *metadata.release, *metadata.summary, *metadata.header, *metadata.footer]
    parts += [*metadata.related, *metadata.between, metadata.end_mark or ""]
    return Counter(word for part in parts for word in words(part))


@settings(max_examples=300, deadline=None)
@given(page_texts)
@example("_")  # not a word (casebook.text.word_count): a line of only "_" is rightly dropped
@example("A: x\n_ _\n__")
def test_the_turns_and_the_boilerplate_account_for_every_word_of_any_text(source: str) -> None:
    """Words as the kit counts them (``casebook.text.words``: letters and digits, so "_" is none)."""
    t = parse(source)
    inside = bytearray(len(source))
    for turn in t.turns:
        inside[turn.label_start : turn.end] = b"\x01" * (turn.end - turn.label_start)
    outside = "".join(ch if not inside[i] else " " for i, ch in enumerate(source))
    assert Counter(words(outside)) == _metadata_words(t.metadata)
    for turn in t.turns:  # and the turns hold their own text, label included
        assert source[turn.label_start : turn.end].strip()


def _calls(work, text: str) -> int:  # noqa: ANN001 (a function of one string)
    """How many Python and C function calls ``work(text)`` makes: a count of work, not a time."""
    count = 0

    def profile(frame, event, arg) -> None:  # noqa: ANN001
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work(text)
    finally:
        sys.setprofile(None)
    return count


def _grows_linearly(work, block: str) -> None:  # noqa: ANN001
    small, large = _calls(work, block * 4), _calls(work, block * 16)
    assert large <= 4 * small * 1.25 + 500, (small, large)


@settings(max_examples=40, deadline=None)
@given(page_texts.filter(lambda text: text.strip()))
def test_parsing_work_grows_linearly_with_the_input(block: str) -> None:
    _grows_linearly(lambda text: [t.to_dict() for t in parse(text).turns], block + "\n")


def test_the_red_team_inputs_cost_linear_work() -> None:
    """Issue 20, class 9: every line "A:", spaces before colons, and text full of the word "quote"."""
    _grows_linearly(lambda text: [t.to_dict() for t in parse(text).turns], "A:\n" * 50)
    _grows_linearly(parse, " " * 40 + ":" + " :" * 20 + "\n")
    _grows_linearly(find_quotes, "quote " * 50)
