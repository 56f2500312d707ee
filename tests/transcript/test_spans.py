"""The claimed-span index the finders use, checked against the obvious slow answer."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.transcript.segment import split_sentences
from casebook.transcript.spans import Spans, without_overlaps

span = st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=12), span)
def test_overlaps_agrees_with_checking_every_span(
    spans: list[tuple[int, int]], probe: tuple[int, int]
) -> None:
    expected = any(probe[0] < end and start < probe[1] for start, end in spans)
    assert Spans(spans).overlaps(*probe) is expected
    assert Spans(spans).covers(probe[0]) is any(start <= probe[0] < end for start, end in spans)


def test_touching_spans_do_not_overlap() -> None:
    spans = Spans([(0, 5), (10, 20)])
    assert not spans.overlaps(5, 10)
    assert spans.overlaps(4, 6) and spans.overlaps(19, 30) and spans.overlaps(0, 100)
    assert not Spans().overlaps(0, 10)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    name: str


def test_a_finder_keeps_the_longest_of_matches_that_start_together_and_drops_overlaps_and_skips() -> None:
    found = [Match(10, 14, "late"), Match(0, 3, "short"), Match(0, 8, "long"), Match(5, 9, "inside"),
             Match(20, 25, "skipped"), Match(30, 32, "kept")]  # fmt: skip
    assert [m.name for m in without_overlaps(found, skip=[(22, 23)])] == ["long", "late", "kept"]
    assert without_overlaps([]) == []


def test_runs_of_marks_end_one_sentence() -> None:
    assert split_sentences("Wait" + "." * 1000 + " Next?! Yes.") == ["Wait" + "." * 1000, "Next?!", "Yes."]
