"""Evidence options resolve against the transcript contract; without a transcript they show their place."""

from __future__ import annotations

import sys

import pytest

from casebook.quiz.model import PassageRef
from casebook.quiz.passages import TranscriptUnavailable, default_transcript, ref_problem, resolve
from tests.quiz.conftest import FAKE


def test_a_sentence_reference_resolves_to_that_sentence_and_its_speaker() -> None:
    passage = resolve(PassageRef(2, 2), FAKE)  # counted from 1: the second sentence of the second turn
    assert passage.text == "We did not act alone."
    assert passage.label() == "Turn 2 (AMBASSADOR), sentence 2"
    assert passage.display() == "Turn 2 (AMBASSADOR), sentence 2: We did not act alone."


def test_a_turn_reference_resolves_to_the_whole_turn() -> None:
    assert resolve(PassageRef(1), FAKE).text == "Welcome to the briefing. It is on the record."


def test_the_first_and_the_last_passage_resolve() -> None:
    assert resolve(PassageRef(1, 1), FAKE).text == "Welcome to the briefing."
    assert resolve(PassageRef(3, 1), FAKE).text == "Why now?"
    assert ref_problem(PassageRef(3, 1), FAKE) is None


def test_references_out_of_range_are_explained() -> None:
    assert ref_problem(PassageRef(4), FAKE) == "there is no turn 4: the transcript has 3 turns (1-3)"
    assert ref_problem(PassageRef(3, 2), FAKE) == "there is no sentence 2: turn 3 has 1 sentence (sentence 1)"
    assert ref_problem(PassageRef(9), FAKE) == "there is no turn 9: the transcript has 3 turns (1-3)"
    assert resolve(PassageRef(9), FAKE).text is None


def test_a_reference_of_zero_says_that_turns_and_sentences_count_from_1() -> None:
    assert ref_problem(PassageRef(0), FAKE) == (
        "there is no turn 0: turns count from 1; the transcript has 3 turns (1-3)"
    )
    assert ref_problem(PassageRef(2, 0), FAKE) == (
        "there is no sentence 0: sentences count from 1; turn 2 has 2 sentences (1-2)"
    )
    assert resolve(PassageRef(0), FAKE).text is None and resolve(PassageRef(2, 0), FAKE).text is None


def test_without_a_transcript_the_place_is_shown() -> None:
    passage = resolve(PassageRef(13, 8), None)
    assert passage.text is None
    assert passage.display().startswith("Turn 13, sentence 8: the transcript could not be loaded")


def test_a_missing_toolkit_is_reported_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "casebook.transcript", None)  # as if it were not installed
    with pytest.raises(TranscriptUnavailable, match="transcript toolkit is not installed"):
        default_transcript()
    assert resolve(PassageRef(1)).text is None  # resolving still works, by place


def test_the_briefing_is_parsed_once_per_version_of_its_file(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One briefing cache for quizzes, checks and lessons: shared while the file is unchanged,
    parsed again when it changes."""
    import hashlib
    import json
    import os
    import shutil

    from casebook.paths import data_dir
    from casebook.transcript import load_briefing

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    monkeypatch.setenv("CASEBOOK_DATA", str(copy))
    first = default_transcript()
    assert load_briefing() is first and default_transcript() is first
    path = copy / "briefing" / "transcript.txt"
    text = path.read_text(encoding="utf-8").replace("Carpenter", "Karpenter")
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1, 1))
    # a corrected transcript is recorded with its new hash (as `casebook data-hash` does), then re-read
    package = copy / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "transcript":
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
            resource["bytes"] = path.stat().st_size
    package.write_text(json.dumps(descriptor), encoding="utf-8")
    changed = load_briefing()
    assert changed is not first and "Karpenter" in changed.source
    assert default_transcript() is changed
