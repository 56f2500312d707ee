"""`casebook rubric`: list, print and check rubrics from the command line, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.cli import main


def test_lists_the_kits_rubrics(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric"]) == 0
    assert "answer_the_question" in capsys.readouterr().out


def test_prints_a_rubric_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rubric", "capstone_brief"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The capstone brief: how it will be read") and "Ready to hand in" in out


def test_a_broken_file_is_reported_with_its_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\ncriteria: []\nbands: []\n", encoding="utf-8")
    assert main(["rubric", str(bad), "no_such_rubric"]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:3, field 'criteria'" in out and "no rubric 'no_such_rubric'" in out
    assert "Traceback" not in out
