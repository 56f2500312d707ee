"""The word lists: shipped files are valid, and a broken file names the file and the field."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import casebook.transcript
from casebook.transcript.lexicon import (
    REQUIRED_GROUPS,
    LexiconError,
    check_lexicon,
    load_lexicon_file,
    shipped,
)


@pytest.mark.parametrize("name", sorted(REQUIRED_GROUPS))
def test_shipped_word_lists_are_valid_and_complete(name: str) -> None:
    path = Path(casebook.transcript.__file__).parent / name
    assert check_lexicon(json.loads(path.read_text(encoding="utf-8")), name, REQUIRED_GROUPS[name]) == []
    assert load_lexicon_file(path, REQUIRED_GROUPS[name]) == shipped(name)


def test_problems_name_the_file_and_the_field() -> None:
    data = {"about": "x", "hedge": {"about": "y", "phrases": ["may", ""]}, "attribution": {"phrases": "said"}}
    problems = check_lexicon(data, "my_markers.json", required=("hedge", "attribution", "distancing"))
    text = [str(p) for p in problems]
    assert "my_markers.json, field 'attribution.about': missing required field 'about'" in text
    assert "my_markers.json, field 'attribution.phrases': should be a list, not text ('said')" in text
    assert "my_markers.json, field 'hedge.phrases[1]': must not be empty" in text
    assert not any("is not of type" in t or "is a required property" in t for t in text), text
    assert any("field 'distancing'" in t and "the group 'distancing' is missing" in t for t in text)


def test_unreadable_or_invalid_json_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "markers.json"
    broken.write_text('{"about": "x",\n  "hedge": [}\n', encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        load_lexicon_file(broken)
    assert str(error.value).startswith(f"{broken}:2: is not valid JSON")
    with pytest.raises(LexiconError, match="missing.json: no such file"):
        load_lexicon_file(tmp_path / "missing.json")


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: p.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"), "nested too deeply"),
        (lambda p: p.write_bytes('{"about": "x"}'.encode("utf-16")), "is not UTF-8 text"),
        (lambda p: os.mkfifo(p), "named pipe"),
        (lambda p: p.write_bytes(b" " * (2 * 1024 * 1024)), "larger than 1 MB"),
    ],
    ids=["deep", "utf-16", "fifo", "large"],
)
def test_hostile_word_lists_give_one_line_naming_the_file(tmp_path: Path, make, words: str) -> None:
    path = tmp_path / "markers.json"
    make(path)
    with pytest.raises(LexiconError) as error:
        load_lexicon_file(path)
    assert str(error.value).startswith(str(path)) and words in str(error.value)
    assert "\n" not in str(error.value)


def test_a_valid_custom_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "custom.json"
    path.write_text(json.dumps({"about": "mine", "hedge": {"about": "soft", "phrases": ["arguably"]}}))
    assert load_lexicon_file(path, required=("hedge",)) == {"hedge": ("arguably",)}
