"""The parser on the hand-annotated corpus: every turn found, and no boilerplate line inside a turn."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from casebook.transcript import parse, read_text
from casebook.transcript.labels import normalize_label

CORPUS = Path(__file__).parent / "corpus"
NAMES = sorted(path.stem for path in CORPUS.glob("*.txt"))
OPENING = 40


def _annotation(name: str) -> dict:
    return yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_the_corpus_has_at_least_twenty_annotated_transcripts_from_several_eras() -> None:
    assert len(NAMES) >= 20
    eras = {_annotation(name)["era"] for name in NAMES}
    assert {2007, 2012, 2017, 2023} <= eras
    for name in NAMES:
        annotation = _annotation(name)
        assert annotation["source"].startswith("http"), name
        assert annotation["turns"], name


@pytest.mark.parametrize("name", NAMES)
def test_every_annotated_turn_is_found_with_its_speaker_and_opening(name: str) -> None:
    annotation = _annotation(name)
    transcript = parse(read_text(CORPUS / f"{name}.txt"))
    found = [(turn.speaker, turn.plain[:OPENING]) for turn in transcript.turns]
    expected = []
    for speaker, opening in annotation["turns"]:
        opening = _collapse(opening)
        expected.append((normalize_label(speaker), opening[:OPENING]))
    assert found == expected
    for turn, (_, opening) in zip(transcript.turns, annotation["turns"], strict=True):
        if len(_collapse(opening)) < OPENING:
            assert turn.plain == _collapse(opening), f"{name}: a short opening must be the whole turn"


@pytest.mark.parametrize("name", NAMES)
def test_every_line_outside_the_turns_is_annotated_boilerplate_and_none_is_in_a_turn(name: str) -> None:
    annotation = _annotation(name)
    text = read_text(CORPUS / f"{name}.txt")
    transcript = parse(text)
    inside = [False] * len(text)
    for turn in transcript.turns:
        for i in range(turn.label_start, turn.end):
            inside[i] = True
    outside = []  # each stretch of a line outside the turns
    pos = 0
    for line in text.splitlines(keepends=True):
        stretch = ""
        for i, ch in enumerate(line, pos):
            if inside[i] and stretch.strip():
                outside.append(_collapse(stretch))
            stretch = "" if inside[i] else stretch + ch
        pos += len(line)
        if stretch.strip():
            outside.append(_collapse(stretch))
    assert outside == [_collapse(line) for line in annotation["outside"]]
    boilerplate = {_collapse(line) for line in annotation["outside"]}
    for turn in transcript.turns:
        lines = {_collapse(line) for line in turn.text.splitlines()}
        assert not lines & boilerplate, (name, turn.index, lines & boilerplate)
