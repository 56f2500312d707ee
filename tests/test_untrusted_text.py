"""Someone else's text, made safe to write to a file and to show on a terminal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casebook.untrusted_text import clean, for_terminal


def test_clean_replaces_lone_surrogates_and_controls_but_keeps_tabs_and_line_breaks() -> None:
    assert clean("Ada\ud800 \x1b[31mLovelace\x00") == "Ada\ufffd \ufffd[31mLovelace\ufffd"
    assert clean("one\ttwo\nthree\r\n") == "one\ttwo\nthree\r\n"
    assert clean("Zoë 🙂 مرحبا") == "Zoë 🙂 مرحبا"


def test_for_terminal_shows_every_control_and_bidi_mark_as_an_escape() -> None:
    assert for_terminal("\x1b[2Jred\x07\r\n\t\u202eevil\x9b") == "\\x1b[2Jred\\x07\\r\\n\\t\\u202eevil\\x9b"
    assert for_terminal("x" * 200, limit=10) == "x" * 10 + "…"


@given(st.text())
def test_for_terminal_output_is_one_line_a_terminal_shows_as_it_is(text: str) -> None:
    shown = for_terminal(text, limit=10_000)
    raw = [ch for ch in shown if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or 0xD800 <= ord(ch) <= 0xDFFF]
    assert raw == [] and not {"\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068"} & set(
        shown
    )
    shown.encode("utf-8")


@given(st.text())
def test_clean_text_can_always_be_written_as_utf8(text: str) -> None:
    cleaned = clean(text)
    cleaned.encode("utf-8")
    assert len(cleaned) == len(text)
