"""Issue 20, class 9: ``parse`` trims one-line turns and finds notes in bulk (regexes in C, see
``parser._one_line_spans`` and ``parser._add_notes``). It must give what one turn at a time gives:
each turn from its label's colon to the next label, page lines at its end set aside, trimmed, with
the transcriber's notes inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.transcript import load_briefing, parse
from casebook.transcript.clean import page_lines_before
from casebook.transcript.parser import find_annotations


def _one_at_a_time(text: str) -> tuple[list[tuple[int, int, tuple[object, ...]]], list[tuple[int, int]]]:
    """Each turn's (start, end, notes), and the (kept, stop) of its page lines, worked out per turn."""
    t = parse(text)
    spans, cuts = [], []
    for i, turn in enumerate(t.turns):
        label_end = text.index(":", turn.label_start) + 1
        stop = t.turns[i + 1].label_start if i + 1 < len(t.turns) else None
        if stop is None:  # the last turn runs to the body's end: as far as the parser took it
            spans.append((turn.start, turn.end, turn.annotations))
            continue
        start, end = stop, stop
        if text[label_end:stop].strip():
            kept = page_lines_before(text, label_end, stop)
            if kept < stop:
                cuts.append((kept, stop))
            words = text[label_end:kept]
            start = label_end + len(words) - len(words.lstrip())
            end = label_end + len(words.rstrip())
        spans.append((start, end, find_annotations(text, start, end)))
    return spans, cuts


def _same_as_one_at_a_time(text: str) -> None:
    t = parse(text)
    spans, cuts = _one_at_a_time(text)
    assert [(turn.start, turn.end, turn.annotations) for turn in t.turns] == spans
    page_cuts = [(q.start, q.end) for q in t.quirks() if q.kind == "page-lines"]
    assert page_cuts[: len(cuts)] == cuts and len(page_cuts) <= len(cuts) + 1


pieces = st.sampled_from(
    ["MODERATOR:", "QUESTION: ", "A:", "x. AB: ", "Yes.", " ", "  ", "\t", "\xa0", "\n", "\r\n", "\r",
     "\n\n", "(Inaudible)", "[inaudible]", "(Laughter.)", "(", ")", "[", "Click here to listen", "View Video",
     "1:12 p.m. EST", "English | Español", "words", "more words,", "\v", "\u2028", "\x1c"]
)  # fmt: skip


@given(st.lists(pieces, max_size=40).map("".join))
@settings(max_examples=400, deadline=None)
def test_bulk_trimming_gives_what_one_turn_at_a_time_gives(text: str) -> None:
    _same_as_one_at_a_time(text)


def test_bulk_trimming_on_the_briefing_and_odd_pages() -> None:
    _same_as_one_at_a_time(load_briefing().source)
    _same_as_one_at_a_time("x. AB: y (Inaudible) z. AB: (Laughter.) w. AB: done\n" * 50)
    _same_as_one_at_a_time(
        "MODERATOR: Yes.\nClick here to listen\n\nQUESTION: No (inaudible).\n1:12 p.m. EST\n" * 30
    )
    # More turns than one chunk (4096), some with notes and page lines, in every chunk.
    _same_as_one_at_a_time(("A: one\nA:\nA: two [inaudible]\nA: three\nView Video\n") * 2000)
