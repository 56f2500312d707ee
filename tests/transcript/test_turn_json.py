"""``--json`` writes each turn from the table's columns: the text must be what ``to_dict()`` encodes."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casebook.transcript import load_briefing, parse
from casebook.transcript.report import json_chunks, transcript_command
from casebook.transcript.turn_json import json_list, turn_objects
from tests.transcript.test_properties import PIECES

ODD = {
    '"A:" lines': "A:\n" * 500,
    "spaces before colons": (" " * 40 + ":" + " :" * 20 + "\n") * 50,
    "mid-line labels": "x. AB: y. AB: " * 300,
    "notes and names": "Jane Doe: hi (Inaudible) “so” he said.\nJane Doe: x\n\nMODERATOR: (Laughter.)\n" * 40,
}


def _from_dicts(text: str) -> str:
    return "".join(json_chunks(turn.to_dict() for turn in parse(text).turns))


def _from_columns(text: str) -> str:
    return "".join(json_list(turn_objects(parse(text).turns)))


@pytest.mark.parametrize("name", sorted(ODD))
def test_turns_written_from_columns_are_the_turns_as_dicts(name: str) -> None:
    assert _from_columns(ODD[name]) == _from_dicts(ODD[name])


def test_the_briefing_is_written_as_its_turns_as_dicts_even_when_turns_are_kept() -> None:
    briefing = load_briefing()
    fresh = parse(briefing.source)
    expected = _from_dicts(briefing.source)
    assert "".join(json_list(turn_objects(fresh.turns))) == expected
    assert fresh.turns[3].sentences  # a long turn, now kept with its sentences cached
    assert "".join(json_list(turn_objects(fresh.turns))) == expected
    assert json.loads(expected)[3]["sentences"] == briefing.turns[3].sentences


def test_a_list_of_turns_is_written_as_dicts_and_no_turns_as_an_empty_list() -> None:
    turns = list(parse(ODD["notes and names"]).turns)[2:5]
    assert "".join(json_list(turn_objects(turns))) == "".join(json_chunks(t.to_dict() for t in turns))
    assert "".join(json_list(turn_objects([]))) == "[]"


def test_the_command_prints_the_turns_as_dicts(tmp_path) -> None:  # noqa: ANN001 (pytest's tmp_path)
    path = tmp_path / "odd.txt"
    path.write_text(ODD["notes and names"], encoding="utf-8")
    assert transcript_command(path, as_json=True).out == _from_dicts(ODD["notes and names"])
    assert json.loads(transcript_command(path, as_json=True, turn=2).out) == [  # turn 2: position 1
        parse(ODD["notes and names"]).turns[1].to_dict()
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=40).map("".join))
def test_any_text_is_written_as_its_turns_as_dicts(text: str) -> None:
    assert _from_columns(text) == _from_dicts(text)
