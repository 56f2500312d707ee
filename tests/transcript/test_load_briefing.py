"""load_briefing() reads the kit's briefing through the hash-checked path, so lessons never analyse an
edited copy as if it were the published text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casebook import data
from casebook.data import DataError
from casebook.paths import ENV_DATA
from casebook.transcript import briefing_path, load_briefing, parse, read_text
from tests.conftest import ROOT


def test_the_briefing_is_the_published_text_parsed() -> None:
    briefing = load_briefing()
    assert briefing.source == data.transcript_text() == read_text(briefing_path())
    assert len(briefing.turns) == 20 and len(briefing.exchanges()) == 6


def test_an_edited_transcript_is_refused_with_how_to_restore_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy, ignore=shutil.ignore_patterns("quizzes"))
    path = copy / "briefing" / "transcript.txt"
    path.write_bytes(path.read_bytes().replace(b"on the record", b"off the record", 1))
    monkeypatch.setenv(ENV_DATA, str(copy))
    with pytest.raises(DataError, match="the transcript has been changed.*git checkout"):
        load_briefing()
    assert "off the record" in parse(read_text(path)).source, "an edited copy can still be read on purpose"
