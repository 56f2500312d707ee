"""Issue 20, class 9: odd input must not cost memory out of proportion to what is written.

Bounded by outcome (tracemalloc peaks of the same work on the same input), never by time.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

from casebook.transcript import load_briefing, parse
from casebook.transcript.report import json_chunks

A_LINES = "A:\n" * 20_000  # a turn every 3 bytes: the worst layout for per-turn cost


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _as_json(text: str) -> int:
    return sum(len(chunk) for chunk in json_chunks(turn.to_dict() for turn in parse(text).turns))


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
